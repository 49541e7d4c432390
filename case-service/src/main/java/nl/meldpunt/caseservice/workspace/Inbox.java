package nl.meldpunt.caseservice.workspace;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import nl.meldpunt.caseservice.casefile.Actor;
import nl.meldpunt.caseservice.casefile.CaseFile;
import nl.meldpunt.caseservice.casefile.CaseState;
import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.DueCase;

/**
 * The recipient's open cases, ordered by the next legal deadline (the case file knows
 * them), with overdue and due-soon cases marked.
 */
@Service
class Inbox {

	/** Cases whose deadline is at most this many days away are due soon. */
	static final int DUE_SOON_DAYS = 3;

	record Entry(UUID caseId, CaseState state, Channel channel, LocalDate receivedOn, LocalDate dueOn,
			DueCase.Deadline deadline, boolean overdue, boolean dueSoon) {
	}

	private final CaseFile caseFile;

	private final Clock clock;

	Inbox(CaseFile caseFile, Clock clock) {
		this.caseFile = caseFile;
		this.clock = clock;
	}

	List<Entry> of(Actor recipient) {
		LocalDate today = LocalDate.now(this.clock);
		return this.caseFile.inbox(recipient)
			.stream()
			.map((c) -> new Entry(c.caseId(), c.state(), c.channel(), c.receivedOn(), c.dueOn(), c.deadline(),
					c.overdueOn(today), c.dueWithin(DUE_SOON_DAYS, today)))
			.toList();
	}

}

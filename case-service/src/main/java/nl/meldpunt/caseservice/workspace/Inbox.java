package nl.meldpunt.caseservice.workspace;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;

import nl.meldpunt.caseservice.casefile.Actor;
import nl.meldpunt.caseservice.casefile.CaseFile;
import nl.meldpunt.caseservice.casefile.CaseState;
import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.DueCase;
import nl.meldpunt.caseservice.problem.Refusal;

/**
 * The recipient's open cases, ordered by the next legal deadline (the case file knows
 * them), with overdue and due-soon cases marked, news from the reporter counted, and
 * filters over the coarse facts only. The server cannot search what a case says: that is
 * ciphertext; the browser searches it after decrypting.
 */
@Service
class Inbox {

	/** Cases whose deadline is at most this many days away are due soon. */
	static final int DUE_SOON_DAYS = 3;

	/** How close the next deadline is. */
	enum Urgency {

		/** Past its deadline. */
		OVERDUE,
		/** Due within {@link #DUE_SOON_DAYS} days. */
		DUE_SOON,
		/** Due later, or no deadline left. */
		ON_TIME

	}

	/**
	 * What the recipient narrows the inbox to; every part is optional.
	 *
	 * @param state one state
	 * @param urgency how close the deadline is
	 * @param channel advisers or hotline
	 * @param news only cases with something from the reporter not yet seen
	 * @param query a case number (or its start) or a day ({@code yyyy-mm-dd}, or its
	 * start) it was received or is due
	 */
	record Filter(CaseState state, Urgency urgency, Channel channel, boolean news, String query) {

		Filter {
			if (query != null) {
				query = query.strip().toLowerCase(Locale.ROOT);
				if (query.length() > 36 || !query.matches("[0-9a-f-]*")) {
					throw Refusal.invalid("q", "must be a case number or a day (yyyy-mm-dd), never words");
				}
			}
		}

		Predicate<Entry> test() {
			return (e) -> (this.state == null || e.state() == this.state)
					&& (this.urgency == null || e.urgency() == this.urgency)
					&& (this.channel == null || e.channel() == this.channel) && (!this.news || e.unseen() > 0)
					&& (this.query == null || this.query.isEmpty() || e.caseId().toString().startsWith(this.query)
							|| e.receivedOn().toString().startsWith(this.query)
							|| (e.dueOn() != null && e.dueOn().toString().startsWith(this.query)));
		}

	}

	/**
	 * One case of the inbox.
	 *
	 * @param unseen how many items and files the reporter sent that this recipient has
	 * not seen
	 * @param pendingDecisions proposals and minutes waiting for the reporter
	 */
	record Entry(UUID caseId, CaseState state, Channel channel, LocalDate receivedOn, LocalDate dueOn,
			DueCase.Deadline deadline, boolean overdue, boolean dueSoon, Urgency urgency, int unseen,
			int pendingDecisions) {
	}

	private final CaseFile caseFile;

	private final Clock clock;

	Inbox(CaseFile caseFile, Clock clock) {
		this.caseFile = caseFile;
		this.clock = clock;
	}

	List<Entry> of(Actor recipient, Filter filter) {
		LocalDate today = LocalDate.now(this.clock);
		return this.caseFile.inbox(recipient).stream().map((c) -> entry(c, today)).filter(filter.test()).toList();
	}

	private static Entry entry(DueCase c, LocalDate today) {
		boolean overdue = c.overdueOn(today);
		boolean dueSoon = c.dueWithin(DUE_SOON_DAYS, today);
		Urgency urgency = overdue ? Urgency.OVERDUE : dueSoon ? Urgency.DUE_SOON : Urgency.ON_TIME;
		return new Entry(c.caseId(), c.state(), c.channel(), c.receivedOn(), c.dueOn(), c.deadline(), overdue, dueSoon,
				urgency, c.unseen(), c.pendingDecisions());
	}

}

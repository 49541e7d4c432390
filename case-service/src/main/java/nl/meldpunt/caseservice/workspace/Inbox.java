package nl.meldpunt.caseservice.workspace;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.casefile.CaseState;
import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.Recipient;

/**
 * The recipient's open cases, ordered by the next legal deadline (acknowledge within 7
 * days, feedback within 3 months), with overdue and due-soon cases marked. One query, no
 * per-case lookups.
 */
@Service
class Inbox {

	/** Cases whose deadline is at most this many days away are due soon. */
	static final int DUE_SOON_DAYS = 3;

	record Entry(UUID caseId, CaseState state, Channel channel, LocalDate receivedOn, LocalDate dueOn, String deadline,
			boolean overdue, boolean dueSoon) {
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Inbox(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Entry> of(UUID organisationId, Recipient recipient) {
		LocalDate today = LocalDate.now(this.clock);
		return this.jdbc.query("""
				select c.id, c.state, c.channel, c.received_on,
				       case when c.state = 'RECEIVED' then c.received_on + 7
				            when c.feedback_on is null
				                then (coalesce(c.acknowledged_on, c.received_on + 7) + interval '3 months')::date
				       end as due_on,
				       case when c.state = 'RECEIVED' then 'ACKNOWLEDGE'
				            when c.feedback_on is null then 'FEEDBACK' end as deadline
				from case_file c
				join key_envelope k on k.case_id = c.id and k.recipient_kind = ? and k.recipient_id = ?
				where c.organisation_id = ? and c.state not in ('CLOSED', 'WITHDRAWN')
				order by due_on nulls last, c.received_on, c.id
				""", (rs, n) -> {
			LocalDate due = rs.getObject(5, LocalDate.class);
			return new Entry(rs.getObject(1, UUID.class), CaseState.valueOf(rs.getString(2)),
					Channel.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class), due, rs.getString(6),
					due != null && due.isBefore(today),
					due != null && !due.isBefore(today) && !due.isAfter(today.plusDays(DUE_SOON_DAYS)));
		}, recipient.kind().name(), recipient.id(), organisationId);
	}

}

package nl.meldpunt.caseservice.casefile;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The queries over many cases: open cases by deadline, deadlines coming up, questions
 * left unanswered, cases past retention. The deadlines are {@link DueDates}' rules with
 * its constants, computed in the database so that it can order and filter by them.
 */
@Repository
class DueCases {

	/**
	 * {@link DueDates#feedbackBy}, as SQL over {@code case_file c}; parameters: days,
	 * months.
	 */
	private static final String FEEDBACK_BY = "(coalesce(c.acknowledged_on, c.received_on + ?) + make_interval(months => ?))::date";

	private static final String DUE_ON = "case when c.state = 'RECEIVED' then c.received_on + ? when c.feedback_on is null then "
			+ FEEDBACK_BY + " end as due_on";

	private static final String SELECT = "select c.id, c.organisation_id, c.state, c.channel, c.received_on, " + DUE_ON
			+ ", 0, 0 from case_file c";

	/** {@link #SELECT} with what the asking account has not seen and what waits. */
	private static final String INBOX = "select c.id, c.organisation_id, c.state, c.channel, c.received_on, " + DUE_ON
			+ ", " + Readings.UNSEEN
			+ ", (select count(*) from case_proposal p where p.case_id = c.id and p.decision is null) from case_file c";

	private final JdbcTemplate jdbc;

	DueCases(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The recipient's open cases, ordered by the next deadline, with what the account has
	 * not seen of the reporter's.
	 */
	List<DueCase> openFor(UUID organisationId, Recipient recipient, UUID accountId) {
		return this.jdbc.query(INBOX
				+ " join key_envelope k on k.case_id = c.id and k.recipient_kind = ? and k.recipient_id = ?"
				+ " where c.organisation_id = ? and c.state = any(?) order by due_on nulls last, c.received_on, c.id",
				DueCases::map, DueDates.ACKNOWLEDGE_WITHIN_DAYS, DueDates.ACKNOWLEDGE_WITHIN_DAYS,
				DueDates.FEEDBACK_WITHIN_MONTHS, accountId, recipient.kind().name(), recipient.id(), organisationId,
				CaseState.openNames());
	}

	/**
	 * Cases not yet acknowledged whose acknowledgement is due on or before {@code by}.
	 */
	List<DueCase> acknowledgeDueBy(LocalDate by) {
		return this.jdbc.query(SELECT + " where c.state = 'RECEIVED' and c.received_on + ? <= ?", DueCases::map,
				DueDates.ACKNOWLEDGE_WITHIN_DAYS, DueDates.ACKNOWLEDGE_WITHIN_DAYS, DueDates.FEEDBACK_WITHIN_MONTHS,
				DueDates.ACKNOWLEDGE_WITHIN_DAYS, Date.valueOf(by));
	}

	/**
	 * Open, acknowledged cases without feedback whose feedback is due on or before
	 * {@code by}.
	 */
	List<DueCase> feedbackDueBy(LocalDate by) {
		return this.jdbc.query(
				SELECT + " where c.state <> 'RECEIVED' and c.state = any(?) and c.feedback_on is null and "
						+ FEEDBACK_BY + " <= ?",
				DueCases::map, DueDates.ACKNOWLEDGE_WITHIN_DAYS, DueDates.ACKNOWLEDGE_WITHIN_DAYS,
				DueDates.FEEDBACK_WITHIN_MONTHS, CaseState.openNames(), DueDates.ACKNOWLEDGE_WITHIN_DAYS,
				DueDates.FEEDBACK_WITHIN_MONTHS, Date.valueOf(by));
	}

	/** Cases waiting for the reporter since a day before {@code askedBefore}. */
	List<UUID> waitingSince(LocalDate askedBefore) {
		return this.jdbc.queryForList("""
				select c.id from case_file c
				where c.state = 'WAITING_FOR_REPORTER'
				  and (select max(t.on_day) from timeline_entry t where t.case_id = c.id) < ?
				""", UUID.class, Date.valueOf(askedBefore));
	}

	/**
	 * Closed or withdrawn cases whose organisation's retention ended before
	 * {@code today}.
	 */
	List<UUID> pastRetention(LocalDate today, int limit) {
		return this.jdbc.queryForList("select c.id from case_file c join organisation o on o.id = c.organisation_id"
				+ " where not (c.state = any(?)) and c.closed_on + make_interval(months => o.retention_months) < ?"
				+ " limit ?", UUID.class, CaseState.openNames(), Date.valueOf(today), limit);
	}

	/** Deletes the case and, by cascade, everything stored with it. */
	boolean delete(UUID caseId) {
		return this.jdbc.update("delete from case_file where id = ?", caseId) == 1;
	}

	private static DueCase map(ResultSet rs, int row) throws SQLException {
		CaseState state = CaseState.valueOf(rs.getString(3));
		LocalDate due = rs.getObject(6, LocalDate.class);
		DueCase.Deadline deadline = (state == CaseState.RECEIVED) ? DueCase.Deadline.ACKNOWLEDGE
				: (due != null) ? DueCase.Deadline.FEEDBACK : null;
		return new DueCase(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), state,
				Channel.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), due, deadline,
				Math.max(0, rs.getInt(7)), rs.getInt(8));
	}

}

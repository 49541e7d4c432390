package nl.meldpunt.caseservice.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.meldpunt.caseservice.casefile.CaseFiled;
import nl.meldpunt.caseservice.casefile.Classification;
import nl.meldpunt.caseservice.casefile.DueDates;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The statistical records, one per case. Every change is scoped to the organisation and
 * the case; none of them ever reads case content. A new case's record is queued by its
 * filing and written by the next change or reader ({@link #takeInFiled}), so every change
 * here takes the queue in first.
 */
@Component
class StatisticalRecords {

	/** The transaction lock of {@link #takeInFiled} (any constant no other lock uses). */
	private static final long TAKE_IN_LOCK = 0x5741_4B45_494EL;

	private final JdbcTemplate jdbc;

	StatisticalRecords(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues the records of a whole intake batch (one statement, one plain row per case
	 * in {@code statistical_record_filed}, no index): the filing's transaction is the
	 * hottest write of the system. {@link #takeInFiled} turns them into records.
	 */
	void filedAll(List<CaseFiled> filed) {
		int n = filed.size();
		UUID[] organisations = new UUID[n];
		UUID[] cases = new UUID[n];
		Integer[] years = new Integer[n];
		Integer[] quarters = new Integer[n];
		String[] channels = new String[n];
		String[] received = new String[n];
		String[] feedbackDue = new String[n];
		for (int i = 0; i < n; i++) {
			CaseFiled event = filed.get(i);
			organisations[i] = event.organisationId();
			cases[i] = event.caseId();
			years[i] = event.receivedOn().getYear();
			quarters[i] = (event.receivedOn().getMonthValue() - 1) / 3 + 1;
			channels[i] = event.channel().name();
			received[i] = event.receivedOn().toString();
			feedbackDue[i] = DueDates.feedbackBy(event.receivedOn(), null).toString();
		}
		this.jdbc.update("""
				insert into statistical_record_filed
				    (organisation_id, case_id, year, quarter, channel, received_on, feedback_due)
				select * from unnest(?::uuid[], ?::uuid[], ?::int[], ?::int[], ?::text[], ?::text[]::date[],
				                     ?::text[]::date[])
				""", organisations, cases, years, quarters, channels, received, feedbackDue);
	}

	/**
	 * Turns every queued filing into its statistical record, in random order, and empties
	 * the queue; a case filed twice gets one record. Called first by everything that
	 * reads or changes records, in its transaction: once that commits, no filing
	 * committed before it is missing. One taker at a time (a transaction-scoped lock), so
	 * two never wait on each other's rows.
	 * @return how many records were written
	 */
	int takeInFiled() {
		this.jdbc.query("select pg_advisory_xact_lock(?)", (rs) -> {
		}, TAKE_IN_LOCK);
		return this.jdbc.update("""
				with taken as (
				    delete from statistical_record_filed returning *
				), firsts as (
				    select distinct on (case_id) * from taken order by case_id, received_on
				)
				insert into statistical_record
				    (organisation_id, case_id, year, quarter, channel, received_channel, received_on, feedback_due)
				select organisation_id, case_id, year, quarter, channel, channel, received_on, feedback_due
				from firsts
				order by random()
				on conflict (case_id) do nothing
				""");
	}

	void acknowledged(UUID organisationId, UUID caseId, LocalDate on) {
		takeInFiled();
		this.jdbc.update("""
				update statistical_record
				set days_to_acknowledge = greatest(0, ?::date - received_on), feedback_due = ?
				where organisation_id = ? and case_id = ? and days_to_acknowledge is null
				""", on, DueDates.feedbackAfter(on), organisationId, caseId);
	}

	void feedbackGiven(UUID organisationId, UUID caseId, LocalDate on) {
		takeInFiled();
		this.jdbc.update("""
				update statistical_record set feedback_on_time = (?::date <= feedback_due)
				where organisation_id = ? and case_id = ? and feedback_on_time is null
				""", on, organisationId, caseId);
	}

	void ended(UUID organisationId, UUID caseId, LocalDate on) {
		takeInFiled();
		// a case that ends past its feedback deadline without feedback missed it
		this.jdbc.update("""
				update statistical_record
				set closed_on = coalesce(closed_on, ?::date),
				    feedback_on_time = case when feedback_on_time is null and ?::date > feedback_due then false
				                            else feedback_on_time end
				where organisation_id = ? and case_id = ?
				""", on, on, organisationId, caseId);
	}

	/**
	 * The classification, counted in the quarter the case was closed in: a quarter that
	 * has ended never changes because a case of it closes later.
	 */
	void classified(UUID organisationId, UUID caseId, LocalDate closedOn, Classification classification) {
		takeInFiled();
		this.jdbc.update("""
				update statistical_record
				set category = ?, unit = ?, channel = ?, track = ?, outcome = ?, closed_year = ?, closed_quarter = ?
				where organisation_id = ? and case_id = ? and closed_year is null
				""", classification.category(), classification.unit(), classification.channel().name(),
				classification.track().name(), classification.outcome().name(), closedOn.getYear(),
				YearQuarter.of(closedOn).quarter(), organisationId, caseId);
	}

	/** Retention deleted the case: forget everything that could lead back to it. */
	void anonymise(UUID organisationId, UUID caseId) {
		takeInFiled();
		this.jdbc.update("""
				update statistical_record
				set case_id = null, received_on = null, closed_on = null, feedback_due = null
				where organisation_id = ? and case_id = ?
				""", organisationId, caseId);
	}

}

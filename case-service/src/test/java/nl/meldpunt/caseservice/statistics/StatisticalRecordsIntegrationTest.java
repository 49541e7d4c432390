package nl.meldpunt.caseservice.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meldpunt.caseservice.casefile.CaseFiled;
import nl.meldpunt.caseservice.casefile.CasesFiled;
import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.Classification;
import nl.meldpunt.caseservice.casefile.Outcome;
import nl.meldpunt.caseservice.casefile.Track;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;
import nl.meldpunt.caseservice.organisations.OrganisationUnits;
import nl.meldpunt.caseservice.problem.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class StatisticalRecordsIntegrationTest {

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	@Autowired
	OrganisationUnits units;

	@Autowired
	StatisticalRecords records;

	@Autowired
	StatisticsPublisher statistics;

	CaseFileEvents events;

	UUID organisation;

	@BeforeEach
	void setUp() {
		this.events = new CaseFileEvents(this.publisher, this.transactions);
		this.organisation = CaseFileEvents.organisation(this.setup, this.units);
	}

	@Test
	void caseFiledWhenPublishedInTransactionThenRecordHasPeriodChannelAndNoClassification() {
		UUID caseId = this.events.file(this.organisation, LocalDate.of(2025, 5, 14), Channel.EXTERNAL_HOTLINE);
		Map<String, Object> record = record(caseId);
		assertThat(record).containsEntry("organisation_id", this.organisation)
			.containsEntry("year", 2025)
			.containsEntry("quarter", 2)
			.containsEntry("channel", "EXTERNAL_HOTLINE")
			.containsEntry("category", null)
			.containsEntry("days_to_acknowledge", null);
	}

	@Test
	void caseFiledWhenPublishedTwiceThenOneRecord() {
		UUID caseId = this.events.file(this.organisation, LocalDate.of(2025, 1, 2), Channel.INTERNAL_ADVISER);
		this.events.publish(filed(caseId, LocalDate.of(2025, 1, 2)));
		takeIn(); // both in one take-in
		this.events.publish(filed(caseId, LocalDate.of(2025, 1, 2)));
		takeIn(); // the record exists already
		assertThat(recorded(caseId)).isEqualTo(1);
		assertThat(queued(caseId)).isZero();
	}

	@Test
	void caseFiledThenOnlyQueuedInATableWithoutIndexUntilTakenIn() {
		UUID caseId = this.events.file(this.organisation, LocalDate.of(2025, 5, 14), Channel.INTERNAL_ADVISER);
		assertThat(queued(caseId)).isEqualTo(1);
		assertThat(recorded(caseId)).isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from pg_indexes where tablename = 'statistical_record_filed'", Integer.class))
			.as("the filing's insert maintains no index")
			.isZero();

		assertThat(takeIn()).isPositive();
		assertThat(queued(caseId)).isZero();
		assertThat(recorded(caseId)).isEqualTo(1);
		assertThat(takeIn()).as("nothing left to take in").isZero();
	}

	@Test
	void casesTakenInTogetherThenStoredInNoOrderOfFiling() {
		takeIn();
		List<UUID> cases = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			cases.add(this.events.file(this.organisation, LocalDate.of(2025, 6, 2), Channel.INTERNAL_ADVISER));
		}
		takeIn();
		// the heap's order is the order of insertion: a record per filing kept the order
		// of filing within the day; taken in together they are stored in random order
		List<UUID> stored = this.jdbc.queryForList(
				"select case_id from statistical_record where organisation_id = ? and received_on = '2025-06-02'"
						+ " order by ctid",
				UUID.class, this.organisation);
		assertThat(stored).containsExactlyInAnyOrderElementsOf(cases).isNotEqualTo(cases);
	}

	@Test
	void publishingWhenFilingsAreQueuedThenTakesThemInFirst() {
		UUID caseId = this.events.file(this.organisation, LocalDate.of(2025, 5, 14), Channel.INTERNAL_ADVISER);
		this.statistics.publishDue(this.organisation, LocalDate.of(2025, 5, 20));
		assertThat(queued(caseId)).isZero();
		assertThat(recorded(caseId)).isEqualTo(1);
	}

	@Test
	void transitionsWhenAcknowledgedAndFeedbackInTimeThenDaysAndOnTimeRecorded() {
		UUID caseId = this.events.file(this.organisation, LocalDate.of(2025, 3, 1), Channel.INTERNAL_ADVISER);
		this.events.acknowledge(this.organisation, caseId, LocalDate.of(2025, 3, 6));
		this.events.acknowledge(this.organisation, caseId, LocalDate.of(2025, 3, 20));
		this.events.feedback(this.organisation, caseId, LocalDate.of(2025, 6, 6));
		Map<String, Object> record = record(caseId);
		assertThat(record).containsEntry("days_to_acknowledge", 5).containsEntry("feedback_on_time", true);
	}

	@Test
	void transitionsWhenFeedbackAfterThreeMonthsThenNotOnTime() {
		UUID caseId = this.events.file(this.organisation, LocalDate.of(2025, 3, 1), Channel.INTERNAL_ADVISER);
		this.events.acknowledge(this.organisation, caseId, LocalDate.of(2025, 3, 2));
		this.events.feedback(this.organisation, caseId, LocalDate.of(2025, 6, 3));
		assertThat(record(caseId)).containsEntry("feedback_on_time", false);
	}

	@Test
	void caseClosedWhenPastDeadlineWithoutFeedbackThenClassifiedAndNotOnTime() {
		UUID caseId = this.events.file(this.organisation, LocalDate.of(2025, 8, 1), Channel.INTERNAL_ADVISER);
		this.events.close(this.organisation, caseId, LocalDate.of(2025, 12, 1),
				new Classification("racism", "care", Channel.EXTERNAL_HOTLINE, Track.MEDIATION, Outcome.RESOLVED));
		assertThat(record(caseId)).containsEntry("category", "racism")
			.containsEntry("unit", "care")
			.containsEntry("channel", "EXTERNAL_HOTLINE")
			.containsEntry("track", "MEDIATION")
			.containsEntry("outcome", "RESOLVED")
			.containsEntry("feedback_on_time", false)
			.containsEntry("closed_on", java.sql.Date.valueOf("2025-12-01"))
			.containsEntry("closed_year", 2025)
			.containsEntry("closed_quarter", 4)
			.containsEntry("received_channel", "INTERNAL_ADVISER");
	}

	@Test
	void caseClosedWhenUnitIsNotConfiguredThenRefusedAndNothingRecorded() {
		UUID caseId = this.events.file(this.organisation, LocalDate.of(2025, 8, 1), Channel.INTERNAL_ADVISER);
		assertThatExceptionOfType(Refusal.class)
			.isThrownBy(() -> this.events.close(this.organisation, caseId, LocalDate.of(2025, 9, 1),
					new Classification("racism", "payroll-team-jansen", Channel.INTERNAL_ADVISER, Track.INFORMAL,
							Outcome.RESOLVED)))
			.satisfies((refusal) -> assertThat(refusal.slug()).isEqualTo("unknown-unit"));
		assertThat(record(caseId)).containsEntry("category", null)
			.containsEntry("unit", null)
			.containsEntry("closed_on", null)
			.containsEntry("closed_year", null);
	}

	@Test
	void caseDeletedWhenRetentionEndsThenRecordKeepsFiguresButForgetsCaseAndDates() {
		UUID caseId = this.events.file(this.organisation, LocalDate.of(2024, 2, 10), Channel.INTERNAL_ADVISER);
		this.events.acknowledge(this.organisation, caseId, LocalDate.of(2024, 2, 12));
		this.events.close(this.organisation, caseId, LocalDate.of(2024, 3, 1),
				new Classification("bullying", null, Channel.INTERNAL_ADVISER, Track.INFORMAL, Outcome.ADVICE_GIVEN));
		this.events.delete(this.organisation, caseId);
		assertThat(this.jdbc.queryForObject("select count(*) from statistical_record where case_id = ?", Integer.class,
				caseId))
			.isZero();
		Map<String, Object> record = this.jdbc.queryForMap(
				"select * from statistical_record where organisation_id = ? and category = 'bullying'",
				this.organisation);
		assertThat(record).containsEntry("case_id", null)
			.containsEntry("received_on", null)
			.containsEntry("closed_on", null)
			.containsEntry("feedback_due", null)
			.containsEntry("year", 2024)
			.containsEntry("quarter", 1)
			.containsEntry("days_to_acknowledge", 2)
			.containsEntry("outcome", "ADVICE_GIVEN");
	}

	@Test
	void casesWhenDeletedThenNothingLinksTheirRecordsToTheCasesOrTheOrderOfFiling() {
		List<UUID> cases = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			cases.add(this.events.file(this.organisation, LocalDate.of(2024, 1, 1).plusDays(i),
					Channel.INTERNAL_ADVISER));
		}
		takeIn();
		List<Object> idsInFilingOrder = cases.stream()
			.map((caseId) -> this.jdbc.queryForObject("select id from statistical_record where case_id = ?",
					Object.class, caseId))
			.toList();
		cases.forEach((caseId) -> this.events.delete(this.organisation, caseId));

		// random ids: in the order of their ids the records are not in the order of
		// filing
		assertThat(idsInFilingOrder).allSatisfy((id) -> assertThat(id).isInstanceOf(UUID.class));
		assertThat(idsInFilingOrder).isNotEqualTo(idsInFilingOrder.stream().map(UUID.class::cast).sorted().toList());
		assertThat(this.jdbc.queryForObject("select count(*) from statistical_record where organisation_id = ?"
				+ " and (case_id is not null or received_on is not null or closed_on is not null or feedback_due is not null)",
				Integer.class, this.organisation))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from statistical_record where organisation_id = ?",
				Integer.class, this.organisation))
			.isEqualTo(20);
	}

	@Test
	void caseFiledWhenPublisherTransactionRollsBackThenNoRecord() {
		UUID caseId = UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> {
			this.publisher.publishEvent(filed(caseId, LocalDate.now()));
			status.setRollbackOnly();
		});
		takeIn();
		assertThat(recorded(caseId)).isZero();
	}

	@Test
	void caseFiledWhenPublishedOutsideTransactionThenRefused() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.publisher.publishEvent(filed(UUID.randomUUID(), LocalDate.now())));
	}

	@Test
	void eventsWhenOtherOrganisationNamesTheCaseThenRecordUntouched() {
		UUID caseId = this.events.file(this.organisation, LocalDate.of(2025, 3, 1), Channel.INTERNAL_ADVISER);
		this.events.acknowledge(UUID.randomUUID(), caseId, LocalDate.of(2025, 3, 2));
		this.events.delete(UUID.randomUUID(), caseId);
		assertThat(record(caseId)).containsEntry("days_to_acknowledge", null).containsEntry("case_id", caseId);
	}

	private Map<String, Object> record(UUID caseId) {
		takeIn();
		return this.jdbc.queryForMap("select * from statistical_record where case_id = ?", caseId);
	}

	private int takeIn() {
		return this.transactions.execute((status) -> this.records.takeInFiled());
	}

	private int queued(UUID caseId) {
		return this.jdbc.queryForObject("select count(*) from statistical_record_filed where case_id = ?",
				Integer.class, caseId);
	}

	private int recorded(UUID caseId) {
		return this.jdbc.queryForObject("select count(*) from statistical_record where case_id = ?", Integer.class,
				caseId);
	}

	/** What the intake publishes for a batch of one. */
	private CasesFiled filed(UUID caseId, LocalDate on) {
		return new CasesFiled(List.of(new CaseFiled(this.organisation, caseId, Channel.INTERNAL_ADVISER, on)));
	}

}

package nl.meldpunt.caseservice.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.Fixtures.Org;
import nl.meldpunt.caseservice.audit.AuditVerifier;
import nl.meldpunt.caseservice.casefile.CaseFile;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.internalapi.FilingRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Batched, durable intake (group commit): filings written together are answered each as
 * if filed alone, a failed batch loses none of its filings, and concurrent filings with
 * racing retries leave every case stored once and every audit chain intact.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IntakeBatchesIntegrationTest {

	@Autowired
	CaseIntake intake;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	@Autowired
	ObjectMapper json;

	@Autowired
	AuditVerifier audit;

	Org org;

	@BeforeEach
	void organisation() {
		this.org = new Fixtures(this.jdbc, this.setup).organisation(2);
	}

	@Test
	void fileAllWhenBatchMixesNewRepeatsAndRefusalsThenEachAnsweredAsAloneAndOnlyTheAcceptedStored() throws Exception {
		Map<String, Object> a = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		Map<String, Object> otherCredential = new HashMap<>(
				Fixtures.filing(this.org, Fixtures.credential(), List.of()));
		otherCredential.put("caseId", a.get("caseId"));
		Map<String, Object> missingEnvelope = new HashMap<>(
				Fixtures.filing(this.org, Fixtures.credential(), List.of()));
		missingEnvelope.put("keyEnvelopes", List.of(Fixtures.envelope("REPORTER", "reporter")));
		Map<String, Object> e = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		Map<String, Object> sameCredential = Fixtures.filing(this.org, (String) e.get("mailboxCredential"), List.of());

		List<CaseIntake.Outcome> outcomes = this.intake
			.fileAll(List.of(pending(a), pending(a), pending(otherCredential), pending(missingEnvelope),
					new CaseIntake.Pending("no-such-org", request(e)), pending(e), pending(sameCredential)));

		assertThat(outcomes).hasSize(7);
		assertThat(outcomes.get(0).filed().created()).isTrue();
		assertThat(outcomes.get(1).filed()).isEqualTo(withCreated(outcomes.get(0).filed(), false));
		assertThat(problem(outcomes.get(2))).isEqualTo(Problem.CASE_ID_TAKEN);
		assertThat(problem(outcomes.get(3))).isEqualTo(Problem.RECIPIENTS_MISMATCH);
		assertThat(problem(outcomes.get(4))).isEqualTo(Problem.UNKNOWN_ORGANISATION);
		assertThat(outcomes.get(5).filed().created()).isTrue();
		assertThat(problem(outcomes.get(6))).isEqualTo(Problem.CASE_ID_TAKEN);
		assertThat(stored("case_file", "organisation_id")).isEqualTo(2);
		for (Map<String, Object> filing : List.of(a, e)) {
			UUID caseId = UUID.fromString((String) filing.get("caseId"));
			assertThat(rows("key_envelope", caseId)).isEqualTo(3);
			assertThat(rows("case_item", caseId)).isEqualTo(1);
			assertThat(rows("timeline_entry", caseId)).isEqualTo(1);
			assertThat(rows("audit_pending", caseId)).isEqualTo(1);
			assertThat(rows("statistical_record_filed", caseId)).isEqualTo(1);
		}
		assertThat(this.audit.verify(this.org.id()).intact()).isTrue();
	}

	@Test
	void batchWhenItsTransactionFailsThenEachFilingAnsweredAloneAndNoneLost() throws Exception {
		// one batch of exactly three: the writer waits for all of them
		IntakeBatches batches = new IntakeBatches(this.intake,
				new IntakeSettings(3, Duration.ofSeconds(20), 1, Duration.ofSeconds(30)));
		Map<String, Object> first = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		Map<String, Object> clashing = new HashMap<>(Fixtures.filing(this.org, Fixtures.credential(), List.of()));
		Map<String, Object> third = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		// a report item id that is taken already makes the batch's insert fail in the
		// database, after every check in Java has passed
		UUID existingCase = new Fixtures(this.jdbc, this.setup).caseRow(this.org, this.org.advisers(), "RECEIVED",
				java.time.LocalDate.now());
		UUID takenItem = UUID.randomUUID();
		this.jdbc.update(
				"insert into case_item (id, case_id, organisation_id, kind, author, created_on, ciphertext)"
						+ " values (?, ?, ?, 'REPORT', 'REPORTER', current_date, ?)",
				takenItem, existingCase, this.org.id(), new byte[40]);
		@SuppressWarnings("unchecked")
		Map<String, Object> report = new HashMap<>((Map<String, Object>) clashing.get("report"));
		report.put("itemId", takenItem.toString());
		clashing.put("report", report);

		batches.start();
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Future<Object>> answers = new ArrayList<>();
			for (Map<String, Object> filing : List.of(first, clashing, third)) {
				FilingRequest request = request(filing);
				answers.add(pool.submit(() -> answerOf(() -> batches.file(this.org.slug(), request))));
			}
			assertThat(answers.get(0).get()).isInstanceOfSatisfying(CaseFile.Filed.class,
					(filed) -> assertThat(filed.created()).isTrue());
			assertThat(answers.get(1).get()).isEqualTo(Problem.CASE_ID_TAKEN);
			assertThat(answers.get(2).get()).isInstanceOfSatisfying(CaseFile.Filed.class,
					(filed) -> assertThat(filed.created()).isTrue());
		}
		finally {
			pool.shutdown();
			batches.stop();
		}
		assertThat(rows("case_file", UUID.fromString((String) first.get("caseId")), "id")).isEqualTo(1);
		assertThat(rows("case_file", UUID.fromString((String) third.get("caseId")), "id")).isEqualTo(1);
		assertThat(rows("case_file", UUID.fromString((String) clashing.get("caseId")), "id")).isZero();
		assertThat(this.audit.verify(this.org.id()).intact()).isTrue();
	}

	@Test
	void fileWhenManyConcurrentFilingsEachSentTwiceThenEachStoredOnceAndChainsIntact() throws Exception {
		int filings = 200;
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < filings; i++) {
			String body = this.json.writeValueAsString(Fixtures.filing(this.org, Fixtures.credential(), List.of()));
			bodies.add(body);
			bodies.add(body);
		}
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Callable<Integer>> calls = new ArrayList<>();
		for (String body : bodies) {
			calls.add(
					() -> this.mvc
						.perform(post("/internal/v1/organisations/" + this.org.slug() + "/cases")
							.header("Authorization", "Bearer " + Fixtures.INTERNAL_SECRET)
							.contentType(MediaType.APPLICATION_JSON)
							.content(body))
						.andReturn()
						.getResponse()
						.getStatus());
		}
		Map<Integer, Integer> statuses = new HashMap<>();
		for (Future<Integer> answer : pool.invokeAll(calls)) {
			statuses.merge(answer.get(), 1, Integer::sum);
		}
		pool.shutdown();
		assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, filings, 200, filings));
		assertThat(stored("case_file", "organisation_id")).isEqualTo(filings);
		assertThat(stored("key_envelope", "organisation_id")).isEqualTo(3 * filings);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_pending where organisation_id = ? and action = 'CASE_FILED'", Integer.class,
				this.org.id()))
			.isEqualTo(filings);
		assertThat(this.audit.verify(this.org.id()).intact()).isTrue();
	}

	private static Object answerOf(Callable<CaseFile.Filed> filing) throws Exception {
		try {
			return filing.call();
		}
		catch (Refusal refusal) {
			return refusal.problem();
		}
	}

	private CaseIntake.Pending pending(Map<String, Object> filing) throws Exception {
		return new CaseIntake.Pending(this.org.slug(), request(filing));
	}

	private FilingRequest request(Map<String, Object> filing) throws Exception {
		return this.json.readValue(this.json.writeValueAsBytes(filing), FilingRequest.class);
	}

	private static CaseFile.Filed withCreated(CaseFile.Filed filed, boolean created) {
		return new CaseFile.Filed(filed.caseId(), filed.state(), filed.receivedOn(), filed.acknowledgeBy(), created);
	}

	private static Problem problem(CaseIntake.Outcome outcome) {
		assertThat(outcome.filed()).isNull();
		return outcome.refusal().problem();
	}

	private int stored(String table, String organisationColumn) {
		return this.jdbc.queryForObject("select count(*) from " + table + " where " + organisationColumn + " = ?",
				Integer.class, this.org.id());
	}

	private int rows(String table, UUID caseId) {
		return rows(table, caseId, "case_id");
	}

	private int rows(String table, UUID caseId, String column) {
		return this.jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Integer.class,
				caseId);
	}

}

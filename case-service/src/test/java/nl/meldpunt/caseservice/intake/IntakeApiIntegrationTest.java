package nl.meldpunt.caseservice.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.Fixtures.Org;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeApiIntegrationTest {

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	Fixtures fixtures;

	Org org;

	@BeforeEach
	void organisation() {
		this.fixtures = new Fixtures(this.jdbc, this.setup);
		this.org = this.fixtures.organisation(2);
	}

	@Test
	void portalWhenOrganisationExistsThenShowsAdvisersHotlinesAndCategories() {
		ResponseEntity<JsonNode> response = get("/internal/v1/organisations/" + this.org.slug() + "/portal",
				Fixtures.INTERNAL_SECRET);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode body = response.getBody();
		assertThat(body.get("acceptingReports").asBoolean()).isTrue();
		assertThat(body.get("accessCodeRequired").asBoolean()).isFalse();
		assertThat(body.get("advisers")).hasSize(2);
		assertThat(body.get("advisers").get(0).get("publicKey").asText()).hasSize(43);
		assertThat(body.get("hotlines")).hasSize(1);
		assertThat(body.get("hotlines").get(0).get("description").get("en").asText()).isEqualTo("Regional bureau");
		assertThat(body.get("categories")).hasSize(10);
		assertThat(body.get("categories").get(0).get("code").asText()).isEqualTo("racism");
		assertThat(body.get("maxAttachmentBytes").asLong()).isEqualTo(52428800L);
		assertThat(body.get("acknowledgeWithinDays").asInt()).isEqualTo(7);
	}

	@Test
	void portalWhenNoEnrolledAdviserThenNotAcceptingReports() {
		Org empty = this.fixtures.organisation(0);
		JsonNode body = get("/internal/v1/organisations/" + empty.slug() + "/portal", Fixtures.INTERNAL_SECRET)
			.getBody();
		assertThat(body.get("acceptingReports").asBoolean()).isFalse();
	}

	@Test
	void portalWhenUnknownOrganisationThen404() {
		assertProblem(get("/internal/v1/organisations/nobody-here/portal", Fixtures.INTERNAL_SECRET),
				HttpStatus.NOT_FOUND, "unknown-organisation");
	}

	@Test
	void internalApiWhenSecretMissingOrWrongThen401() {
		String path = "/internal/v1/organisations/" + this.org.slug() + "/portal";
		assertProblem(get(path, null), HttpStatus.UNAUTHORIZED, "unauthenticated");
		assertProblem(get(path, "wrong-secret-0123456789"), HttpStatus.UNAUTHORIZED, "unauthenticated");
		assertThat(get(path, null).getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
	}

	/**
	 * Filing needs the portal's secret on the short path as on the usual one: without it,
	 * or with a wrong one, the request is refused and stores nothing.
	 */
	@Test
	void fileWhenSecretMissingOrWrongThen401AndNothingStored() {
		Map<String, Object> filing = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		for (String secret : Arrays.asList(null, "wrong-secret-0123456789", Fixtures.INTERNAL_SECRET + "x")) {
			ResponseEntity<JsonNode> refused = this.http.exchange(
					"/internal/v1/organisations/" + this.org.slug() + "/cases", HttpMethod.POST,
					new HttpEntity<>(new HashMap<>(filing), headers(secret)), JsonNode.class);
			assertProblem(refused, HttpStatus.UNAUTHORIZED, "unauthenticated");
		}
		assertNothingStored(filing);
	}

	@Test
	void fileWhenValidThen201AndEverythingStored() {
		Map<String, Object> filing = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		ResponseEntity<JsonNode> response = post(filing);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(response.getBody().get("state").asText()).isEqualTo("RECEIVED");
		UUID caseId = UUID.fromString((String) filing.get("caseId"));
		assertThat(response.getBody().get("caseId").asText()).isEqualTo(caseId.toString());
		assertThat(count("key_envelope", caseId)).isEqualTo(3);
		assertThat(count("case_item", caseId)).isEqualTo(1);
		assertThat(count("timeline_entry", caseId)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_pending where case_id = ? and action = 'CASE_FILED'", Integer.class,
				caseId))
			.isEqualTo(1);
	}

	/**
	 * A valid filing from the portal is filed on the short path, before Spring Security
	 * and Spring MVC; a refusal there gets the usual problem; a body that is no valid
	 * filing is handed on to the usual path exactly as it came.
	 */
	@Test
	void fileWhenValidThenFiledOnTheShortPathAndInvalidGoesTheUsualWay(@Autowired FilingShortPath shortPath,
			@Autowired ObjectMapper json, @Autowired MeterRegistry meters) throws Exception {
		long filedBefore = filingTimer(meters, "SUCCESS").count();
		long refusedBefore = filingTimer(meters, "CLIENT_ERROR").count();
		FilterChain usualPath = (request, response) -> {
			throw new AssertionError("the filing went on to the usual filter chain");
		};
		Map<String, Object> filing = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		MockHttpServletResponse filed = new MockHttpServletResponse();
		shortPath.doFilter(filingPost(json.writeValueAsBytes(filing)), filed, usualPath);
		assertThat(filed.getStatus()).isEqualTo(201);
		assertThat(json.readTree(filed.getContentAsByteArray()).get("caseId").asText()).isEqualTo(filing.get("caseId"));
		assertThat(filed.getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
		assertThat(count("key_envelope", UUID.fromString((String) filing.get("caseId")))).isEqualTo(3);
		assertThat(filingTimer(meters, "SUCCESS").count()).isEqualTo(filedBefore + 1);

		this.jdbc.update("update organisation set access_code_hash = 'x' where id = ?", this.org.id());
		Map<String, Object> guessed = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		guessed.put("accessCode", "guess");
		MockHttpServletResponse refused = new MockHttpServletResponse();
		shortPath.doFilter(filingPost(json.writeValueAsBytes(guessed)), refused, usualPath);
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getContentType()).isEqualTo("application/problem+json");
		assertThat(json.readTree(refused.getContentAsByteArray()).get("type").asText())
			.isEqualTo("https://meldpunt.nl/problems/wrong-access-code");
		assertNothingStored(guessed);
		assertThat(filingTimer(meters, "CLIENT_ERROR").count()).isEqualTo(refusedBefore + 1);

		byte[] invalid = "{\"caseId\": 7}".getBytes(StandardCharsets.UTF_8);
		byte[][] handedOn = new byte[1][];
		shortPath.doFilter(filingPost(invalid), new MockHttpServletResponse(),
				(request, response) -> handedOn[0] = request.getInputStream().readAllBytes());
		assertThat(handedOn[0]).isEqualTo(invalid);
	}

	/**
	 * The short path writes the headers Spring Security's chain writes on the internal
	 * API by hand; they must stay the same as the chain's (compared with an answer that
	 * took the usual chain), except those that describe the answer itself.
	 */
	@Test
	void fileWhenFiledOnTheShortPathThenSameSecurityHeadersAsTheUsualChain(@Autowired FilingShortPath shortPath,
			@Autowired ObjectMapper json) throws Exception {
		MockHttpServletResponse filed = new MockHttpServletResponse();
		shortPath.doFilter(
				filingPost(json.writeValueAsBytes(Fixtures.filing(this.org, Fixtures.credential(), List.of()))), filed,
				(request, response) -> {
					throw new AssertionError("the filing went on to the usual filter chain");
				});
		assertThat(filed.getStatus()).isEqualTo(201);
		HttpHeaders usual = get("/internal/v1/organisations/" + this.org.slug() + "/portal", Fixtures.INTERNAL_SECRET)
			.getHeaders();
		List<String> ownToTheAnswer = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH, HttpHeaders.DATE,
				HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CONNECTION, "Keep-Alive",
				// CORS negotiation of Spring MVC's handler mapping: the internal API has
				// none
				HttpHeaders.VARY);
		List<String> compared = usual.keySet()
			.stream()
			.filter((name) -> ownToTheAnswer.stream().noneMatch(name::equalsIgnoreCase))
			.toList();
		assertThat(compared).isNotEmpty();
		for (String name : compared) {
			assertThat(filed.getHeaders(name)).as(name).isEqualTo(usual.get(name));
		}
	}

	/**
	 * Validating a filing asks JPA nothing (the request records hold no JPA state): the
	 * validator treats every property as reachable.
	 */
	@Test
	void fileValidationWhenCheckingRecordsThenAsksJpaNothing(@Autowired ValidatorFactory validation) {
		assertThat(validation.getTraversableResolver().getClass().getName())
			.isEqualTo("nl.meldpunt.caseservice.web.ValidationConfiguration$EveryPropertyReachable");
	}

	private static Timer filingTimer(MeterRegistry meters, String outcome) {
		return meters.get("meldpunt.filing").tag("outcome", outcome).timer();
	}

	private MockHttpServletRequest filingPost(byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST",
				"/internal/v1/organisations/" + this.org.slug() + "/cases");
		request.setContentType(MediaType.APPLICATION_JSON_VALUE);
		request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + Fixtures.INTERNAL_SECRET);
		request.setContent(body);
		return request;
	}

	@Test
	void fileWhenRepeatedWithSameCredentialThen200AndNothingNew() {
		Map<String, Object> filing = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		JsonNode first = post(filing).getBody();
		ResponseEntity<JsonNode> again = post(filing);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody()).isEqualTo(first);
		assertThat(count("key_envelope", UUID.fromString((String) filing.get("caseId")))).isEqualTo(3);
	}

	@Test
	void fileWhenSameFilingArrivesFourTimesAtOnceThenOneCreatedAndThreeRepeats() throws Exception {
		Map<String, Object> filing = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		List<java.util.concurrent.Callable<HttpStatus>> calls = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			calls.add(() -> HttpStatus.valueOf(post(filing).getStatusCode().value()));
		}
		List<HttpStatus> statuses = new ArrayList<>();
		for (var future : pool.invokeAll(calls)) {
			statuses.add(future.get());
		}
		pool.shutdown();
		assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.OK, HttpStatus.OK, HttpStatus.OK);
		assertThat(count("key_envelope", UUID.fromString((String) filing.get("caseId")))).isEqualTo(3);
	}

	@Test
	void fileWhenSameCaseIdWithOtherCredentialThen409() {
		Map<String, Object> filing = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		post(filing);
		filing.put("mailboxCredential", Fixtures.credential());
		assertProblem(post(filing), HttpStatus.CONFLICT, "case-id-taken");
	}

	@Test
	void fileWhenFieldsMissingThen400NamingThem() {
		Map<String, Object> filing = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		filing.remove("route");
		filing.put("language", "fr");
		ResponseEntity<JsonNode> response = post(filing);
		assertProblem(response, HttpStatus.BAD_REQUEST, "invalid-request");
		assertThat(response.getBody().get("errors").toString()).contains("route").contains("language");
		assertNothingStored(filing);
	}

	@Test
	void fileWhenEnvelopeMalformedThen400AndNothingStored() {
		Map<String, Object> filing = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		List<Map<String, String>> envelopes = envelopes(filing);
		envelopes.set(0, Map.of("recipientKind", envelopes.get(0).get("recipientKind"), "recipientId",
				envelopes.get(0).get("recipientId"), "envelope", Fixtures.b64(new byte[5])));
		assertProblem(post(filing), HttpStatus.BAD_REQUEST, "malformed-ciphertext");
		assertNothingStored(filing);
	}

	@Test
	void fileWhenReportNotBase64UrlThen400() {
		Map<String, Object> filing = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		filing.put("report", Map.of("itemId", UUID.randomUUID().toString(), "ciphertext", "not base64!"));
		assertProblem(post(filing), HttpStatus.BAD_REQUEST, "malformed-ciphertext");
		assertNothingStored(filing);
	}

	@Test
	void fileWhenAccessCodeWrongThen403() {
		this.jdbc.update("update organisation set access_code_hash = 'x' where id = ?", this.org.id());
		Map<String, Object> filing = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		filing.put("accessCode", "guess");
		assertProblem(post(filing), HttpStatus.FORBIDDEN, "wrong-access-code");
		assertNothingStored(filing);
	}

	@Test
	void fileWhenNoEnrolledAdviserThen409() {
		Org empty = this.fixtures.organisation(0);
		Map<String, Object> filing = Fixtures.filing(empty, Fixtures.credential(), List.of());
		assertProblem(post(empty.slug(), filing), HttpStatus.CONFLICT, "not-accepting-reports");
		assertNothingStored(filing);
	}

	@Test
	void fileWhenAnAdviserHasNoEnvelopeThen422() {
		Map<String, Object> filing = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		envelopes(filing).remove(0);
		assertProblem(post(filing), HttpStatus.UNPROCESSABLE_ENTITY, "recipients-mismatch");
		assertNothingStored(filing);
	}

	/**
	 * A recipient is a current member of the verified key book and an active account: a
	 * disabled adviser still listed in the book is not offered to the reporter and never
	 * sealed to (issue 13 with issue 12).
	 */
	@Test
	void fileWhenABookMemberIsDisabledThenNotListedAndAnEnvelopeToItIsRefused() {
		UUID disabled = this.org.advisers().get(0);
		this.jdbc.update("update account set status = 'DISABLED' where id = ?", disabled);
		JsonNode portal = get("/internal/v1/organisations/" + this.org.slug() + "/portal", Fixtures.INTERNAL_SECRET)
			.getBody();
		assertThat(portal.get("advisers").findValuesAsText("id"))
			.containsExactly(this.org.advisers().get(1).toString());
		Map<String, Object> toEveryMember = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		assertProblem(post(toEveryMember), HttpStatus.UNPROCESSABLE_ENTITY, "recipients-mismatch");
		assertNothingStored(toEveryMember);
		Map<String, Object> toActiveMembers = Fixtures.filing(this.org, Fixtures.credential(), List.of(disabled));
		toActiveMembers.put("excludedAdviserIds", List.of());
		assertThat(post(toActiveMembers).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		this.jdbc.update("update account set status = 'DISABLED' where id = ?", this.org.advisers().get(1));
		assertProblem(post(Fixtures.filing(this.org, Fixtures.credential(), List.of(disabled))), HttpStatus.CONFLICT,
				"not-accepting-reports");
	}

	@Test
	void fileWhenExcludedAdviserGetsEnvelopeThen422() {
		UUID excluded = this.org.advisers().get(0);
		Map<String, Object> filing = Fixtures.filing(this.org, Fixtures.credential(), List.of(excluded));
		envelopes(filing).add(Fixtures.envelope("ADVISER", excluded.toString()));
		assertProblem(post(filing), HttpStatus.UNPROCESSABLE_ENTITY, "recipients-mismatch");
		assertNothingStored(filing);
	}

	@Test
	void fileWhenOneAdviserExcludedThenStoredWithExclusion() {
		UUID excluded = this.org.advisers().get(0);
		Map<String, Object> filing = Fixtures.filing(this.org, Fixtures.credential(), List.of(excluded));
		assertThat(post(filing).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(count("case_exclusion", UUID.fromString((String) filing.get("caseId")))).isEqualTo(1);
	}

	@Test
	void fileWhenAllAdvisersExcludedThen422() {
		Map<String, Object> filing = Fixtures.filing(this.org, Fixtures.credential(), this.org.advisers());
		assertProblem(post(filing), HttpStatus.UNPROCESSABLE_ENTITY, "all-advisers-excluded");
		assertNothingStored(filing);
	}

	@Test
	void fileWhenRoutedToHotlineThenOnlyItsHandlersAndReporterEnvelopes() {
		Map<String, Object> filing = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		filing.put("route", "HOTLINE");
		filing.put("hotlineId", this.org.hotlineId().toString());
		// sealed to the hotline itself (how it was before hotline books): not a member
		filing.put("keyEnvelopes",
				new ArrayList<>(List.of(Fixtures.envelope("HOTLINE", this.org.hotlineId().toString()),
						Fixtures.envelope("REPORTER", "reporter"))));
		assertProblem(post(filing), HttpStatus.UNPROCESSABLE_ENTITY, "recipients-mismatch");
		filing.put("keyEnvelopes",
				new ArrayList<>(List.of(Fixtures.envelope("HOTLINE", this.org.handlerId().toString()),
						Fixtures.envelope("REPORTER", "reporter"))));
		assertThat(post(filing).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(this.jdbc.queryForObject("select channel from case_file where id = ?", String.class,
				UUID.fromString((String) filing.get("caseId"))))
			.isEqualTo("EXTERNAL_HOTLINE");
	}

	@Test
	void fileWhenHotlineOfAnotherOrganisationThen422() {
		Org other = this.fixtures.organisation(1);
		Map<String, Object> filing = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		filing.put("route", "HOTLINE");
		filing.put("hotlineId", other.hotlineId().toString());
		filing.put("keyEnvelopes", new ArrayList<>(List.of(Fixtures.envelope("HOTLINE", other.handlerId().toString()),
				Fixtures.envelope("REPORTER", "reporter"))));
		assertProblem(post(filing), HttpStatus.UNPROCESSABLE_ENTITY, "recipients-mismatch");
		assertNothingStored(filing);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, String>> envelopes(Map<String, Object> filing) {
		List<Map<String, String>> envelopes = new ArrayList<>((List<Map<String, String>>) filing.get("keyEnvelopes"));
		filing.put("keyEnvelopes", envelopes);
		return envelopes;
	}

	private void assertNothingStored(Map<String, Object> filing) {
		UUID caseId = UUID.fromString((String) filing.get("caseId"));
		assertThat(this.jdbc.queryForObject("select count(*) from case_file where id = ?", Integer.class, caseId))
			.isZero();
		assertThat(count("key_envelope", caseId)).isZero();
		assertThat(count("case_item", caseId)).isZero();
		assertThat(count("audit_entry", caseId)).isZero();
		assertThat(count("audit_pending", caseId)).isZero();
	}

	private int count(String table, UUID caseId) {
		return this.jdbc.queryForObject("select count(*) from " + table + " where case_id = ?", Integer.class, caseId);
	}

	static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String slug) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
		assertThat(response.getBody().get("type").asText()).isEqualTo("https://meldpunt.nl/problems/" + slug);
		assertThat(response.getBody().toString()).doesNotContain("Exception");
	}

	private ResponseEntity<JsonNode> get(String path, String secret) {
		return this.http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(secret)), JsonNode.class);
	}

	private ResponseEntity<JsonNode> post(Map<String, Object> filing) {
		return post(this.org.slug(), filing);
	}

	private ResponseEntity<JsonNode> post(String slug, Map<String, Object> filing) {
		return this.http.exchange("/internal/v1/organisations/" + slug + "/cases", HttpMethod.POST,
				new HttpEntity<>(new HashMap<>(filing), headers(Fixtures.INTERNAL_SECRET)), JsonNode.class);
	}

	static HttpHeaders headers(String secret) {
		HttpHeaders headers = new HttpHeaders();
		if (secret != null) {
			headers.setBearerAuth(secret);
		}
		return headers;
	}

}

package nl.meldpunt.portal.submission;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import io.micrometer.core.instrument.MeterRegistry;
import nl.meldpunt.portal.PortalTest;
import nl.meldpunt.portal.TestReports;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ServerHttpObservationFilter;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionApiIntegrationTest extends PortalTest {

	@Autowired
	TestRestTemplate http;

	private ResponseEntity<JsonNode> post(String path, Object body, String language) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
		return this.http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
	}

	@Test
	void organisationWhenKnownThenDescribesRecipientsAndLimits() {
		JsonNode portal = this.http.getForObject("/api/o/demo", JsonNode.class);
		assertThat(portal.get("name").asText()).isEqualTo("Gemeente Demo");
		assertThat(portal.get("advisers")).hasSize(2);
		assertThat(portal.get("hotlines").get(0).get("handlers").get(0).get("publicKey").asText()).hasSize(43);
		assertThat(portal.get("keyBook")).hasSize(3);
		assertThat(portal.get("hotlines").get(0).get("keyBook")).hasSize(1);
		assertThat(portal.get("maxAttachmentBytes").asLong()).isEqualTo(52_428_800L);
	}

	@Test
	void organisationWhenUnknownThen404InTheReportersLanguage() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
		ResponseEntity<JsonNode> english = this.http.exchange("/api/o/nobody", HttpMethod.GET,
				new HttpEntity<>(headers), JsonNode.class);
		ResponseEntity<JsonNode> dutch = this.http.getForEntity("/api/o/nobody", JsonNode.class);
		assertThat(english.getStatusCode().value()).isEqualTo(404);
		assertThat(english.getBody().get("type").asText())
			.isEqualTo("https://meldpunt.nl/problems/unknown-organisation");
		assertThat(english.getBody().get("detail").asText()).startsWith("We do not know this organisation");
		assertThat(dutch.getBody().get("detail").asText()).startsWith("Deze organisatie kennen wij niet");
	}

	@Test
	void fileWhenValidThen201AndTheCaseServiceGetsCiphertextOnly() {
		TestReports reports = new TestReports(caseService);
		String marker = "MARKER-" + UUID.randomUUID();
		ResponseEntity<JsonNode> filed = post("/api/o/demo/cases", reports.filing(marker), "nl");
		assertThat(filed.getStatusCode().value()).isEqualTo(201);
		assertThat(filed.getBody().get("caseId").asText()).isEqualTo(reports.caseId.toString());
		assertThat(caseService.everythingReceived()).doesNotContain(marker);
	}

	/**
	 * The filing path does no per-request work that nobody reads: no server or client
	 * request observation is recorded (the portal exposes no metrics).
	 */
	@Test
	void fileWhenFiledThenNoRequestObservationsRecorded(@Autowired MeterRegistry meters,
			@Autowired ApplicationContext context) {
		ResponseEntity<JsonNode> filed = post("/api/o/demo/cases", new TestReports(caseService).filing("lean"), "nl");
		assertThat(filed.getStatusCode().value()).isEqualTo(201);
		assertThat(meters.find("http.server.requests").meters()).isEmpty();
		assertThat(meters.find("http.client.requests").meters()).isEmpty();
		// nor is the observation filter installed, which would make a no-op one per
		// request
		assertThat(context.getBeansOfType(FilterRegistrationBean.class)
			.values()
			.stream()
			.filter((registration) -> registration.getFilter() instanceof ServerHttpObservationFilter)).singleElement()
			.satisfies((registration) -> assertThat(registration.isEnabled()).isFalse());
	}

	/**
	 * A filing is answered by the short path, before the usual filter chain and Spring
	 * MVC; a refusal there gets the usual translated problem.
	 */
	@Test
	void fileWhenPostedThenAnsweredOnTheShortPathBeforeSpringMvc(@Autowired FilingShortPath shortPath,
			@Autowired ObjectMapper json) throws Exception {
		FilterChain usualPath = (request, response) -> {
			throw new AssertionError("the filing went on to the usual filter chain");
		};
		TestReports reports = new TestReports(caseService);
		MockHttpServletResponse filed = new MockHttpServletResponse();
		shortPath.doFilter(jsonPost("/api/o/demo/cases", json.writeValueAsBytes(reports.filing("short")), "nl"), filed,
				usualPath);
		assertThat(filed.getStatus()).isEqualTo(201);
		assertThat(json.readTree(filed.getContentAsByteArray()).get("caseId").asText())
			.isEqualTo(reports.caseId.toString());

		Map<String, Object> filing = new TestReports(caseService).filing("code");
		filing.put("accessCode", "guess");
		MockHttpServletResponse refused = new MockHttpServletResponse();
		shortPath.doFilter(jsonPost("/api/o/coded/cases", json.writeValueAsBytes(filing), "en"), refused, usualPath);
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getContentType()).isEqualTo("application/problem+json");
		assertThat(json.readTree(refused.getContentAsByteArray()).get("detail").asText())
			.isEqualTo("The access code is not right. You find the code on your organisation's intranet.");
	}

	private static MockHttpServletRequest jsonPost(String path, byte[] body, String language) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setContentType(MediaType.APPLICATION_JSON_VALUE);
		request.addHeader(HttpHeaders.ACCEPT_LANGUAGE, language);
		request.setContent(body);
		return request;
	}

	@Test
	void fileWhenRepeatedThen200AndStillOneCase() {
		TestReports reports = new TestReports(caseService);
		Map<String, Object> filing = reports.filing("twice");
		assertThat(post("/api/o/demo/cases", filing, "nl").getStatusCode().value()).isEqualTo(201);
		int cases = countCases();
		ResponseEntity<JsonNode> again = post("/api/o/demo/cases", filing, "nl");
		assertThat(again.getStatusCode().value()).isEqualTo(200);
		assertThat(again.getBody().get("caseId").asText()).isEqualTo(reports.caseId.toString());
		assertThat(countCases()).isEqualTo(cases);
	}

	@Test
	void fileWhenRequiredFieldsMissingThen400NamingThemAndNothingStored() {
		int before = countCases();
		Map<String, Object> filing = new TestReports(caseService).filing("incomplete");
		filing.remove("report");
		filing.remove("mailboxCredential");
		ResponseEntity<JsonNode> refused = post("/api/o/demo/cases", filing, "en");
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().get("type").asText()).isEqualTo("https://meldpunt.nl/problems/invalid-request");
		assertThat(refused.getBody().get("detail").asText()).startsWith("Not all details came through");
		assertThat(refused.getBody().get("errors").findValuesAsText("field")).contains("report", "mailboxCredential");
		assertThat(countCases()).isEqualTo(before);
	}

	@Test
	void fileWhenCaseIdIsNoUuidThen400NamingTheField() {
		Map<String, Object> filing = new TestReports(caseService).filing("bad id");
		filing.put("caseId", "not-a-uuid");
		ResponseEntity<JsonNode> refused = post("/api/o/demo/cases", filing, "nl");
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("caseId");
	}

	@Test
	void fileWhenCiphertextMalformedThen400AndNothingStored() {
		int before = countCases();
		Map<String, Object> filing = new TestReports(caseService).filing("malformed");
		filing.put("report", Map.of("itemId", UUID.randomUUID().toString(), "ciphertext",
				"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
		ResponseEntity<JsonNode> refused = post("/api/o/demo/cases", filing, "nl");
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().get("type").asText())
			.isEqualTo("https://meldpunt.nl/problems/malformed-ciphertext");
		assertThat(refused.getBody().get("detail").asText()).startsWith("De versleutelde gegevens zijn beschadigd");
		assertThat(countCases()).isEqualTo(before);
	}

	@Test
	void fileWhenCiphertextIsNoBase64UrlThen400() {
		Map<String, Object> filing = new TestReports(caseService).filing("not base64");
		filing.put("mailboxCredential", "+/+/not*base64url");
		ResponseEntity<JsonNode> refused = post("/api/o/demo/cases", filing, "nl");
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("mailboxCredential");
	}

	@Test
	void fileWhenReportOverTheLimitThen413() {
		Map<String, Object> filing = new TestReports(caseService).filing("x".repeat(1_100_000));
		ResponseEntity<JsonNode> refused = post("/api/o/demo/cases", filing, "en");
		assertThat(refused.getStatusCode().value()).isEqualTo(413);
		assertThat(refused.getBody().get("type").asText()).isEqualTo("https://meldpunt.nl/problems/report-too-large");
		assertThat(refused.getBody().get("detail").asText()).startsWith("Your report is too long");
	}

	@Test
	void fileWhenBodyFarOverTheLimitThen413BeforeParsing() {
		Map<String, Object> filing = new TestReports(caseService).filing("big");
		filing.put("padding", "x".repeat(3_000_000));
		ResponseEntity<JsonNode> refused = post("/api/o/demo/cases", filing, "en");
		assertThat(refused.getStatusCode().value()).isEqualTo(413);
		assertThat(refused.getBody().get("type").asText()).endsWith("/request-too-large");
		assertThat(refused.getBody().get("detail").asText()).startsWith("What you sent is too large");
	}

	@Test
	void fileWhenOrganisationUnknownThen404() {
		ResponseEntity<JsonNode> refused = post("/api/o/nobody/cases", new TestReports(caseService).filing("x"), "nl");
		assertThat(refused.getStatusCode().value()).isEqualTo(404);
		assertThat(refused.getBody().get("type").asText()).endsWith("/unknown-organisation");
	}

	@Test
	void fileWhenAccessCodeWrongThen403Translated() {
		Map<String, Object> filing = new TestReports(caseService).filing("code");
		filing.put("accessCode", "guess");
		ResponseEntity<JsonNode> refused = post("/api/o/coded/cases", filing, "en");
		assertThat(refused.getStatusCode().value()).isEqualTo(403);
		assertThat(refused.getBody().get("detail").asText())
			.isEqualTo("The access code is not right. You find the code on your organisation's intranet.");
	}

	@Test
	void fileWhenAllAdvisersExcludedThen422Translated() {
		Map<String, Object> filing = new TestReports(caseService).filing("excluded");
		filing.put("excludedAdviserIds", List.of(caseService.adviserAId.toString(), caseService.adviserBId.toString()));
		ResponseEntity<JsonNode> refused = post("/api/o/demo/cases", filing, "nl");
		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getBody().get("detail").asText())
			.startsWith("U kunt niet alle vertrouwenspersonen uitsluiten");
	}

	@Test
	void fileWhenHotlineRouteWithoutHotlineThen400() {
		Map<String, Object> filing = new TestReports(caseService).filing("hotline");
		filing.put("route", "HOTLINE");
		ResponseEntity<JsonNode> refused = post("/api/o/demo/cases", filing, "nl");
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("hotlineChosen");
	}

	private int countCases() {
		return caseService.caseCount();
	}

}

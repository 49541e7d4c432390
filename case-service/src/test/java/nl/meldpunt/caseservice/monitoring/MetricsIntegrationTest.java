package nl.meldpunt.caseservice.monitoring;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.OrderUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.ServerHttpObservationFilter;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.FromAddress;
import nl.meldpunt.caseservice.Fixtures.Org;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scrape as the machine's own Prometheus does it: filings, refusals by problem type,
 * deadline notices and the backup's age are there; no organisation, case, credential,
 * account or address is in any name, tag or value. From any other address the endpoint
 * refuses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsIntegrationTest {

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	@LocalServerPort
	int port;

	@Test
	void scrapeWhenFiledAndRefusedThenCountsWithoutNames() throws IOException {
		Org org = new Fixtures(this.jdbc, this.setup).organisation(1);
		String credential = Fixtures.credential();
		Map<String, Object> filing = Fixtures.filing(org, credential, List.of());
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(Fixtures.INTERNAL_SECRET);
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<JsonNode> filed = this.http.exchange("/internal/v1/organisations/" + org.slug() + "/cases",
				HttpMethod.POST, new HttpEntity<>(filing, headers), JsonNode.class);
		assertThat(filed.getStatusCode().value()).isEqualTo(201);
		HttpHeaders unknown = new HttpHeaders(headers);
		unknown.set("X-Mailbox-Credential", Fixtures.credential());
		this.http.exchange("/internal/v1/mailbox", HttpMethod.GET, new HttpEntity<>(unknown), String.class);

		String scrape = scrapeFrom("127.0.0.1");
		assertThat(scrape).startsWith("HTTP/1.1 200");
		assertThat(scrape).containsPattern("\nmeldpunt_filings_total(\\{[^}]*\\})? [1-9]")
			.containsPattern("\nmeldpunt_refusals_total\\{[^}]*problem=\"unknown-token\"[^}]*\\} [1-9]")
			.contains("# TYPE meldpunt_deadline_notices_total counter")
			.contains("meldpunt_backup_age_seconds");
		assertThat(scrape).doesNotContain(org.slug())
			.doesNotContain(org.id().toString())
			.doesNotContain((String) filing.get("caseId"))
			.doesNotContain(credential)
			.doesNotContain(org.advisers().get(0).toString())
			.doesNotContain("127.0.0.1");
	}

	/**
	 * Requests are still timed, but Spring Security wraps no observation around each of
	 * its filters (a dozen per filing that nothing reads). A filing taken on the short
	 * path is timed by its own timer (before the request observations, which run once,
	 * after it).
	 */
	@Test
	void scrapeWhenFiledThenRequestsTimedWithoutSecurityFilterObservations(@Autowired ObjectMapper json,
			@Autowired ApplicationContext context) throws IOException {
		Org org = new Fixtures(this.jdbc, this.setup).organisation(1);
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(Fixtures.INTERNAL_SECRET);
		headers.setContentType(MediaType.APPLICATION_JSON);
		// bytes: a declared length, as the portal sends it, so that the short path takes
		// it
		byte[] filing = json.writeValueAsBytes(Fixtures.filing(org, Fixtures.credential(), List.of()));
		ResponseEntity<JsonNode> filed = this.http.exchange("/internal/v1/organisations/" + org.slug() + "/cases",
				HttpMethod.POST, new HttpEntity<>(filing, headers), JsonNode.class);
		assertThat(filed.getStatusCode().value()).isEqualTo(201);
		this.http.exchange("/internal/v1/organisations/" + org.slug() + "/portal", HttpMethod.GET,
				new HttpEntity<>(headers), JsonNode.class);

		String scrape = scrapeFrom("127.0.0.1");
		assertThat(scrape).startsWith("HTTP/1.1 200")
			.contains("\nhttp_server_requests_seconds_count{")
			.containsPattern("\nmeldpunt_filing_seconds_count\\{outcome=\"SUCCESS\"\\} [1-9]");
		assertThat(scrape).doesNotContain("spring_security_");
		List<Integer> observationOrders = context.getBeansOfType(FilterRegistrationBean.class)
			.values()
			.stream()
			.filter((registration) -> registration.getFilter() instanceof ServerHttpObservationFilter)
			.map(FilterRegistrationBean::getOrder)
			.toList();
		assertThat(observationOrders).containsExactly(RequestObservations.ORDER);
		assertThat(OrderUtils.getOrder(context.getBean("filingShortPath").getClass()))
			.isLessThan(RequestObservations.ORDER);
	}

	@Test
	void scrapeWhenFromAnotherAddressThenRefused() throws IOException {
		String scrape = scrapeFrom("127.0.0.2");
		assertThat(scrape).matches("(?s)HTTP/1.1 40[13] .*").contains("application/problem+json");
		assertThat(scrape).doesNotContain("meldpunt_");
	}

	@Test
	void scrapeWhenUntrustedPeerClaimsLoopbackInForwardedForThenRefused() throws IOException {
		// X-Forwarded-For is honoured only from a trusted proxy: 127.0.0.2 stays
		// 127.0.0.2
		String scrape = FromAddress.get("127.0.0.2", this.port, "/actuator/prometheus",
				"X-Forwarded-For: 127.0.0.1\r\nX-Forwarded-Proto: https\r\n");
		assertThat(scrape).matches("(?s)HTTP/1.1 40[13] .*").doesNotContain("meldpunt_");
	}

	@Test
	void scrapeWhenThroughTheTrustedProxyThenTheForwardedClientDecides() throws IOException {
		// the trusted proxy (loopback) forwarding an outside client: that client is the
		// caller, so no metrics (nginx never forwards /actuator/ anyway)
		String outside = FromAddress.get("127.0.0.1", this.port, "/actuator/prometheus",
				"X-Forwarded-For: 198.51.100.7\r\nX-Forwarded-Proto: https\r\n");
		assertThat(outside).matches("(?s)HTTP/1.1 40[13] .*").doesNotContain("meldpunt_");
		// a client on the proxy's own machine stays a loopback caller
		String local = FromAddress.get("127.0.0.1", this.port, "/actuator/prometheus",
				"X-Forwarded-For: 127.0.0.1\r\n");
		assertThat(local).startsWith("HTTP/1.1 200").contains("meldpunt_");
	}

	private String scrapeFrom(String source) throws IOException {
		return FromAddress.get(source, this.port, "/actuator/prometheus", "");
	}

}

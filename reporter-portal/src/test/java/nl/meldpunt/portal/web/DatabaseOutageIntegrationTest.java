package nl.meldpunt.portal.web;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import nl.meldpunt.portal.PortalTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case service's database is away (the double answers as the real case service does
 * then: readiness 503, every call a 503 {@code database-unavailable}): the portal's
 * readiness turns DOWN and a reporter gets a fast, translated 503, page and API alike.
 * The case service's own side is {@code case-service}'s DatabaseOutageIntegrationTest,
 * which really stops PostgreSQL.
 */
class DatabaseOutageIntegrationTest extends PortalTest {

	@Autowired
	TestRestTemplate http;

	@Test
	void readinessApiAndPageWhenTheCaseServiceDatabaseIsDownThen503Unavailable() {
		assertThat(this.http.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value())
			.isEqualTo(200);
		caseService.databaseDown(true);
		try {
			long started = System.nanoTime();
			ResponseEntity<JsonNode> api = this.http.getForEntity("/api/o/demo", JsonNode.class);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
			assertThat(api.getStatusCode().value()).isEqualTo(503);
			assertThat(api.getBody().get("type").asText())
				.isEqualTo("https://meldpunt.nl/problems/case-service-unavailable");

			ResponseEntity<String> page = this.http.getForEntity("/en/o/demo", String.class);
			assertThat(page.getStatusCode().value()).isEqualTo(503);
			assertThat(page.getBody()).contains("Meldpunt is temporarily unavailable");

			ResponseEntity<String> readiness = this.http.getForEntity("/actuator/health/readiness", String.class);
			assertThat(readiness.getStatusCode().value()).isEqualTo(503);
			assertThat(readiness.getBody()).contains("DOWN").doesNotContain("127.0.0.1");
			// a restart of the portal would not help: liveness stays UP
			assertThat(this.http.getForEntity("/actuator/health/liveness", String.class).getStatusCode().value())
				.isEqualTo(200);
		}
		finally {
			caseService.databaseDown(false);
		}
		assertThat(this.http.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value())
			.isEqualTo(200);
	}

}

package nl.meldpunt.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.meldpunt.portal.InMemoryCaseService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A portal whose secret the case service does not accept answers "temporarily
 * unavailable".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseServiceTroubleIntegrationTest {

	private static final InMemoryCaseService caseService = InMemoryCaseService.started();

	@DynamicPropertySource
	static void wrongSecret(DynamicPropertyRegistry registry) {
		registry.add("meldpunt.internal-api.secret", () -> "a-different-secret-entirely");
		registry.add("meldpunt.case-service.url", caseService::url);
	}

	@Autowired
	TestRestTemplate http;

	@Test
	void organisationWhenTheCaseServiceRefusesTheSecretThen503Translated() {
		ResponseEntity<JsonNode> answer = this.http.getForEntity("/api/o/demo", JsonNode.class);
		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getBody().get("type").asText()).endsWith("/case-service-unavailable");
		assertThat(answer.getBody().get("detail").asText()).startsWith("Meldpunt is tijdelijk niet bereikbaar");
		ResponseEntity<String> page = this.http.getForEntity("/o/demo", String.class);
		assertThat(page.getStatusCode().value()).isEqualTo(503);
		assertThat(page.getBody()).contains("Meldpunt is tijdelijk niet bereikbaar");
	}

}

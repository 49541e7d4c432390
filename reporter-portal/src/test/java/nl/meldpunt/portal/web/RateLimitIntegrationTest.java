package nl.meldpunt.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.meldpunt.portal.PortalTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "meldpunt.portal.rate-limit.mailbox-per-second=2")
class RateLimitIntegrationTest extends PortalTest {

	@Autowired
	TestRestTemplate http;

	@Test
	void mailboxWhenOverTheLimitThen429WithRetryAfterInTheReportersLanguage() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
		// 2 per second: on a busy machine five requests may span a refill, so ask until
		// refused (a few more at most; without the limit none of the 100 would be)
		ResponseEntity<JsonNode> last = null;
		for (int i = 0; i < 100 && (last == null || last.getStatusCode().value() != 429); i++) {
			last = this.http.exchange("/api/mailbox", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
		}
		assertThat(last.getStatusCode().value()).isEqualTo(429);
		assertThat(last.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(last.getBody().get("type").asText()).isEqualTo("https://meldpunt.nl/problems/rate-limited");
		assertThat(last.getBody().get("detail").asText()).startsWith("It is very busy right now");
	}

}

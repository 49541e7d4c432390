package nl.meldpunt.caseservice.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.crypto.testing.LogFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed requests to the case service log one line each (status, problem type, exception
 * class), never a stack trace, and nothing about the caller: no request content,
 * credential, bearer secret, address or user agent.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LogHygieneIntegrationTest {

	@Autowired
	TestRestTemplate http;

	@Autowired
	Environment environment;

	@Test
	void logFileWhenConfiguredThenRollsBySizeAndAge() {
		LogFiles.assertRollsBySizeAndAge(this.environment::getProperty);
	}

	@Test
	void failedRequestsWhenLoggedThenOneLineEachWithoutCallerData(CapturedOutput output) {
		String marker = "LOGMARKER" + UUID.randomUUID().toString().replace("-", "");
		String credential = Fixtures.credential();
		String forwardedFor = "203.0.113.78";
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set(HttpHeaders.USER_AGENT, "UA-" + marker);
		headers.set("X-Forwarded-For", forwardedFor);
		headers.set("X-Mailbox-Credential", credential);
		headers.setBearerAuth(Fixtures.INTERNAL_SECRET);
		int before = output.getAll().length();

		// an unknown credential, a body that cannot be read, an unknown organisation
		this.http.exchange("/internal/v1/mailbox", HttpMethod.GET, new HttpEntity<>(headers), String.class);
		this.http.exchange("/internal/v1/organisations/" + marker + "/cases", HttpMethod.POST,
				new HttpEntity<>("{\"caseId\":\"" + marker, headers), String.class);
		this.http.exchange("/internal/v1/organisations/" + marker.toLowerCase() + "/portal", HttpMethod.GET,
				new HttpEntity<>(headers), String.class);
		// a wrong bearer secret and a failed log-in
		HttpHeaders wrong = new HttpHeaders(headers);
		wrong.setBearerAuth("secret-" + marker);
		this.http.exchange("/internal/v1/mailbox", HttpMethod.GET, new HttpEntity<>(wrong), String.class);
		this.http.exchange(
				"/login", HttpMethod.POST, new HttpEntity<>("{\"email\":\"" + marker
						+ "@example.org\",\"loginSecret\":\"" + marker + "\",\"code\":\"123456\"}", headers),
				String.class);

		String logged = output.getAll().substring(before);
		assertThat(logged).contains("404 unknown-token").contains("400 invalid-request");
		assertThat(logged.lines().filter((line) -> line.contains("unknown-token"))).hasSize(1);
		assertThat(logged).doesNotContain("\tat ")
			.doesNotContainIgnoringCase(marker)
			.doesNotContain(credential)
			.doesNotContain(Fixtures.INTERNAL_SECRET)
			.doesNotContain(forwardedFor)
			.doesNotContain("127.0.0.1");
	}

}

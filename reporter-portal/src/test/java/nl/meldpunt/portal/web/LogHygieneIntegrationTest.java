package nl.meldpunt.portal.web;

import java.util.List;
import java.util.UUID;

import nl.meldpunt.portal.PortalTest;
import nl.meldpunt.portal.TestReports;
import nl.meldpunt.crypto.testing.LogFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing about a reporter's requests reaches the log: no content, credential, address or
 * user agent.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneIntegrationTest extends PortalTest {

	@Autowired
	TestRestTemplate http;

	@Autowired
	Environment environment;

	@Test
	void logFileWhenConfiguredThenRollsBySizeAndAge() {
		LogFiles.assertRollsBySizeAndAge(this.environment::getProperty);
	}

	@Test
	void accessLogWhenConfiguredThenOff() {
		assertThat(this.environment.getProperty("server.tomcat.accesslog.enabled", Boolean.class, true)).isFalse();
	}

	@Test
	void filingAndFollowUpWhenLoggedThenNoMarkerCredentialAddressOrUserAgent(CapturedOutput output) {
		String marker = "LOGMARKER" + UUID.randomUUID();
		String userAgent = "UA-" + marker;
		String forwardedFor = "203.0.113.77";
		TestReports reports = new TestReports(caseService);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set(HttpHeaders.USER_AGENT, userAgent);
		headers.set("X-Forwarded-For", forwardedFor);
		headers.set("X-Mailbox-Credential", reports.credential());
		for (String path : List.of("/o/demo", "/o/demo/report", "/r/", "/api/o/demo")) {
			this.http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
		}
		this.http.exchange("/api/o/demo/cases", HttpMethod.POST, new HttpEntity<>(reports.filing(marker), headers),
				String.class);
		this.http.exchange("/api/o/demo/cases", HttpMethod.POST, new HttpEntity<>("{\"caseId\":\"" + marker, headers),
				String.class);
		this.http.exchange("/api/mailbox", HttpMethod.GET, new HttpEntity<>(headers), String.class);
		this.http.exchange("/api/mailbox/messages", HttpMethod.POST, new HttpEntity<>(reports.message(marker), headers),
				String.class);
		this.http.exchange("/api/mailbox/messages", HttpMethod.POST,
				new HttpEntity<>("{\"itemId\":\"" + marker + "\"}", headers), String.class);
		this.http.exchange("/api/mailbox/attachments/" + marker + "/chunks/0", HttpMethod.GET,
				new HttpEntity<>(headers), String.class);
		this.http.exchange("/o/" + marker, HttpMethod.GET, new HttpEntity<>(headers), String.class);

		assertThat(output.getAll()).doesNotContain(marker)
			.doesNotContain(reports.credential())
			.doesNotContain(reports.token.printable())
			.doesNotContain(forwardedFor)
			.doesNotContain("127.0.0.1")
			.doesNotContain(userAgent);
	}

}

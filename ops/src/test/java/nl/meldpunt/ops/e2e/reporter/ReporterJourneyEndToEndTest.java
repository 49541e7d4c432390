package nl.meldpunt.ops.e2e.reporter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.meldpunt.crypto.ReporterToken;
import nl.meldpunt.ops.MeldpuntSystem;
import nl.meldpunt.ops.TestSystem;
import org.junit.jupiter.api.Test;

import nl.meldpunt.crypto.testing.SamplePhotos;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporter's journey through the whole system (launcher, case-service, PostgreSQL,
 * portal) in headless Chromium: file an anonymous report with a photo, keep the token
 * link, let a demo adviser (through case-service's adviser API) read it and ask a
 * question, come back with the link, read the question and answer it. Every step is
 * photographed into target/screenshots/reporter-journey/ and checked with axe-core.
 */
class ReporterJourneyEndToEndTest {

	@Test
	void reportWhenFiledKeptAndAnsweredThenAdviserAndReporterTalkThroughCiphertextOnly() throws Exception {
		MeldpuntSystem system = TestSystem.get();
		String marker = "E2E" + UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
		Path photo = SamplePhotos.jpegWithExif(marker);
		String link;
		try (ReporterBrowser reporter = new ReporterBrowser("reporter-journey")) {
			reporter.open(system.portalUrl() + "/o/demo");
			reporter.screenshot("landing");
			assertThat(reporter.accessibilityViolations()).isEmpty();
			reporter.click("start");
			reporter.waitVisible("report-form");
			reporter.screenshot("form");
			assertThat(reporter.accessibilityViolations()).isEmpty();
			reporter.firstCategory();
			reporter.type("what", "Wat er gebeurde: " + marker);
			reporter.type("when", "vorige week");
			reporter.type("files", photo.toString());
			reporter.screenshot("form-filled");
			reporter.click("submit");
			reporter.waitVisible("done");
			link = reporter.find("token-link").getAttribute("value");
			assertThat(link).startsWith(system.portalUrl() + "/r/#");
			reporter.screenshot("token-link");
			assertThat(reporter.accessibilityViolations()).isEmpty();
			reporter.click("kept");
			reporter.click("finish");
			reporter.waitText("main", "Demo-organisatie");
			assertThat(reporter.hasCookies()).isFalse();
		}

		DemoAdviser adviser = new DemoAdviser(system.caseServiceUrl()).logIn("adviser1@demo.meldpunt.nl");
		UUID caseId = caseWith(adviser, marker);
		byte[] received = adviser.firstAttachment(caseId);
		assertThat(received[0] & 0xff).isEqualTo(0xff);
		assertThat(received[1] & 0xff).isEqualTo(0xd8);
		assertThat(new String(received, StandardCharsets.ISO_8859_1)).doesNotContain(marker).doesNotContain("Exif");
		adviser.fire(caseId, "ACKNOWLEDGE");
		adviser.write(caseId, "Dank voor uw melding. Wanneer gebeurde het precies?");
		adviser.fire(caseId, "ASK_REPORTER");

		try (ReporterBrowser reporter = new ReporterBrowser("reporter-journey-return")) {
			reporter.open(link);
			reporter.waitVisible("case");
			reporter.waitText("conversation", "Wanneer gebeurde het precies?");
			assertThat(reporter.find("state").getText()).isEqualTo("Uw antwoord is nodig");
			assertThat(reporter.find("conversation").getText()).contains(marker);
			reporter.screenshot("adviser-question");
			assertThat(reporter.accessibilityViolations()).isEmpty();
			reporter.type("reply", "Op dinsdag, rond de lunch.");
			reporter.submit("reply-form");
			reporter.waitText("conversation", "Op dinsdag, rond de lunch.");
			reporter.waitText("state", "In gesprek");
			reporter.screenshot("answered");
			assertThat(reporter.hasCookies()).isFalse();
		}
		assertThat(adviser.read(caseId)).contains("REPORTER:MESSAGE:Op dinsdag, rond de lunch.");
		sameAnswerForUnknownAndWrongTokens(system, link.substring(link.indexOf('#') + 1));
		assertThat(adviser.detail(caseId).get("state").asText()).isEqualTo("IN_CONSULTATION");
	}

	/**
	 * Through portal and case-service: a never-issued token and a wrong one answer alike.
	 */
	private static void sameAnswerForUnknownAndWrongTokens(MeldpuntSystem system, String token) throws Exception {
		byte[] wrong = ReporterToken.parse(token).mailboxCredential().toBytes();
		wrong[31] ^= 1;
		byte[] unknown = ReporterToken.generate().mailboxCredential().toBytes();
		HttpClient http = HttpClient.newHttpClient();
		List<String> answers = new java.util.ArrayList<>();
		for (byte[] credential : List.of(wrong, unknown)) {
			HttpResponse<String> answer = http
				.send(HttpRequest.newBuilder(URI.create(system.portalUrl() + "/api/mailbox"))
					.header("X-Mailbox-Credential", DemoAdviser.encode(credential))
					.header("Accept-Language", "nl")
					.build(), HttpResponse.BodyHandlers.ofString());
			answers.add(answer.statusCode() + " " + answer.body());
		}
		assertThat(answers.get(0)).startsWith("404 ").contains("unknown-token").isEqualTo(answers.get(1));
	}

	private static UUID caseWith(DemoAdviser adviser, String marker) throws Exception {
		for (UUID caseId : adviser.inbox()) {
			List<String> items = adviser.read(caseId);
			if (items.stream().anyMatch((item) -> item.startsWith("REPORTER:REPORT:") && item.contains(marker))) {
				assertThat(items.get(0)).contains("\"anonymous\":true").contains("\"name\":null");
				return caseId;
			}
		}
		throw new AssertionError("The adviser's inbox has no case with the marker");
	}

}

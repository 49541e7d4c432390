package nl.meldpunt.portal.web;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.meldpunt.portal.PortalTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class PagesIntegrationTest extends PortalTest {

	private static final List<String> PAGES = List.of("/", "/en/", "/o/demo", "/en/o/demo", "/o/demo/report",
			"/en/o/demo/report", "/r/", "/en/r/", "/o/nobody", "/api/o/demo", "/api/mailbox", "/css/portal.css",
			"/js/report.js", "/meldpunt-crypto/v1/meldpunt-crypto.js", "/does-not-exist");

	@Autowired
	TestRestTemplate http;

	@Test
	void landingWhenDutchThenExplainsRecipientsTermsHotlinesAndLimits() {
		String page = this.http.getForObject("/o/demo", String.class);
		assertThat(page).contains("<html lang=\"nl\"")
			.contains("Melden bij Gemeente Demo")
			.contains("A. Adviseur")
			.contains("Binnen 7 dagen")
			.contains("Binnen 3 maanden")
			.contains("Antidiscriminatiebureau Regio")
			.contains("088 123 4567")
			.contains("werkcomputer")
			.contains("href=\"/en/o/demo\"");
	}

	@Test
	void rootWhenDutchOrEnglishThenSaysWhatMeldpuntIsAndHowToReachTheOrganisation() {
		String dutch = this.http.getForObject("/", String.class);
		assertThat(dutch).contains("<html lang=\"nl\"")
			.contains("Meldpunt is de plek waar medewerkers")
			.contains("action=\"/o\"")
			.contains("href=\"/r/\"")
			.contains("href=\"/en/\"")
			.contains("href=\"/meldpunt-base/v1/favicon.svg\"");
		String english = this.http.getForObject("/en/", String.class);
		assertThat(english).contains("<html lang=\"en\"")
			.contains("Meldpunt is where employees report")
			.contains("action=\"/en/o\"")
			.contains("href=\"/en/r/\"")
			.contains("href=\"/\"");
		assertThat(this.http.getForEntity("/en", String.class).getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void rootWhenTurkishArabicOrPolishThenInThatLanguageArabicRightToLeft() throws Exception {
		String turkish = this.http.getForObject("/tr/", String.class);
		assertThat(turkish).contains("<html lang=\"tr\" dir=\"ltr\"")
			.contains("Meldpunt, çalışanların")
			.contains("action=\"/tr/o\"")
			.contains("href=\"/tr/r/\"")
			.contains("href=\"/\"")
			.contains("href=\"/ar/\"");
		assertThat(this.http.getForObject("/ar/", String.class)).contains("<html lang=\"ar\" dir=\"rtl\"")
			.contains("action=\"/ar/o\"");
		assertThat(this.http.getForObject("/pl", String.class)).contains("<html lang=\"pl\"")
			.contains("action=\"/pl/o\"");
		assertThat(location("/ar/o?organisation=Demo")).isEqualTo("/ar/o/demo");
		assertThat(location("/pl/o?organisation=")).isEqualTo("/pl/");
	}

	@Test
	void rootFormWhenNameTypedThenToThatPageOnlyOnThisPortal() throws Exception {
		assertThat(location("/o?organisation=+Demo+")).isEqualTo("/o/demo");
		assertThat(location("/en/o?organisation=gemeente%20demo")).isEqualTo("/en/o/gemeente-demo");
		assertThat(location("/o?organisation=..%2F%2Fevil.example")).isEqualTo("/o/..%2F%2Fevil.example");
		assertThat(location("/en/o?organisation=")).isEqualTo("/en/");
	}

	@Test
	void faviconWhenRequestedThenServedFromThisOrigin() {
		ResponseEntity<String> icon = this.http.getForEntity("/meldpunt-base/v1/favicon.svg", String.class);
		assertThat(icon.getStatusCode().value()).isEqualTo(200);
		assertThat(icon.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
		assertThat(icon.getBody()).startsWith("<svg").doesNotContain("href");
	}

	private String location(String path) throws Exception {
		java.net.http.HttpResponse<Void> answer = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.http.getRootUri() + path)).build(),
					java.net.http.HttpResponse.BodyHandlers.discarding());
		assertThat(answer.statusCode()).isEqualTo(302);
		String location = answer.headers().firstValue("Location").orElseThrow();
		return location.replaceFirst("^https?://[^/]+", "");
	}

	@Test
	void landingWhenEnglishThenEnglishWithADutchLink() {
		String page = this.http.getForObject("/en/o/demo", String.class);
		assertThat(page).contains("<html lang=\"en\"")
			.contains("Report to Gemeente Demo")
			.contains("Within 7 days")
			.contains("Independent office for discrimination reports")
			.contains("href=\"/o/demo\"");
	}

	@Test
	void landingWhenOrganisationUnknownThen404PageInTheLanguageOfThePath() {
		ResponseEntity<String> dutch = this.http.getForEntity("/o/nobody", String.class);
		ResponseEntity<String> english = this.http.getForEntity("/en/o/nobody", String.class);
		assertThat(dutch.getStatusCode().value()).isEqualTo(404);
		assertThat(dutch.getBody()).contains("Deze organisatie kennen wij niet");
		assertThat(english.getStatusCode().value()).isEqualTo(404);
		assertThat(english.getBody()).contains("We do not know this organisation");
		ResponseEntity<String> malformed = this.http.getForEntity("/en/o/NOT_a_slug", String.class);
		assertThat(malformed.getStatusCode().value()).isEqualTo(404);
		assertThat(malformed.getBody()).contains("We do not know this organisation");
	}

	@Test
	void landingWhenNotAcceptingReportsThenSaysSoAndOffersNoForm() {
		String page = this.http.getForObject("/o/closed", String.class);
		assertThat(page).contains("neemt op dit moment nog geen meldingen aan").doesNotContain("id=\"start\"");
	}

	@Test
	void reportFormWhenAccessCodeRequiredThenAsksForIt() {
		assertThat(this.http.getForObject("/o/coded/report", String.class)).contains("id=\"accessCode\"");
		assertThat(this.http.getForObject("/o/demo/report", String.class)).doesNotContain("id=\"accessCode\"");
	}

	@Test
	void everyAnswerWhenRequestedThenNoCookieAndStrictHeaders() {
		for (String path : PAGES) {
			ResponseEntity<String> answer = this.http.getForEntity(path, String.class);
			HttpHeaders headers = answer.getHeaders();
			assertThat(headers.get(HttpHeaders.SET_COOKIE)).as(path).isNull();
			assertThat(headers.getFirst("Content-Security-Policy")).as(path)
				.isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY)
				.doesNotContain("unsafe")
				.contains("default-src 'none'")
				.contains("script-src 'self'");
			assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("no-referrer");
			assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
		}
	}

	@Test
	void scriptsWhenReferencedThenCarryIntegrityOfTheServedBytes() throws Exception {
		for (String page : List.of("/o/demo/report", "/r/")) {
			String html = this.http.getForObject(page, String.class);
			Matcher scripts = Pattern
				.compile("<(?:script|link)[^>]*(?:src|href)=\"([^\"]+\\.m?js)\"[^>]*integrity=\"([^\"]+)\"")
				.matcher(html);
			int found = 0;
			while (scripts.find()) {
				byte[] served = this.http.getForObject(scripts.group(1), byte[].class);
				String expected = "sha384-"
						+ Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(served));
				assertThat(scripts.group(2)).as(scripts.group(1)).isEqualTo(expected);
				found++;
			}
			assertThat(found).as(page).isGreaterThanOrEqualTo(4);
			assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
				.doesNotContain(" style=")
				.doesNotContainPattern("\\son[a-z]+=");
		}
	}

	@Test
	void textAnswersWhenGzipAcceptedThenCompressed() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCEPT_ENCODING, "gzip");
		for (String path : List.of("/o/demo", "/css/portal.css", "/meldpunt-crypto/v1/meldpunt-crypto.js")) {
			ResponseEntity<byte[]> answer = this.http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
					byte[].class);
			assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).as(path).isEqualTo("gzip");
		}
	}

	@Test
	void followUpWhenRequestedThenTheSamePageForEveryoneWithoutToken() {
		String page = this.http.getForObject("/r/", String.class);
		assertThat(page).contains("id=\"token-form\"").contains("Uw melding");
		assertThat(this.http.getForObject("/en/r/", String.class)).contains("Your report");
	}

}

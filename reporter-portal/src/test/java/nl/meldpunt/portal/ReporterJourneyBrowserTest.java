package nl.meldpunt.portal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meldpunt.crypto.ReporterToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

import nl.meldpunt.crypto.testing.HeadlessChromium;

import nl.meldpunt.crypto.testing.SamplePhotos;

/**
 * The reporter's whole journey in headless Chromium against the real portal and the
 * in-memory case service: file an anonymous report with a photo, keep the token link,
 * come back, read the adviser's reply, answer it, withdraw. Every page is checked with
 * axe-core and photographed into target/screenshots/.
 */
class ReporterJourneyBrowserTest extends PortalTest {

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	private HeadlessChromium browser;

	@BeforeEach
	void start(TestInfo test) {
		this.browser = new HeadlessChromium(test.getTestMethod().orElseThrow().getName(), "", HeadlessChromium.PHONE);
	}

	@AfterEach
	void stop() {
		this.browser.close();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void accessible(String page) {
		assertThat(this.browser.accessibilityViolations()).as(page).isEmpty();
	}

	@Test
	void journeyWhenFiledKeptAndAnsweredThenEverythingWorksInTheBrowserOnly() throws Exception {
		String marker = "JOURNEY" + UUID.randomUUID().toString().replace("-", "");
		Path photo = SamplePhotos.jpegWithExif(marker);
		HeadlessChromium b = this.browser;

		b.open(url("/o/demo"));
		b.screenshot("landing-nl");
		accessible("landing nl");
		assertThat(b.driver().manage().getCookies()).isEmpty();
		Map<String, Object> weight = b.pageWeight();
		Files.writeString(Path.of("target", "page-weight.txt"), weight.toString());
		assertThat(((Number) weight.get("bytes")).longValue()).isLessThanOrEqualTo(150 * 1024);
		assertThat(weight.get("origins")).isEqualTo(List.of(url("")));

		b.find("language-en").click();
		b.waitText("main", "Report to Gemeente Demo");
		b.screenshot("landing-en");
		accessible("landing en");
		b.find("language-nl").click();
		b.waitText("main", "Melden bij Gemeente Demo");

		b.find("start").click();
		b.waitVisible("report-form");
		Map<String, Object> formWeight = b.pageWeight();
		Files.writeString(Path.of("target", "page-weight-form.txt"), formWeight.toString());
		assertThat(formWeight.get("origins")).isEqualTo(List.of(url("")));
		b.screenshot("form");
		accessible("form");

		b.find("submit").click();
		b.waitVisible("error-summary");
		assertThat(b.find("what-error").getText()).isEqualTo("Vul dit veld in.");
		assertThat(b.find("error-list").getText()).contains("Wat is er gebeurd? – Vul dit veld in.")
			.contains("Waar gaat het over? – Vul dit veld in.");
		assertThat(b.find("what").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(b.find("what").getAttribute("aria-describedby")).contains("what-error");
		b.screenshot("form-errors");
		accessible("form with errors");

		new Select(b.find("category")).selectByValue("racism");
		b.find("what").sendKeys("Wat er gebeurde: " + marker);
		b.find("when").sendKeys("begin maart");
		b.find("where").sendKeys("kantine");
		b.find("files").sendKeys(photo.toString());
		assertThat(b.find("files-warning").isDisplayed()).isFalse();
		b.screenshot("form-filled");
		b.find("submit").click();

		b.waitVisible("done");
		String link = b.find("token-link").getAttribute("value");
		assertThat(link).startsWith(url("/r/#"));
		assertThat(link).endsWith("#" + b.find("token-code").getText());
		assertThat(b.find("qr").getAttribute("data-modules")).isNotBlank();
		assertThat(b.find("status").getText()).contains("Verborgen fotogegevens verwijderd").contains("photo.jpg");
		b.screenshot("token-shown");
		accessible("token");
		b.find("save").click();
		Path saved = b.downloads().resolve("meldpunt-link.txt");
		awaitFile(saved);
		assertThat(Files.readString(saved)).contains(link).contains("Bewaar hem veilig");
		b.find("finish").click();
		assertThat(b.find("kept-error").getText()).isEqualTo("Vink eerst aan dat u de link hebt bewaard.");
		b.find("kept").click();
		b.find("finish").click();
		b.waitText("main", "Melden bij Gemeente Demo");

		InMemoryCaseService.StoredCase filed = caseService.caseWith(caseIdOf(marker));
		assertThat(caseService.reportAsAdviser(filed)).contains(marker).contains("\"anonymous\":true");
		assertThat(caseService.everythingReceived()).doesNotContain(marker);
		UUID attachmentId = filed.attachments.keySet().iterator().next();
		byte[] received = caseService.attachmentAsAdviser(filed, attachmentId);
		assertThat(received[0] & 0xff).isEqualTo(0xff);
		assertThat(received[1] & 0xff).isEqualTo(0xd8);
		assertThat(new String(received, StandardCharsets.ISO_8859_1)).doesNotContain(marker).doesNotContain("Exif");
		caseService.replyAsAdviser(filed, "Dank voor uw melding. Kunt u meer vertellen?");

		b.open(link);
		b.waitVisible("case");
		b.waitText("conversation", "Kunt u meer vertellen?");
		assertThat(b.find("state").getText()).isEqualTo("Uw antwoord is nodig");
		assertThat(b.find("conversation").getText()).contains(marker)
			.as("the reporter's own report under the form's labels")
			.contains("Wat is er gebeurd?")
			.doesNotContain("*");
		assertThat(((Number) b.script("return document.getElementById('status-heading').getBoundingClientRect().top"
				+ " - document.querySelector('h1').getBoundingClientRect().bottom"))
			.doubleValue()).as("no large gap under the heading").isLessThan(60);
		assertThat(b.find("files-list").getText()).contains("photo.jpg");
		b.screenshot("follow-up");
		accessible("follow-up");

		b.open(link.replace("/r/#", "/ar/r/#"));
		b.waitText("state", "نحتاج إلى ردّك");
		assertThat(b.script("return document.documentElement.dir + ' ' + document.documentElement.lang"))
			.isEqualTo("rtl ar");
		assertThat(b.find("conversation").getText()).contains("Kunt u meer vertellen?");
		b.screenshot("follow-up-ar");
		accessible("follow-up ar");
		assertThat(b.find("language-nl").getAttribute("href")).endsWith("/r/" + link.substring(link.indexOf('#')));
		b.find("language-nl").click();
		b.waitText("state", "Uw antwoord is nodig");
		b.find("files-list").findElement(By.tagName("button")).click();
		Path downloaded = b.downloads().resolve("photo.jpg");
		awaitFile(downloaded);
		assertThat(Files.readAllBytes(downloaded)).isEqualTo(received);

		b.find("reply").sendKeys("Het gebeurde drie keer.");
		b.find("reply-form").findElement(By.cssSelector("button[type=submit]")).click();
		b.waitText("conversation", "Het gebeurde drie keer.");
		assertThat(filed.itemKindsByAuthor()).containsExactly("REPORTER:REPORT", "ADVISER:MESSAGE", "REPORTER:MESSAGE");
		assertThat(filed.state()).isEqualTo("IN_CONSULTATION");
		b.screenshot("answered");

		b.find("withdraw-confirm").click();
		b.find("withdraw").click();
		b.waitText("state", "Ingetrokken");
		assertThat(b.find("reply-form").isDisplayed()).isFalse();
		b.screenshot("withdrawn");
		accessible("withdrawn");
		assertThat(b.driver().manage().getCookies()).isEmpty();
	}

	/**
	 * Turkish, Arabic and Polish: every reporter page in that language, Arabic right to
	 * left, each accessible; screenshots show the layout (look at the Arabic ones).
	 */
	@Test
	void pagesWhenTurkishArabicOrPolishThenTranslatedAccessibleAndArabicRightToLeft() {
		HeadlessChromium b = this.browser;
		Map<String, List<String>> expected = Map.of("tr", List.of("ltr", "Bildirim yap", "Bir konu seçin", "Aç"), "ar",
				List.of("rtl", "تقديم بلاغ", "اختر موضوعاً", "فتح"), "pl",
				List.of("ltr", "Dokonaj zgłoszenia", "Wybierz temat", "Otwórz"));
		for (String language : List.of("tr", "ar", "pl")) {
			List<String> texts = expected.get(language);
			b.open(url("/" + language + "/o/demo"));
			assertThat(b.script("return document.documentElement.lang + ' ' + document.documentElement.dir"))
				.isEqualTo(language + " " + texts.get(0));
			assertThat(b.find("start").getText()).isEqualTo(texts.get(1));
			b.screenshot("landing-" + language);
			accessible("landing " + language);
			b.find("start").click();
			b.waitVisible("report-form");
			assertThat(b.find("category").getText()).contains(texts.get(2));
			b.screenshot("form-" + language);
			accessible("form " + language);
			b.open(url("/" + language + "/r/"));
			b.waitVisible("token-form");
			assertThat(b.find("token-form").getText()).contains(texts.get(3));
			b.screenshot("follow-up-empty-" + language);
			accessible("follow-up " + language);
		}
	}

	@Test
	void followUpWhenTokenMistypedOrUnknownThenClearMessagesInTheReportersLanguage() {
		HeadlessChromium b = this.browser;
		String token = ReporterToken.generate().printable();
		char first = token.charAt(0);
		String typo = ((first == 'A') ? 'B' : 'A') + token.substring(1);
		b.open(url("/en/r/#" + typo));
		b.waitVisible("token-error");
		assertThat(b.find("token-error").getText())
			.isEqualTo("This code is not right. Check that you copied it correctly.");
		b.screenshot("token-typo");
		accessible("token typo");

		b.open(url("/r/"));
		b.find("token").sendKeys(token);
		b.find("token-form").findElement(By.cssSelector("button[type=submit]")).click();
		b.waitVisible("token-error");
		assertThat(b.find("token-error").getText()).startsWith("Wij vinden geen melding bij deze link of code");
		b.screenshot("token-unknown");
		accessible("token unknown");
	}

	@Test
	void formWhenAdviserExcludedOrHotlineChosenThenOnlyThoseRecipientsGetTheKey() throws Exception {
		HeadlessChromium b = this.browser;
		String excluded = "EXCL" + UUID.randomUUID().toString().replace("-", "");
		b.open(url("/o/demo/report"));
		new Select(b.find("category")).selectByValue("racism");
		b.find("what").sendKeys(excluded);
		b.find("exclude-1").click();
		b.screenshot("adviser-excluded");
		b.find("submit").click();
		b.waitVisible("done");
		assertThat(caseService.caseWith(caseIdOfText(excluded)).envelopes.keySet())
			.containsExactlyInAnyOrder(caseService.adviserAId.toString(), "reporter");

		String hotline = "HOTL" + UUID.randomUUID().toString().replace("-", "");
		b.open(url("/en/o/demo/report"));
		b.find("route-hotline").click();
		assertThat(b.find("exclude-choice").isDisplayed()).isFalse();
		b.find("hotline-0").click();
		new Select(b.find("category")).selectByValue("harassment");
		b.find("what").sendKeys(hotline);
		b.screenshot("hotline-chosen");
		accessible("hotline chosen");
		b.find("submit").click();
		b.waitVisible("done");
		UUID caseId = caseService.caseIds()
			.stream()
			.filter((id) -> caseService.caseWith(id).envelopes.containsKey(caseService.hotlineHandlerId.toString()))
			.findFirst()
			.orElseThrow();
		assertThat(caseService.caseWith(caseId).envelopes.keySet())
			.containsExactlyInAnyOrder(caseService.hotlineHandlerId.toString(), "reporter");
	}

	private UUID caseIdOfText(String text) throws Exception {
		for (UUID id : caseService.caseIds()) {
			InMemoryCaseService.StoredCase stored = caseService.caseWith(id);
			if (stored.envelopes.containsKey(caseService.adviserAId.toString())
					&& caseService.reportAsAdviser(stored).contains(text)) {
				return id;
			}
		}
		throw new AssertionError("No case with " + text);
	}

	@Test
	void formWhenAPhotoIsBrokenThenTheReportIsFiledAndThePageSaysTheFileWasNotSentAndHowToAddItLater()
			throws Exception {
		HeadlessChromium b = this.browser;
		String marker = "TRUNC" + UUID.randomUUID().toString().replace("-", "");
		byte[] photo = Files.readAllBytes(SamplePhotos.jpegWithExif(marker));
		Path truncated = Files.createTempDirectory("broken").resolve("truncated.jpg");
		Files.write(truncated, java.util.Arrays.copyOf(photo, photo.length / 3));
		int before = caseService.caseCount();
		b.open(url("/en/o/demo/report"));
		new Select(b.find("category")).selectByValue("racism");
		b.find("what").sendKeys(marker);
		b.find("files").sendKeys(truncated.toString());
		b.find("submit").click();
		b.waitVisible("files-not-sent");
		assertThat(caseService.caseCount()).as("the report itself is filed").isEqualTo(before + 1);
		assertThat(b.find("files-not-sent").getText()).contains("truncated.jpg")
			.contains("were not")
			.contains("add them later on the page of your personal link");
		assertThat(b.find("done").getText()).as("no upload still under way")
			.doesNotContain("uploading")
			.doesNotContain("Something went wrong");
		assertThat(b.find("progress-area").isDisplayed()).isFalse();
		b.screenshot("broken-photo-not-sent");
		accessible("broken photo not sent");
	}

	@Test
	void formWhenAccessCodeWrongThenToldAtTheFieldAndWhenRightThenFiled() {
		HeadlessChromium b = this.browser;
		int before = caseService.caseCount();
		b.open(url("/en/o/coded/report"));
		b.find("accessCode").sendKeys("guess");
		new Select(b.find("category")).selectByValue("racism");
		b.find("what").sendKeys("with a code");
		b.find("submit").click();
		b.waitVisible("accessCode-error");
		assertThat(b.find("accessCode-error").getText())
			.isEqualTo("The access code is not right. You find the code on your organisation's intranet.");
		assertThat(b.find("accessCode").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(caseService.caseCount()).isEqualTo(before);
		b.screenshot("access-code-wrong");
		accessible("access code wrong");
		b.find("accessCode").clear();
		b.find("accessCode").sendKeys("open-sesame");
		b.find("submit").click();
		b.waitVisible("done");
		assertThat(caseService.caseCount()).isEqualTo(before + 1);
	}

	@Test
	void rootWhenOpenedThenAccessibleInBothLanguagesAndLeadsToTheOrganisation() {
		HeadlessChromium b = this.browser;
		b.open(url("/en/"));
		assertThat(b.find("main").getText()).contains("Meldpunt is where employees report");
		b.screenshot("root-en");
		accessible("root page (English)");
		for (String language : List.of("tr", "ar", "pl")) {
			b.open(url("/" + language + "/"));
			assertThat(b.script("return document.documentElement.lang")).isEqualTo(language);
			b.screenshot("root-" + language);
			accessible("root page (" + language + ")");
		}
		assertThat(b.script("return document.documentElement.dir")).isEqualTo("ltr");
		b.open(url("/ar/"));
		assertThat(b.script("return document.documentElement.dir")).isEqualTo("rtl");
		b.open(url("/"));
		b.screenshot("root-nl");
		accessible("root page (Dutch)");
		b.find("organisation").sendKeys("Demo");
		b.find("organisation").submit();
		b.waitVisible("start");
		assertThat(b.driver().getCurrentUrl()).endsWith("/o/demo");
		assertThat(b.script("return document.querySelector('link[rel=icon]').href").toString())
			.endsWith("/meldpunt-base/v1/favicon.svg");
	}

	@Test
	void pagesWhenOrganisationUnknownOrClosedThenAccessibleExplanations() {
		HeadlessChromium b = this.browser;
		b.open(url("/o/nobody"));
		assertThat(b.find("problem").getText()).startsWith("Deze organisatie kennen wij niet");
		b.screenshot("unknown-organisation");
		accessible("unknown organisation");
		b.open(url("/en/o/closed"));
		assertThat(b.find("main").getText()).contains("does not accept reports yet");
		b.screenshot("closed-organisation");
		accessible("closed organisation");
		b.open(url("/o/coded/report"));
		b.screenshot("access-code-form");
		accessible("access code form");
	}

	@Test
	void followUpWhenTokenLinkOpenedThenTokenLeavesTheAddressAndAnotherTokenLinkShowsTheOtherCase() throws Exception {
		TestReports first = new TestReports(caseService);
		TestReports second = new TestReports(caseService);
		String firstText = "FIRST" + UUID.randomUUID();
		String secondText = "SECOND" + UUID.randomUUID();
		file(first, firstText);
		file(second, secondText);
		HeadlessChromium b = this.browser;

		b.open(url("/en/r/#" + first.token.printable()));
		b.waitText("conversation", firstText);
		assertThat(b.driver().getCurrentUrl()).isEqualTo(url("/en/r/"));

		// a second token link followed on the same page: only the fragment changes
		b.open(url("/en/r/#" + second.token.printable()));
		b.waitText("conversation", secondText);
		assertThat(b.find("conversation").getText()).doesNotContain(firstText);
		assertThat(b.driver().getCurrentUrl()).isEqualTo(url("/en/r/"));
		b.driver().navigate().back();
		assertThat(b.driver().getCurrentUrl()).isEqualTo(url("/en/r/"));

		Path document = Files.createTempDirectory("files").resolve("minutes.pdf");
		Files.writeString(document, "%PDF-1.4\n%Author: someone\n");
		b.find("files").sendKeys(document.toString());
		b.waitVisible("files-warning");
		assertThat(b.find("files-warning").getText()).contains("Inspect document").contains("minutes.pdf");
		b.screenshot("hidden-details-warning");
		accessible("hidden details warning");
	}

	private void file(TestReports reports, String text) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		assertThat(this.http
			.exchange("/api/o/demo/cases", HttpMethod.POST, new HttpEntity<>(reports.filing(text), headers),
					String.class)
			.getStatusCode()
			.value()).isEqualTo(201);
	}

	@Test
	void formWhenFileOverTheLimitThenRefusedBeforeEncryption() throws Exception {
		HeadlessChromium b = this.browser;
		Path large = Files.createTempFile("large", ".bin");
		try (var channel = java.nio.channels.FileChannel.open(large, java.nio.file.StandardOpenOption.WRITE)) {
			channel.write(java.nio.ByteBuffer.wrap(new byte[] { 1 }), 52_428_800L);
		}
		b.open(url("/en/o/demo/report"));
		new Select(b.find("category")).selectByValue("harassment");
		b.find("what").sendKeys("too large");
		b.find("files").sendKeys(large.toString());
		b.find("submit").click();
		b.waitVisible("files-error");
		assertThat(b.find("files-error").getText()).startsWith("This file is larger than the allowed 50 MiB");
		b.screenshot("file-too-large");
		accessible("file too large");
		Files.delete(large);
	}

	private static void awaitFile(Path file) throws InterruptedException {
		for (int i = 0; i < 100 && !Files.exists(file); i++) {
			Thread.sleep(100);
		}
		assertThat(file).exists();
	}

	private UUID caseIdOf(String marker) throws Exception {
		for (int i = 0; i < 100; i++) {
			for (UUID id : caseService.caseIds()) {
				InMemoryCaseService.StoredCase stored = caseService.caseWith(id);
				if (!stored.attachments.isEmpty() && caseService.reportAsAdviser(stored).contains(marker)) {
					return id;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No case with the marker");
	}

}

package nl.meldpunt.ops.e2e.workspace;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.imageio.ImageIO;

import nl.meldpunt.ops.MeldpuntSystem;
import nl.meldpunt.ops.TestSystem;
import nl.meldpunt.ops.e2e.reporter.ReporterBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case from the portal to its close, every person in their own headless Chromium: the
 * reporter files through the portal; the demo adviser signs in to the workspace (KDF
 * header, log-in secret, TOTP), decrypts and reads the report, acknowledges it and
 * replies, proposes a referral to the hotline and records minutes of a call; the reporter
 * reads the reply, agrees to the referral and approves the minutes on their own page and
 * asks for a meeting; the adviser sees the news marked in the inbox (and filtered), the
 * reporter's decisions in the case, and refers the case to the hotline now that the
 * reporter consented (sealing the case key to the hotline in the browser); the hotline
 * handler signs in, reads it, gives feedback and closes it with an outcome. The
 * reporter's photo is decrypted in the adviser's browser and offered as a download.
 * Screenshots of every step in target/screenshots/workspace/, axe-core on every page.
 */
class WorkspaceJourneyEndToEndTest {

	private static final String REPLY = "Dank voor uw melding. Wij nemen contact op via deze link.";

	private static final String PROPOSAL = "Het externe meldpunt kan dit onafhankelijk onderzoeken.";

	private static final String MINUTES = "Telefoongesprek: de melder lichtte de gebeurtenis van vorige week toe.";

	private static final String ADVICE = "Advies van de vertrouwenspersoon: bewaar alle berichten.";

	private static final String MEETING = "Graag een gesprek op dinsdagochtend.";

	@Test
	void caseWhenFiledReadRepliedReferredAndClosedThenEveryoneSeesItInTheirBrowser() throws Exception {
		MeldpuntSystem system = TestSystem.get();
		String marker = "E2E" + UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
		String link = file(system, marker);
		String workspace = system.caseServiceUrl() + "/workspace";

		try (WorkspaceBrowser adviser = new WorkspaceBrowser("adviser")) {
			adviser.open(workspace);
			adviser.waitVisible("login-form");
			adviser.screenshot("login");
			assertThat(adviser.accessibilityViolations()).isEmpty();
			adviser.type("email", "adviser1@demo.meldpunt.nl");
			adviser.type("passphrase", "not-the-passphrase");
			adviser.type("code", WorkspaceBrowser.code());
			adviser.click("login-submit");
			adviser.waitText("login-error", "Aanmelden is niet gelukt");
			adviser.screenshot("login-failed");
			assertThat(adviser.accessibilityViolations()).isEmpty();
			adviser.find("email").clear();
			adviser.find("passphrase").clear();
			adviser.find("code").clear();
			adviser.logIn("adviser1@demo.meldpunt.nl");
			adviser.waitVisible("inbox");
			adviser.screenshot("inbox");
			assertThat(adviser.accessibilityViolations()).isEmpty();
			// what the cases say is searched in this browser, after decrypting them
			adviser.type("content-q", marker.toLowerCase(Locale.ROOT));
			adviser.click("content-submit");
			adviser.waitText("content-status", "bevatten");
			List<String> found = adviser.all("#inbox tbody tr")
				.stream()
				.filter(WebElement::isDisplayed)
				.map((row) -> row.findElement(By.cssSelector("a[data-case]")).getAttribute("data-case"))
				.toList();
			adviser.screenshot("inbox-content-search");
			assertThat(adviser.accessibilityViolations()).isEmpty();
			assertThat(found).as("only the case whose report says the marker").hasSize(1);
			adviser.all("a[data-case='" + found.get(0) + "']").get(0).click();
			adviser.waitText("report", marker);
			assertThat(adviser.find("report").getText()).contains(marker);
			assertThat(adviser.find("attachments").getText()).contains("photo.jpg");
			adviser.all("#attachments button").get(0).click();
			adviser.waitCss("#attachments a.download[href^='blob:'][download='photo.jpg']");
			adviser.screenshot("case-decrypted");
			assertThat(adviser.accessibilityViolations()).isEmpty();
			adviser.click("event-ACKNOWLEDGE");
			adviser.waitText("case-state", "Ontvangst bevestigd");
			adviser.type("reply", REPLY);
			adviser.click("reply-submit");
			adviser.waitText("conversation", REPLY);
			adviser.screenshot("acknowledged-and-replied");
			assertThat(adviser.accessibilityViolations()).isEmpty();

			String caseId = adviser.currentPath().substring("/workspace/cases/".length());
			assertThat(adviser.find("consent-REFER_EXTERNAL").getText()).contains("niet ingestemd");
			adviser.choose("propose-event", "REFER_EXTERNAL");
			adviser.chooseFirst("propose-hotline");
			adviser.type("propose-reason", PROPOSAL);
			adviser.click("propose-submit");
			adviser.waitText("proposals", PROPOSAL);
			Path advice = Files.createTempDirectory("advice").resolve("advies.txt");
			Files.writeString(advice, ADVICE);
			adviser.type("adviser-files", advice.toString());
			adviser.click("upload-submit");
			adviser.waitText("attachments", "advies.txt");
			adviser.type("minutes", MINUTES);
			adviser.click("minutes-submit");
			adviser.waitText("proposals", MINUTES);
			assertThat(adviser.find("proposals").getText()).contains("Wacht op het besluit van de melder");
			adviser.screenshot("consent-asked-minutes-recorded");
			assertThat(adviser.accessibilityViolations()).isEmpty();

			try (ReporterBrowser reporter = new ReporterBrowser("workspace/reporter-reads-reply")) {
				reporter.open(link);
				reporter.waitVisible("case");
				reporter.waitText("conversation", REPLY);
				reporter.screenshot("reply-read");
				reporter.waitText("files-list", "advies.txt");
				reporter.all("#files-list button")
					.stream()
					.filter((button) -> button.getText().contains("advies.txt"))
					.findFirst()
					.orElseThrow()
					.click();
				Path downloaded = reporter.downloads().resolve("advies.txt");
				for (int i = 0; i < 100 && !Files.exists(downloaded); i++) {
					Thread.sleep(100);
				}
				assertThat(downloaded).as("the adviser's file, decrypted in the reporter's browser").hasContent(ADVICE);
				reporter.waitText("decisions", PROPOSAL);
				assertThat(reporter.find("decisions").getText()).contains(MINUTES);
				reporter.screenshot("consent-asked");
				assertThat(reporter.accessibilityViolations()).isEmpty();
				reporter.all("button[id^='decide-AGREED-']").get(0).click();
				reporter.waitText("decisions-status", "Uw besluit is verstuurd");
				reporter.all("button[id^='decide-APPROVED-']").get(0).click();
				reporter.waitText("decisions", "U keurde dit verslag goed");
				assertThat(reporter.find("decisions").getText()).contains("U stemde in op");
				assertThat(reporter.find("timeline").getText()).contains("U gaf toestemming",
						"U keurde het verslag goed");
				reporter.type("meeting", MEETING);
				reporter.submit("meeting-form");
				reporter.waitText("conversation", MEETING);
				reporter.screenshot("consent-given-minutes-approved");
				assertThat(reporter.accessibilityViolations()).isEmpty();

				reporter.open(link.replace("/r/#", "/ar/r/#"));
				reporter.waitText("decisions", "وافقت بتاريخ");
				assertThat(reporter.script("return document.documentElement.dir")).isEqualTo("rtl");
				assertThat(reporter.find("timeline").getText()).contains("أعطيت موافقتك");
				reporter.screenshot("token-page-ar");
				assertThat(reporter.accessibilityViolations()).isEmpty();
			}

			// a DBA rewrites the reporter's approval of the minutes: the adviser's
			// browser checks the plain decision against the sealed one and says so
			forgeMinutesDecision(system, caseId);

			// the adviser has not opened the case since the reporter acted: the inbox
			// shows news
			adviser.click("back");
			adviser.waitVisible("inbox");
			adviser.waitCss("[data-news='" + caseId + "']");
			adviser.click("filter-news");
			adviser.choose("filter-channel", "INTERNAL_ADVISER");
			adviser.click("filter-submit");
			adviser.waitCss("#inbox");
			assertThat(adviser.all("a[data-case]")).as("only cases with news")
				.allSatisfy(
						(a) -> assertThat(adviser.all("[data-news='" + a.getAttribute("data-case") + "']")).hasSize(1));
			assertThat(adviser.all("a[data-case='" + caseId + "']")).hasSize(1);
			adviser.screenshot("inbox-news");
			assertThat(adviser.accessibilityViolations()).isEmpty();
			adviser.all("a[data-case='" + caseId + "']").get(0).click();
			adviser.waitText("conversation", MEETING);
			assertThat(adviser.storedNames()).as("no key in browser storage, only the key-book heads it saw")
				.allMatch((name) -> name.startsWith("meldpunt.keybook."));
			adviser.reload();
			adviser.waitVisible("unlock-form");
			adviser.screenshot("unlock-after-reload");
			assertThat(adviser.accessibilityViolations()).isEmpty();
			adviser.type("unlock-passphrase", WorkspaceBrowser.PASSPHRASE);
			adviser.click("unlock-submit");
			adviser.waitText("conversation", MEETING);
			assertThat(adviser.find("proposals").getText())
				.contains("De melder stemde in op", "Het versleutelde besluit van de melder past niet bij dit stuk")
				.doesNotContain("De melder vroeg om correcties");
			assertThat(adviser.find("timeline").getText()).contains("De melder stemde in met de doorverwijzing");
			assertThat(adviser.find("consent-REFER_EXTERNAL").getText()).contains("stemde op");

			assertThat(adviser.find("duty-REFER_EXTERNAL").getTagName()).as("a legal duty is a code, not free text")
				.isEqualTo("select");
			assertThat(adviser.find("duty-REFER_EXTERNAL").getText()).contains("Acuut gevaar");
			adviser.chooseFirst("hotline");
			adviser.waitText("hotline-fingerprint", "Vingerafdruk van de sleutel");
			adviser.screenshot("referral-chosen");
			assertThat(adviser.accessibilityViolations()).isEmpty();
			adviser.click("event-REFER_EXTERNAL");
			adviser.waitText("case-state", "Doorverwezen naar extern meldpunt");
			adviser.screenshot("referred");

			// the session ends on the server: the workspace asks to sign in again, it
			// does not pretend the network failed
			adviser.driver().manage().deleteAllCookies();
			adviser.click("back");
			adviser.waitText("login-expired", "Meld u opnieuw aan");
			assertThat(adviser.find("who").isDisplayed()).as("no longer 'signed in as'").isFalse();
			assertThat(adviser.find("view").getText()).doesNotContain("niet bereikbaar");
			adviser.screenshot("session-expired");
			assertThat(adviser.accessibilityViolations()).isEmpty();
		}

		try (WorkspaceBrowser hotline = new WorkspaceBrowser("hotline")) {
			hotline.open(workspace + "?lang=en");
			hotline.waitVisible("login-form");
			hotline.screenshot("login-en");
			hotline.logIn("hotline@demo.meldpunt.nl");
			hotline.waitVisible("inbox");
			hotline.screenshot("inbox-en");
			assertThat(hotline.accessibilityViolations()).isEmpty();
			String caseId = openCaseWith(hotline, marker);
			assertThat(hotline.find("conversation").getText()).contains(REPLY);
			hotline.screenshot("case-en");
			hotline.click("event-GIVE_FEEDBACK");
			hotline.waitText("case-state", "Feedback given");
			hotline.click("event-CLOSE");
			hotline.waitText("steps-error", "Choose a kind, track and outcome to close the case.");
			assertThat(hotline.find("status").getText()).as("no stale success beside the error").isEmpty();
			assertThat(hotline.find("case-state").getText()).isEqualTo("Feedback given");
			hotline.screenshot("closing-refused");
			hotline.chooseFirst("close-category");
			hotline.choose("close-track", "EXTERNAL");
			hotline.choose("close-outcome", "REFERRED");
			hotline.screenshot("closing");
			assertThat(hotline.accessibilityViolations()).isEmpty();
			hotline.click("event-CLOSE");
			hotline.waitText("case-state", "Closed");
			assertThat(hotline.find("steps").getText()).contains("No further steps");
			assertThat(hotline.find("view").getText()).as("no literal null, no deadlines on a closed case")
				.doesNotContain("null")
				.doesNotContain("Acknowledge by")
				.doesNotContain("Feedback by");
			hotline.screenshot("closed");
			hotline.click("back");
			hotline.waitCss("#inbox, #inbox-empty");
			assertThat(hotline.all("a[data-case='" + caseId + "']")).as("a closed case leaves the inbox").isEmpty();
		}
	}

	/** What a DBA can do: change the reporter's decision on the minutes in plain SQL. */
	private static void forgeMinutesDecision(MeldpuntSystem system, String caseId) throws Exception {
		var database = system.database();
		try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
				PreparedStatement forge = connection.prepareStatement(
						"update case_proposal set decision = 'CORRECTIONS_REQUESTED' where case_id = ? and kind = 'MINUTES'")) {
			forge.setObject(1, UUID.fromString(caseId));
			assertThat(forge.executeUpdate()).isEqualTo(1);
		}
	}

	/**
	 * Files a report through the portal in the reporter's browser; returns the token
	 * link.
	 */
	static String file(MeldpuntSystem system, String marker) throws Exception {
		try (ReporterBrowser reporter = new ReporterBrowser("workspace/reporter-files")) {
			reporter.open(system.portalUrl() + "/o/demo");
			reporter.click("start");
			reporter.waitVisible("report-form");
			reporter.firstCategory();
			reporter.type("what", "Wat er gebeurde: " + marker);
			reporter.type("when", "vorige week");
			reporter.type("files", photo().toString());
			reporter.click("submit");
			reporter.waitVisible("done");
			String link = reporter.find("token-link").getAttribute("value");
			reporter.screenshot("filed");
			reporter.click("kept");
			reporter.click("finish");
			return link;
		}
	}

	static Path photo() throws Exception {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(0, 0, 64, 48);
		graphics.dispose();
		Path file = Files.createTempDirectory("photo").resolve("photo.jpg");
		ImageIO.write(image, "jpg", file.toFile());
		return file;
	}

	/** Opens the inbox's cases one by one (in the page, the key stays in memory). */
	static String openCaseWith(WorkspaceBrowser browser, String marker) throws Exception {
		List<String> cases = browser.all("a[data-case]").stream().map((a) -> a.getAttribute("data-case")).toList();
		assertThat(cases).isNotEmpty();
		for (String caseId : cases) {
			browser.all("a[data-case='" + caseId + "']").get(0).click();
			browser.waitVisible("report");
			browser.screenshot("case-" + caseId.substring(0, 8));
			String report = browser.find("report").getText();
			System.out.println("[workspace e2e] case " + caseId + " report: " + report);
			if (report.contains(marker)) {
				assertThat(browser.currentPath()).isEqualTo("/workspace/cases/" + caseId);
				return caseId;
			}
			browser.click("back");
			browser.waitVisible("inbox");
		}
		throw new AssertionError("No case in the inbox shows the marker");
	}

}

package nl.meldpunt.ops.e2e.workspace;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.imageio.ImageIO;

import nl.meldpunt.ops.MeldpuntSystem;
import nl.meldpunt.ops.TestSystem;
import nl.meldpunt.ops.e2e.reporter.ReporterBrowser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case from the portal to its close, every person in their own headless Chromium: the
 * reporter files through the portal; the demo adviser signs in to the workspace (KDF
 * header, log-in secret, TOTP), decrypts and reads the report, acknowledges it and
 * replies; the reporter reads the reply; the adviser refers the case to the hotline with
 * the reporter's consent (sealing the case key to the hotline in the browser); the
 * hotline handler signs in, reads it, gives feedback and closes it with an outcome. The
 * reporter's photo is decrypted in the adviser's browser and offered as a download.
 * Screenshots of every step in target/screenshots/workspace/, axe-core on every page.
 */
class WorkspaceJourneyEndToEndTest {

	private static final String REPLY = "Dank voor uw melding. Wij nemen contact op via deze link.";

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
			openCaseWith(adviser, marker);
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

			try (ReporterBrowser reporter = new ReporterBrowser("workspace/reporter-reads-reply")) {
				reporter.open(link);
				reporter.waitVisible("case");
				reporter.waitText("conversation", REPLY);
				reporter.screenshot("reply-read");
			}

			assertThat(adviser.storedEntries()).as("no key in browser storage").isZero();
			adviser.reload();
			adviser.waitVisible("unlock-form");
			adviser.screenshot("unlock-after-reload");
			assertThat(adviser.accessibilityViolations()).isEmpty();
			adviser.type("unlock-passphrase", WorkspaceBrowser.PASSPHRASE);
			adviser.click("unlock-submit");
			adviser.waitText("conversation", REPLY);

			adviser.click("consent-REFER_EXTERNAL");
			adviser.chooseFirst("hotline");
			adviser.waitText("hotline-fingerprint", "Vingerafdruk van de sleutel");
			adviser.screenshot("referral-chosen");
			adviser.click("event-REFER_EXTERNAL");
			adviser.waitText("case-state", "Doorverwezen naar extern meldpunt");
			adviser.screenshot("referred");
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
			hotline.chooseFirst("close-category");
			hotline.choose("close-track", "EXTERNAL");
			hotline.choose("close-outcome", "REFERRED");
			hotline.screenshot("closing");
			assertThat(hotline.accessibilityViolations()).isEmpty();
			hotline.click("event-CLOSE");
			hotline.waitText("case-state", "Closed");
			assertThat(hotline.find("steps").getText()).contains("No further steps");
			hotline.screenshot("closed");
			hotline.click("back");
			hotline.waitCss("#inbox, #inbox-empty");
			assertThat(hotline.all("a[data-case='" + caseId + "']")).as("a closed case leaves the inbox").isEmpty();
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

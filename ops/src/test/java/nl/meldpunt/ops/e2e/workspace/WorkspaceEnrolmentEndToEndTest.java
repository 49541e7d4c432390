package nl.meldpunt.ops.e2e.workspace;

import java.util.Locale;
import java.util.UUID;

import nl.meldpunt.ops.MeldpuntSystem;
import nl.meldpunt.ops.TestSystem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enrolment in the browser: the demo administrator invites an adviser through the admin
 * API; the adviser enrols on the workspace page (key made and wrapped in the browser),
 * reads the TOTP secret from the page, signs in with it and sees the inbox. The demo
 * director signs in on the same log-in page and lands on the statistics dashboard.
 * Screenshots in target/screenshots/workspace-enrol/, axe-core on every page.
 */
class WorkspaceEnrolmentEndToEndTest {

	private static final String PASSPHRASE = "een lange wachtzin voor de test";

	@Test
	void adviserWhenInvitedThenEnrolsInBrowserAndSignsInWithTheShownSecret() throws Exception {
		MeldpuntSystem system = TestSystem.get();
		String email = "e2e-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT)
				+ "@demo.meldpunt.nl";
		String code = new DemoAdmin(system.caseServiceUrl()).logIn().invite("ADVISER", "Eva Enrolment", email);

		try (WorkspaceBrowser adviser = new WorkspaceBrowser("adviser", "workspace-enrol")) {
			adviser.open(system.caseServiceUrl() + "/workspace/enrol");
			adviser.waitVisible("enrol-form");
			adviser.screenshot("enrol-form");
			assertThat(adviser.accessibilityViolations()).isEmpty();

			adviser.type("enrol-email", email);
			adviser.type("enrol-code", code);
			adviser.type("enrol-passphrase", "te kort");
			adviser.type("enrol-repeat", "te kort");
			adviser.click("enrol-submit");
			adviser.waitText("enrol-error", "minstens 12 tekens");
			adviser.screenshot("enrol-too-short");
			assertThat(adviser.accessibilityViolations()).isEmpty();

			adviser.find("enrol-passphrase").clear();
			adviser.find("enrol-repeat").clear();
			adviser.find("enrol-code").clear();
			adviser.type("enrol-code", "not-the-code");
			adviser.type("enrol-passphrase", PASSPHRASE);
			adviser.type("enrol-repeat", PASSPHRASE);
			adviser.click("enrol-submit");
			adviser.waitText("enrol-error", "inschrijfcode hoort niet bij dit e-mailadres");
			adviser.screenshot("enrol-wrong-code");

			adviser.find("enrol-code").clear();
			adviser.type("enrol-code", code);
			adviser.click("enrol-submit");
			adviser.waitVisible("totp-secret");
			String secret = adviser.find("totp-secret").getText();
			assertThat(secret).matches("[A-Z2-7]{16,}");
			assertThat(adviser.find("totp-uri").getText()).startsWith("otpauth://totp/").contains(secret);
			assertThat(adviser.find("key-fingerprint").getText()).matches("(?i)[0-9a-f]{4}( [0-9a-f]{4})+");
			assertThat(adviser.find("enrol-next").getText()).contains("authenticator-app");
			adviser.screenshot("enrolled");
			assertThat(adviser.accessibilityViolations()).isEmpty();

			adviser.click("enrol-signin");
			adviser.waitVisible("login-form");
			adviser.logIn(email, PASSPHRASE, secret);
			adviser.waitCss("#inbox, #inbox-empty");
			assertThat(adviser.currentPath()).isEqualTo("/workspace");
			adviser.screenshot("inbox");
			assertThat(adviser.accessibilityViolations()).isEmpty();
		}

		try (WorkspaceBrowser director = new WorkspaceBrowser("director", "workspace-enrol")) {
			director.open(system.caseServiceUrl() + "/workspace/login");
			director.waitVisible("login-form");
			director.logIn("director@demo.meldpunt.nl");
			director.waitCss("#title-method");
			assertThat(director.currentPath()).isEqualTo("/statistics");
			// the log-in page was Dutch: so is the dashboard, whatever the browser's own
			// language (headless Chromium asks for English)
			assertThat(director.script("return document.documentElement.lang")).isEqualTo("nl");
			director.screenshot("director-statistics");
			assertThat(director.accessibilityViolations()).isEmpty();

			// the workspace is not the director's: it sends them to their page, no raw
			// JSON
			director.open(system.caseServiceUrl() + "/workspace");
			director.waitCss("#title-method");
			assertThat(director.currentPath()).isEqualTo("/statistics");
			assertThat(director.find("sign-out").getText()).isEqualTo("Afmelden");

			// signing out: a plain form (the page has no script), then the log-in page;
			// the dashboard is gone with the session
			director.click("sign-out");
			director.waitVisible("login-form");
			assertThat(director.currentPath()).isEqualTo("/workspace/login");
			director.screenshot("director-signed-out");
			director.open(system.caseServiceUrl() + "/statistics");
			director.waitVisible("login-form");
			assertThat(director.currentPath()).isEqualTo("/workspace/login");
		}
	}

}

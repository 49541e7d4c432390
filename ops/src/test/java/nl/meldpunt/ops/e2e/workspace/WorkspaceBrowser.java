package nl.meldpunt.ops.e2e.workspace;

import java.time.Instant;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import org.openqa.selenium.support.ui.Select;

import nl.meldpunt.crypto.testing.HeadlessChromium;

/**
 * An adviser's (or hotline handler's) headless Chromium at desktop size: the shared
 * browser of every test, signing in to the workspace as a demo account; every step is
 * photographed into target/screenshots/workspace/ and axe-core runs injected from the
 * test classpath.
 */
final class WorkspaceBrowser extends HeadlessChromium {

	static final String PASSPHRASE = "meldpunt-demo-passphrase";

	static final String TOTP_SECRET = "MELDPUNTDEMOTOTPSECRETFORDEMOXYZ";

	WorkspaceBrowser(String name) {
		this(name, "workspace");
	}

	/** A browser photographing into {@code target/screenshots/<folder>/}. */
	WorkspaceBrowser(String name, String folder) {
		super(folder, name + "-", DESKTOP);
	}

	/** How many entries the page keeps in session and local storage. */
	long storedEntries() {
		return (Long) script("return sessionStorage.length + localStorage.length;");
	}

	/** Signs in through the log-in form, as a person types it. */
	void logIn(String email) throws Exception {
		waitVisible("email").clear();
		find("email").sendKeys(email);
		find("passphrase").sendKeys(PASSPHRASE);
		find("code").sendKeys(code());
		find("login-submit").click();
	}

	/**
	 * Signs in with a passphrase and the code an authenticator app shows for the secret.
	 */
	void logIn(String email, String passphrase, String totpSecret) throws Exception {
		waitVisible("email").clear();
		find("email").sendKeys(email);
		find("passphrase").sendKeys(passphrase);
		find("code").sendKeys(code(totpSecret));
		find("login-submit").click();
	}

	static String code() throws CodeGenerationException {
		return code(TOTP_SECRET);
	}

	static String code(String totpSecret) throws CodeGenerationException {
		return new DefaultCodeGenerator().generate(totpSecret, Instant.now().getEpochSecond() / 30);
	}

	String currentPath() {
		return java.net.URI.create(driver().getCurrentUrl()).getPath();
	}

	void choose(String id, String value) {
		new Select(find(id)).selectByValue(value);
	}

	void chooseFirst(String id) {
		new Select(find(id)).selectByIndex(1);
	}

}

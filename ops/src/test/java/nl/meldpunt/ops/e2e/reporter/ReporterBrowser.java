package nl.meldpunt.ops.e2e.reporter;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import nl.meldpunt.crypto.testing.HeadlessChromium;

/**
 * A reporter's headless Chromium for the end-to-end tests, at phone size: the shared
 * browser of every test (steps photographed into target/screenshots/, axe-core injected
 * from the test classpath) and the reporter's form filled the way a person fills it.
 */
public final class ReporterBrowser extends HeadlessChromium {

	public ReporterBrowser(String name) {
		super(name, "", PHONE);
	}

	/** Chooses the first category the organisation offers. */
	public void firstCategory() {
		new Select(find("category")).selectByIndex(1);
	}

	public void submit(String formId) {
		find(formId).findElement(By.cssSelector("button[type=submit]")).click();
	}

	public boolean hasCookies() {
		return !driver().manage().getCookies().isEmpty();
	}

}

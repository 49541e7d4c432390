package nl.meldpunt.ops.e2e.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An adviser's (or hotline handler's) headless Chromium at desktop size: signs in to the
 * workspace as a demo account, photographs every step into target/screenshots/workspace/,
 * runs axe-core injected from the test classpath.
 */
final class WorkspaceBrowser implements AutoCloseable {

	static final String PASSPHRASE = "meldpunt-demo-passphrase";

	static final String TOTP_SECRET = "MELDPUNTDEMOTOTPSECRETFORDEMOXYZ";

	private final ChromeDriver driver;

	private final Path screenshots;

	private final String name;

	private static int step;

	WorkspaceBrowser(String name) throws IOException {
		this(name, "workspace");
	}

	/** A browser photographing into {@code target/screenshots/<folder>/}. */
	WorkspaceBrowser(String name, String folder) throws IOException {
		this.name = name;
		Path userData = Files.createTempDirectory("meldpunt-e2e-chromium");
		this.screenshots = Files.createDirectories(Path.of("target", "screenshots", folder));
		String chromedriver = System.getProperty("meldpunt.chromedriver", "/usr/bin/chromedriver");
		System.setProperty("webdriver.chrome.driver", chromedriver);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("meldpunt.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
				"--window-size=1280,1000", "--user-data-dir=" + userData);
		this.driver = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(Path.of(chromedriver).toFile())
					.usingAnyFreePort()
					.build(),
				options);
		this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
	}

	/** Opens a workspace page; without a session it lands on the log-in form. */
	void open(String url) {
		this.driver.get(url);
	}

	void reload() {
		this.driver.navigate().refresh();
	}

	/** How many entries the page keeps in session and local storage. */
	long storedEntries() {
		return (Long) this.driver.executeScript("return sessionStorage.length + localStorage.length;");
	}

	/** Signs in through the log-in form, as a person types it. */
	void logIn(String email) throws Exception {
		find("email").sendKeys(email);
		find("passphrase").sendKeys(PASSPHRASE);
		find("code").sendKeys(code());
		find("login-submit").click();
	}

	/**
	 * Signs in with a passphrase and the code an authenticator app shows for the secret.
	 */
	void logIn(String email, String passphrase, String totpSecret) throws Exception {
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

	WebElement find(String id) {
		return this.driver.findElement(By.id(id));
	}

	List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	String currentPath() {
		return java.net.URI.create(this.driver.getCurrentUrl()).getPath();
	}

	WebElement waitVisible(String id) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(90))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
	}

	void waitText(String id, String text) {
		new WebDriverWait(this.driver, Duration.ofSeconds(90))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
	}

	void waitCss(String css) {
		new WebDriverWait(this.driver, Duration.ofSeconds(90))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	void click(String id) {
		find(id).click();
	}

	void type(String id, String text) {
		find(id).sendKeys(text);
	}

	void choose(String id, String value) {
		new Select(find(id)).selectByValue(value);
	}

	void chooseFirst(String id) {
		new Select(find(id)).selectByIndex(1);
	}

	void screenshot(String step) throws IOException {
		WorkspaceBrowser.step++;
		Files.write(this.screenshots.resolve(String.format("%02d-%s-%s.png", WorkspaceBrowser.step, this.name, step)),
				((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
	}

	/** WCAG 2.0/2.1 A and AA violations axe-core finds on the current page. */
	List<String> accessibilityViolations() {
		return nl.meldpunt.ops.e2e.Axe.violations(this.driver);
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}

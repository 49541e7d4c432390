package nl.meldpunt.ops.e2e.reporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
 * A reporter's headless Chromium for the end-to-end tests: steps photographed into
 * target/screenshots/, axe-core injected from the test classpath (never served by the
 * application), and the reporter's form filled the way a person fills it.
 */
public final class ReporterBrowser implements AutoCloseable {

	private final ChromeDriver driver;

	private final Path screenshots;

	private int step;

	public ReporterBrowser(String name) throws IOException {
		Path userData = Files.createTempDirectory("meldpunt-e2e-chromium");
		this.screenshots = Files.createDirectories(Path.of("target", "screenshots", name));
		String chromedriver = System.getProperty("meldpunt.chromedriver", "/usr/bin/chromedriver");
		System.setProperty("webdriver.chrome.driver", chromedriver);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("meldpunt.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
				"--window-size=412,915", "--user-data-dir=" + userData);
		this.driver = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(Path.of(chromedriver).toFile())
					.usingAnyFreePort()
					.build(),
				options);
		this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
	}

	public void open(String url) {
		this.driver.get(url);
	}

	public WebElement find(String id) {
		return this.driver.findElement(By.id(id));
	}

	public WebElement waitVisible(String id) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(90))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
	}

	public void waitText(String id, String text) {
		new WebDriverWait(this.driver, Duration.ofSeconds(90))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
	}

	public void click(String id) {
		find(id).click();
	}

	public void type(String id, String text) {
		find(id).sendKeys(text);
	}

	/** Chooses the first category the organisation offers. */
	public void firstCategory() {
		new Select(find("category")).selectByIndex(1);
	}

	public void submit(String formId) {
		find(formId).findElement(By.cssSelector("button[type=submit]")).click();
	}

	public boolean hasCookies() {
		return !this.driver.manage().getCookies().isEmpty();
	}

	public void screenshot(String name) throws IOException {
		this.step++;
		Files.write(this.screenshots.resolve(String.format("%02d-%s.png", this.step, name)),
				((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
	}

	/** WCAG 2.0/2.1 A and AA violations axe-core finds on the current page. */
	public List<String> accessibilityViolations() {
		return nl.meldpunt.ops.e2e.Axe.violations(this.driver);
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}

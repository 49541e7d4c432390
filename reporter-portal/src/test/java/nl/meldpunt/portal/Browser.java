package nl.meldpunt.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the portal's browser tests: screenshots of every step, axe-core
 * (injected from the test classpath, never served by the application) and the page weight
 * from the browser's own resource timing.
 */
public final class Browser implements AutoCloseable {

	private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	private final ChromeDriver driver;

	private final Path userData;

	private final Path screenshots;

	private int step;

	public Browser(String name) {
		try {
			this.userData = Files.createTempDirectory("meldpunt-chromium");
			this.screenshots = Files.createDirectories(Path.of("target", "screenshots", name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String chromedriver = System.getProperty("meldpunt.chromedriver", "/usr/bin/chromedriver");
		System.setProperty("webdriver.chrome.driver", chromedriver);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("meldpunt.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
				"--window-size=412,915", "--user-data-dir=" + this.userData);
		options.setExperimentalOption("prefs", Map.of("download.default_directory",
				this.userData.resolve("downloads").toString(), "download.prompt_for_download", false));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(chromedriver).toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
	}

	public WebDriver driver() {
		return this.driver;
	}

	public Path downloads() {
		return this.userData.resolve("downloads");
	}

	public void open(String url) {
		this.driver.get(url);
	}

	public WebElement find(String id) {
		return this.driver.findElement(By.id(id));
	}

	public WebElement waitVisible(String id) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(60))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
	}

	public void waitText(String id, String text) {
		new WebDriverWait(this.driver, Duration.ofSeconds(60))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** Saves a full-page screenshot as target/screenshots/<test>/<nn>-<name>.png. */
	public void screenshot(String name) {
		this.step++;
		byte[] png = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES);
		try {
			Files.write(this.screenshots.resolve(String.format("%02d-%s.png", this.step, name)), png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * WCAG 2.0/2.1 A and AA violations axe-core finds on the current page, as readable
	 * lines.
	 */
	@SuppressWarnings("unchecked")
	public List<String> accessibilityViolations() {
		script(axeSource());
		List<Map<String, Object>> violations = (List<Map<String, Object>>) ((JavascriptExecutor) this.driver)
			.executeAsyncScript(
					"""
							const done = arguments[arguments.length - 1];
							axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
								.then((result) => done(result.violations.map((v) => ({ id: v.id,
									nodes: v.nodes.map((n) => n.target.join(' ') + ': ' + n.failureSummary).join(' | ') }))));
							""");
		return violations.stream().map((v) -> v.get("id") + " -> " + v.get("nodes")).toList();
	}

	/**
	 * Bytes on the wire of the current page and everything it loaded (navigation and
	 * resource timing {@code transferSize}), and the origins it loaded from.
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> pageWeight() {
		return (Map<String, Object>) script(
				"""
						const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
						return { bytes: entries.reduce((sum, e) => sum + e.transferSize, 0),
							encoded: entries.reduce((sum, e) => sum + e.encodedBodySize, 0),
							origins: [...new Set(entries.map((e) => new URL(e.name).origin))],
							files: entries.map((e) => e.name + ' ' + e.transferSize) };
						""");
	}

	private static String axeSource() {
		try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}

package nl.meldpunt.crypto.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The one headless Chromium of every browser test (crypto's cross tests, the portal's
 * journeys, the whole-system end-to-end tests): Debian's {@code chromium} and
 * {@code chromium-driver} (paths from {@code meldpunt.chromium} and
 * {@code meldpunt.chromedriver}), a fresh profile, steps photographed into
 * {@code target/screenshots/<folder>/}, axe-core injected from the test classpath (never
 * served by an application) and the page weight from the browser's own resource timing.
 * Shipped in the crypto module's test-jar; the end-to-end browsers extend it with what a
 * reporter or an adviser does.
 */
public class HeadlessChromium implements AutoCloseable {

	/** Debian's Chromium, or where {@code meldpunt.chromium} says. */
	public static final Path CHROMIUM = Path.of(System.getProperty("meldpunt.chromium", "/usr/bin/chromium"));

	/** A phone: the reporter's pages are designed mobile first. */
	public static final String PHONE = "412,915";

	/** A desktop: the advisers' workspace. */
	public static final String DESKTOP = "1280,1000";

	private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	private static final Duration WAIT = Duration.ofSeconds(90);

	/** Screenshots of one folder are numbered in the order they were taken. */
	private static final Map<Path, AtomicInteger> STEPS = new ConcurrentHashMap<>();

	private final ChromeDriver driver;

	private final Path userData;

	private final Path screenshots;

	private final String label;

	/**
	 * A browser of {@code windowSize} (e.g. {@link #PHONE}) photographing into
	 * {@code target/screenshots/<folder>/}, its file names starting with {@code label}.
	 */
	public HeadlessChromium(String folder, String label, String windowSize) {
		try {
			this.userData = Files.createTempDirectory("meldpunt-chromium");
			this.screenshots = Files.createDirectories(Path.of("target", "screenshots", folder));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.label = label;
		String chromedriver = System.getProperty("meldpunt.chromedriver", "/usr/bin/chromedriver");
		System.setProperty("webdriver.chrome.driver", chromedriver);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toString());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
				"--window-size=" + windowSize, "--user-data-dir=" + this.userData);
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		options.setExperimentalOption("prefs", Map.of("download.default_directory",
				this.userData.resolve("downloads").toString(), "download.prompt_for_download", false));
		this.driver = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(Path.of(chromedriver).toFile())
					.usingAnyFreePort()
					.build(),
				options);
		this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
	}

	/** Whether Chromium is installed where the tests look for it. */
	public static boolean available() {
		return Files.isExecutable(CHROMIUM);
	}

	public WebDriver driver() {
		return this.driver;
	}

	/** Where downloads land. */
	public Path downloads() {
		return this.userData.resolve("downloads");
	}

	public void open(String url) {
		this.driver.get(url);
	}

	public void reload() {
		this.driver.navigate().refresh();
	}

	public WebElement find(String id) {
		return this.driver.findElement(By.id(id));
	}

	public List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	public void click(String id) {
		find(id).click();
	}

	public void type(String id, String text) {
		find(id).sendKeys(text);
	}

	public WebElement waitVisible(String id) {
		return until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
	}

	public void waitText(String id, String text) {
		until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
	}

	public void waitCss(String css) {
		until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	/**
	 * Waits for {@code condition}; when it never comes, photographs the page and fails
	 * with what the page said and what the browser's console logged, so that a failed
	 * journey explains itself.
	 */
	private <T> T until(ExpectedCondition<T> condition) {
		try {
			return new WebDriverWait(this.driver, WAIT).until(condition);
		}
		catch (TimeoutException ex) {
			screenshot("timed-out");
			String page;
			try {
				page = this.driver.findElement(By.tagName("body")).getText();
			}
			catch (RuntimeException unreadable) {
				page = "(unreadable: " + unreadable.getMessage() + ")";
			}
			String console = this.driver.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.map(LogEntry::toString)
				.collect(Collectors.joining("\n"));
			throw new TimeoutException(ex.getMessage() + "\n--- page ---\n"
					+ page.substring(0, Math.min(page.length(), 2000)) + "\n--- console ---\n" + console, ex);
		}
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** Saves the page as {@code target/screenshots/<folder>/<nn>-<label><name>.png}. */
	public void screenshot(String name) {
		int step = STEPS.computeIfAbsent(this.screenshots.toAbsolutePath(), (folder) -> new AtomicInteger())
			.incrementAndGet();
		byte[] png = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES);
		try {
			Files.write(this.screenshots.resolve(String.format("%02d-%s%s.png", step, this.label, name)), png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** WCAG 2.0/2.1 A and AA violations axe-core finds on the current page, as lines. */
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
		try (InputStream in = HeadlessChromium.class.getClassLoader().getResourceAsStream(AXE)) {
			if (in == null) {
				throw new IllegalStateException("axe-core is not on the test classpath: " + AXE);
			}
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

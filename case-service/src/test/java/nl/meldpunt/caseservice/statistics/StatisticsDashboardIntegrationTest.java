package nl.meldpunt.caseservice.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.sun.net.httpserver.HttpServer;
import nl.meldpunt.caseservice.accounts.Role;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsDashboardIntegrationTest {

	static final String ORGANISATION = "da5b0000-0000-4000-8000-000000000001";

	static final String NEW_ORGANISATION = "da5b0000-0000-4000-8000-000000000002";

	static final Pattern ANY_UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	List<UUID> caseIds = new ArrayList<>();

	@BeforeAll
	void seed() {
		CaseFileEvents events = new CaseFileEvents(this.publisher, this.transactions);
		LocalDate today = LocalDate.now();
		UUID organisation = UUID.fromString(ORGANISATION);
		this.caseIds.addAll(events.seedYear(organisation, today.getYear(), 90, 11, today));
		this.caseIds.addAll(events.seedYear(organisation, today.getYear() - 1, 75, 12, today));
		// one case deleted by retention: its figures stay, its identifier goes
		events.delete(organisation, this.caseIds.get(this.caseIds.size() - 1));
	}

	@Test
	@WithDirector(organisation = ORGANISATION)
	void dashboardWhenDirectorThenChartsWithDataTablesUnderStrictCspAndNoScript() throws Exception {
		MvcResult result = this.mvc.perform(get("/statistics").param("lang", "nl"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", StatisticsController.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn();
		String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("<html lang=\"nl\"", "Meldingen per categorie", "Racisme of etniciteit", "&lt; 5",
				"role=\"img\"", "<caption>", "Werkwijze", "/statistics/report.pdf?year=");
		assertThat(html).doesNotContain("<script", " style=\"", "http://", "https://");
		assertThat(count(html, "<svg class=\"chart\""))
			.isEqualTo(count(html, "<table class=\"data\">") - count(html, "<details>"));
		assertNoCaseIdentifier(html);
	}

	@Test
	@WithDirector(organisation = ORGANISATION)
	void dashboardWhenEnglishThenEnglishTexts() throws Exception {
		String html = this.mvc.perform(get("/statistics").param("lang", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("<html lang=\"en\"", "Reports by category", "Racism or ethnicity", "Method",
				"Open cases by age");
	}

	@Test
	@WithDirector(organisation = ORGANISATION)
	void dashboardWhenUnknownLanguageThenProblem() throws Exception {
		this.mvc.perform(get("/statistics").param("lang", "fr"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://meldpunt.nl/problems/unsupported-language"));
	}

	@Test
	@WithDirector(organisation = ORGANISATION, role = Role.ADVISER)
	// the security chain refuses before the controller; StatisticsReports refuses too
	// (own test)
	void dashboardAndReportsWhenAdviserThenForbidden() throws Exception {
		for (String path : List.of("/statistics", "/statistics/report.pdf", "/statistics/report.csv")) {
			this.mvc.perform(get(path))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value("https://meldpunt.nl/problems/forbidden"));
		}
	}

	@Test
	@WithDirector(organisation = NEW_ORGANISATION)
	void dashboardWhenOrganisationNeverHadACaseThenClearEmptyState() throws Exception {
		String html = this.mvc.perform(get("/statistics").param("lang", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("There are no reports for");
	}

	@Test
	@WithDirector(organisation = ORGANISATION)
	void csvWhenDownloadedThenSameProtectedFiguresAndMethodInBothLanguages() throws Exception {
		String nl = this.mvc.perform(get("/statistics/report.csv").param("lang", "nl"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"verantwoording-meldingen-" + LocalDate.now().getYear() + "-nl.csv\""))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(nl).contains("category,Racisme of etniciteit,", "< 5", "Minimale celgrootte", "Werkwijze");
		assertNoCaseIdentifier(nl);
		String en = this.mvc.perform(get("/statistics/report.csv").param("lang", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(en).contains("Minimum cell size", "Complementary suppression", "Fixed periods only");
	}

	@Test
	@WithDirector(organisation = ORGANISATION)
	void pdfWhenDownloadedThenReportWithMethodAndNoCaseIdentifier() throws Exception {
		for (String lang : List.of("nl", "en")) {
			byte[] pdf = this.mvc.perform(get("/statistics/report.pdf").param("lang", lang))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "application/pdf"))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			String text = text(pdf);
			assertThat(text).contains("< 5", "nl".equals(lang) ? "Werkwijze" : "Method",
					"nl".equals(lang) ? "Racisme of etniciteit" : "Racism or ethnicity");
			assertNoCaseIdentifier(text);
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve("report-" + lang + ".pdf"), pdf);
		}
	}

	@Test
	@WithDirector(organisation = ORGANISATION)
	void screenshotsWhenRenderedInChromiumAndPopplerThenPngPagesSaved() throws Exception {
		Path chromium = Path.of(System.getProperty("meldpunt.chromium", "/usr/bin/chromium"));
		Assumptions.assumeTrue(Files.isExecutable(chromium), "Chromium not installed at " + chromium);
		Files.createDirectories(SCREENSHOTS);
		for (String lang : List.of("nl", "en")) {
			String html = this.mvc.perform(get("/statistics").param("lang", lang))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			Path png = SCREENSHOTS.resolve("dashboard-" + lang + ".png");
			Files.deleteIfExists(png);
			screenshot(chromium, html, png);
			assertThat(png).exists();
			assertThat(Files.size(png)).isGreaterThan(20_000);
		}
		Path pdftoppm = Path.of("/usr/bin/pdftoppm");
		Assumptions.assumeTrue(Files.isExecutable(pdftoppm),
				"pdftoppm (poppler-utils) not installed: PDF pages not rendered as PNG");
		byte[] pdf = this.mvc.perform(get("/statistics/report.pdf").param("lang", "nl"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Path file = SCREENSHOTS.resolve("report-nl.pdf");
		Files.write(file, pdf);
		run(List.of(pdftoppm.toString(), "-png", "-r", "80", file.toString(),
				SCREENSHOTS.resolve("report-nl-page").toString()));
		assertThat(SCREENSHOTS.resolve("report-nl-page-1.png")).exists();
	}

	/**
	 * Serves the rendered page and its stylesheet from 127.0.0.1, as the server would.
	 */
	private static void screenshot(Path chromium, String html, Path png) throws Exception {
		byte[] css;
		try (InputStream in = StatisticsDashboardIntegrationTest.class
			.getResourceAsStream("/static/statistics/statistics.css")) {
			css = in.readAllBytes();
		}
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			boolean stylesheet = exchange.getRequestURI().getPath().endsWith(".css");
			byte[] body = stylesheet ? css : html.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", stylesheet ? "text/css" : "text/html;charset=UTF-8");
			exchange.getResponseHeaders().add("Content-Security-Policy", StatisticsController.CONTENT_SECURITY_POLICY);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		Path profile = Files.createTempDirectory("chromium-profile");
		try {
			run(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
					"--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=1280,5200",
					"--screenshot=" + png.toAbsolutePath(),
					"http://127.0.0.1:" + server.getAddress().getPort() + "/statistics"));
		}
		finally {
			server.stop(0);
		}
	}

	private static void run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!process.waitFor(90, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("Timed out: " + command.get(0));
		}
	}

	private void assertNoCaseIdentifier(String output) {
		assertThat(ANY_UUID.matcher(output).find()).as("no identifier of any kind").isFalse();
		for (UUID caseId : this.caseIds) {
			assertThat(output).doesNotContain(caseId.toString());
		}
	}

	private static String text(byte[] pdf) throws IOException {
		PdfReader reader = new PdfReader(pdf);
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		return text.toString();
	}

	private static int count(String text, String fragment) {
		return text.split(Pattern.quote(fragment), -1).length - 1;
	}

}

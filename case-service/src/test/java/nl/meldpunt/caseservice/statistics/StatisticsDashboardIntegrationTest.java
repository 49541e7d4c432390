package nl.meldpunt.caseservice.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.sun.net.httpserver.HttpServer;
import nl.meldpunt.caseservice.accounts.Role;
import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.Classification;
import nl.meldpunt.caseservice.casefile.Outcome;
import nl.meldpunt.caseservice.casefile.Track;
import nl.meldpunt.crypto.testing.HeadlessChromium;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a director sees, in every output: the k the administrator set, the method, the
 * figures of a small organisation in a real headless Chromium with axe-core.
 */
class StatisticsDashboardIntegrationTest extends StatisticsWiring {

	static final Pattern ANY_UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	static final Path SCREENSHOTS = Path.of("target", "screenshots", "statistics");

	@Test
	void minCellSizeWhenTheAdministratorSetsTenThenJsonDashboardCsvPdfAndMethodAllSayTen() throws Exception {
		UUID organisation = CaseFileEvents.organisation(this.setup, this.units);
		int lastYear = LocalDate.now().getYear() - 1;
		new CaseFileEvents(this.publisher, this.transactions).seedYear(organisation, lastYear, 120, 91,
				LocalDate.now());
		RequestPostProcessor admin = as(organisation, Role.ADMIN);
		this.mvc
			.perform(put("/api/admin/organisation/settings").with(admin)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"retentionMonths\": 24, \"minCellSize\": 10, \"maxAttachmentBytes\": 52428800}"))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/admin/statistics/settings").with(admin))
			.andExpect(jsonPath("$.minCellSize").value(10))
			.andExpect(jsonPath("$.protectionUpTo").value(9));
		this.mvc
			.perform(put("/api/admin/statistics/settings").with(admin)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"settlingDays\": 3}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://meldpunt.nl/problems/invalid-request"));
		this.mvc.perform(post("/api/admin/statistics/publications").with(as(organisation, Role.DIRECTOR)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/admin/statistics/publications").with(admin).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.period == '" + lastYear + "')]").exists());
		RequestPostProcessor director = as(organisation, Role.DIRECTOR);
		String period = Integer.toString(lastYear);
		String json = this.mvc.perform(get("/api/statistics").param("period", period).with(director))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.minCellSize").value(10))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(json).contains("\"display\":\"< 10\"")
			.doesNotContain("< 5")
			.doesNotContainPattern("\"count\":[1-9][,}]");
		assertThat(ANY_UUID.matcher(json).find()).as("no identifier of any kind").isFalse();
		String html = this.mvc.perform(get("/statistics").param("period", period).param("lang", "en").with(director))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", StatisticsController.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("&lt; 10", "counts below 10 are shown as", "every count below 10 is shown as",
				"between 1 and 9 can still be anything from 0 up to 9", "role=\"img\"", "<caption>");
		assertThat(html).doesNotContain("<script", " style=\"", "http://", "https://", "&lt; 5");
		// the sign-out form carries the session's CSRF token, which is no identifier of
		// data
		assertThat(html).containsPattern("<form class=\"sign-out\" method=\"post\" action=\"/logout\\?lang=en\">");
		assertThat(ANY_UUID.matcher(html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")).find()).isFalse();
		String csv = this.mvc
			.perform(get("/statistics/report.csv").param("period", period).param("lang", "nl").with(director))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"verantwoording-meldingen-" + period + "-v1-nl.csv\""))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("< 10", "elk aantal onder 10 staat er als", "Werkwijze", "ESRS S1-17")
			.doesNotContain("< 5");
		for (String lang : List.of("nl", "en")) {
			byte[] pdf = this.mvc
				.perform(get("/statistics/report.pdf").param("period", period).param("lang", lang).with(director))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "application/pdf"))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			String text = text(pdf);
			assertThat(text).contains("< 10", "nl".equals(lang) ? "onder 10" : "below 10",
					"nl".equals(lang) ? "Werkwijze" : "Method", "ESRS S1-17");
			assertThat(ANY_UUID.matcher(text).find()).isFalse();
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve("report-k10-" + lang + ".pdf"), pdf);
		}
	}

	@Test
	void dashboardWhenThreeReportsAYearThenItStepsUpAndChromiumShowsATrueFigureWithoutAxeViolations() throws Exception {
		UUID organisation = CaseFileEvents.organisation(this.setup, this.units);
		CaseFileEvents events = new CaseFileEvents(this.publisher, this.transactions);
		String[] categories = { "racism", "religion", "bullying", "age", "racism", "gender", "aggression", "racism",
				"disability" };
		int n = 0;
		for (int year = 2024; year <= 2026; year++) {
			for (int month : new int[] { 2, 6, 10 }) {
				LocalDate filed = LocalDate.of(year, month, 9);
				Channel channel = (n == 4) ? Channel.EXTERNAL_HOTLINE : Channel.INTERNAL_ADVISER;
				UUID caseId = events.file(organisation, filed, channel);
				events.acknowledge(organisation, caseId, filed.plusDays(3));
				events.feedback(organisation, caseId, filed.plusDays(40));
				events.close(organisation, caseId, filed.plusDays(50), new Classification(categories[n], null, channel,
						(channel == Channel.EXTERNAL_HOTLINE) ? Track.EXTERNAL : Track.INFORMAL, Outcome.ADVICE_GIVEN));
				n++;
			}
		}
		List<StatisticsRelease> published = this.statistics.publishDue(organisation, LocalDate.of(2027, 1, 20));
		StatisticsRelease newest = published.get(published.size() - 1);
		assertThat(newest.period().key()).isEqualTo("2024-2026");
		assertThat(newest.granularity()).isEqualTo(Granularity.ROLLING_GROUPED);
		assertThat(newest.steppedUp()).isTrue();
		PublishedTable received = newest.table(Dimension.RECEIVED_CHANNEL.tableName());
		assertThat(received.totalsColumn().get(received.rowKeys().size() - 1).count()).as("a true, published figure")
			.isEqualTo(9L);
		Assumptions.assumeTrue(HeadlessChromium.available(), "chromium not installed");
		Files.createDirectories(SCREENSHOTS);
		for (String lang : List.of("en", "nl")) {
			String html = this.mvc.perform(get("/statistics").param("lang", lang).with(as(organisation, Role.DIRECTOR)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			try (Browser browser = new Browser(html, "small-organisation-" + lang)) {
				String text = browser.text();
				assertThat(text).contains(
						"en".equals(lang) ? "9 reports received over 2024–2026" : "9 meldingen ontvangen in 2024–2026");
				assertThat(text).contains("en".equals(lang) ? "three years together" : "drie jaar samen");
				assertThat(browser.axeViolations()).isEmpty();
				assertThat(browser.computed("html", "font-family")).as("the shared base stylesheet applies")
					.startsWith("system-ui");
				assertThat(browser.computed("table.data thead th", "background-color")).as("statistics.css on top")
					.isEqualTo("rgb(238, 243, 248)");
				browser.screenshot();
			}
		}
		byte[] pdf = this.mvc
			.perform(get("/statistics/report.pdf").param("lang", "nl").with(as(organisation, Role.DIRECTOR)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Path file = SCREENSHOTS.resolve("small-organisation-nl.pdf");
		Files.write(file, pdf);
		Path pdftoppm = Path.of("/usr/bin/pdftoppm");
		if (Files.isExecutable(pdftoppm)) {
			Process process = new ProcessBuilder(pdftoppm.toString(), "-png", "-r", "80", file.toString(),
					SCREENSHOTS.resolve("small-organisation-nl-page").toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
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

	/**
	 * The shared headless Chromium on the rendered page, served with its stylesheet and
	 * CSP from 127.0.0.1 as the case service would; axe-core is injected from the test
	 * classpath (the application never serves it).
	 */
	static final class Browser implements AutoCloseable {

		private final HttpServer server;

		private final HeadlessChromium chromium;

		Browser(String html, String label) throws IOException {
			Map<String, byte[]> stylesheets = Map.of("/meldpunt-base/v1/base.css",
					resource("/META-INF/resources/meldpunt-base/v1/base.css"), "/statistics/statistics.css",
					resource("/static/statistics/statistics.css"));
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.createContext("/", (exchange) -> {
				byte[] css = stylesheets.get(exchange.getRequestURI().getPath());
				byte[] body = (css != null) ? css : html.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders()
					.add("Content-Type", (css != null) ? "text/css" : "text/html;charset=UTF-8");
				exchange.getResponseHeaders()
					.add("Content-Security-Policy", StatisticsController.CONTENT_SECURITY_POLICY);
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			this.server.start();
			this.chromium = new HeadlessChromium("statistics", label, HeadlessChromium.DESKTOP);
			this.chromium.open("http://127.0.0.1:" + this.server.getAddress().getPort() + "/statistics");
		}

		private static byte[] resource(String path) throws IOException {
			try (InputStream in = Browser.class.getResourceAsStream(path)) {
				return in.readAllBytes();
			}
		}

		String text() {
			return (String) this.chromium.script("return document.body.innerText;");
		}

		/**
		 * The computed value of a CSS property on the first element the selector finds.
		 */
		String computed(String selector, String property) {
			return (String) this.chromium.script(
					"return getComputedStyle(document.querySelector(arguments[0])).getPropertyValue(arguments[1]);",
					selector, property);
		}

		List<String> axeViolations() {
			return this.chromium.accessibilityViolations();
		}

		/** The whole page, as tall as it is. */
		void screenshot() {
			long height = (Long) this.chromium.script("return document.documentElement.scrollHeight;");
			this.chromium.driver()
				.manage()
				.window()
				.setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(height, 12000)));
			this.chromium.screenshot("");
		}

		@Override
		public void close() {
			this.chromium.close();
			this.server.stop(0);
		}

	}

}

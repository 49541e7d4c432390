package nl.meldpunt.ops.e2e.reporter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

import nl.meldpunt.ops.MeldpuntSystem;
import nl.meldpunt.ops.TestSystem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CRYPTO.md property 1 through the whole system: a named report whose text, name,
 * attachment content and attachment file name carry a unique marker is filed in a real
 * browser; afterwards the marker is in no table row, no log file and no heap of either
 * application.
 */
class ZeroKnowledgeEndToEndTest {

	@Test
	void reportWhenFiledThroughTheBrowserThenItsWordsAreNowhereOnTheServerSide() throws Exception {
		MeldpuntSystem system = TestSystem.get();
		String marker = "ZKMARK" + UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
		Path folder = Files.createTempDirectory("zk");
		Path attachment = folder.resolve("bijlage-" + marker + ".txt");
		Files.writeString(attachment, ("Inhoud van de bijlage " + marker + "\n").repeat(50), StandardCharsets.UTF_8);
		String token;
		try (ReporterBrowser browser = new ReporterBrowser("zero-knowledge")) {
			browser.open(system.portalUrl() + "/o/demo/report");
			browser.waitVisible("report-form");
			browser.firstCategory();
			browser.type("what", "Wat er gebeurde: " + marker);
			browser.type("who", "Betrokken: " + marker);
			browser.click("identity-named");
			browser.type("name", "Naam " + marker);
			browser.type("contact", "06-" + marker);
			browser.type("files", attachment.toString());
			browser.screenshot("filled");
			browser.click("submit");
			browser.waitVisible("done");
			browser.screenshot("filed");
			String link = browser.find("token-link").getAttribute("value");
			token = link.substring(link.indexOf('#') + 1);
		}

		ServerSideSearch search = new ServerSideSearch(system);
		int[] rows = { 0 };
		assertThat(search.tablesContaining(marker, rows)).isEmpty();
		assertThat(search.tablesContaining(token, new int[1])).isEmpty();
		assertThat(rows[0]).as("rows read from the database").isPositive();
		assertThat(search.logsContaining(marker)).isEmpty();
		assertThat(search.logsContaining(token)).isEmpty();

		Path dump = folder.resolve("heap.hprof");
		// the search works: each heap holds its own application name
		assertThat(search.heapContains(system.portalPid(), dump, "meldpunt-reporter-portal")).isTrue();
		assertThat(search.heapContains(system.portalPid(), dump, marker, token)).as("portal heap").isFalse();
		assertThat(search.heapContains(system.caseServicePid(), dump, marker, token)).as("case-service heap").isFalse();
	}

}

package nl.meldpunt.caseservice.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.accounts.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsApiIntegrationTest {

	static final String ORGANISATION = "5a1e0000-0000-4000-8000-000000000001";

	static final String OTHER_ORGANISATION = "5a1e0000-0000-4000-8000-000000000002";

	static final String NOISY_ORGANISATION = "5a1e0000-0000-4000-8000-000000000003";

	static final String STRICT_ORGANISATION = "5a1e0000-0000-4000-8000-000000000004";

	static final int THIS_YEAR = LocalDate.now().getYear();

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	StatisticsReports reports;

	@Autowired
	DisclosureSettingsStore settings;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	@BeforeAll
	void seed() {
		CaseFileEvents events = new CaseFileEvents(this.publisher, this.transactions);
		LocalDate today = LocalDate.now();
		events.seedYear(UUID.fromString(ORGANISATION), THIS_YEAR, 70, 1, today);
		events.seedYear(UUID.fromString(ORGANISATION), THIS_YEAR - 1, 50, 2, today);
		events.seedYear(UUID.fromString(OTHER_ORGANISATION), THIS_YEAR, 33, 3, today);
		events.seedYear(UUID.fromString(NOISY_ORGANISATION), THIS_YEAR, 60, 4, today);
		this.settings.update(UUID.fromString(NOISY_ORGANISATION), new DisclosureSettings(5, 1.0));
		events.seedYear(UUID.fromString(STRICT_ORGANISATION), THIS_YEAR, 40, 5, today);
		this.settings.update(UUID.fromString(STRICT_ORGANISATION), new DisclosureSettings(3, null));
	}

	@Test
	@WithDirector(organisation = ORGANISATION)
	void releaseWhenDirectorThenOwnOrganisationOnlyWithSmallCellsHidden() throws Exception {
		String body = this.mvc.perform(get("/api/statistics").param("year", Integer.toString(THIS_YEAR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value(THIS_YEAR))
			.andExpect(jsonPath("$.minCellSize").value(5))
			.andExpect(jsonPath("$.current.tables[?(@.name == 'channel')].cells[2][4].count").value(70))
			.andExpect(jsonPath("$.previous.tables[?(@.name == 'channel')].cells[2][4].count").value(50))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("\"display\":\"< 5\"").doesNotContainPattern("\"count\":[0-4][,}]");
		assertThat(StatisticsDashboardIntegrationTest.ANY_UUID.matcher(body).find()).as("no identifier of any kind")
			.isFalse();
		JsonNode category = table(this.json.readTree(body).path("current"), "category");
		assertThat(category.path("rowKeys").toString()).contains("racism", "religion", Dimension.UNCLASSIFIED);
	}

	@Test
	@WithDirector(organisation = ORGANISATION)
	void releaseWhenNoYearThenThisYear() throws Exception {
		this.mvc.perform(get("/api/statistics"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value(THIS_YEAR))
			.andExpect(jsonPath("$.previous.year").value(THIS_YEAR - 1))
			.andExpect(jsonPath("$.availableYears[0]").value(THIS_YEAR));
	}

	@Test
	@WithDirector(organisation = ORGANISATION, role = Role.ADVISER)
	// the security chain refuses before the controller; StatisticsReports refuses too
	// (own test)
	void releaseWhenAdviserThenForbiddenProblem() throws Exception {
		this.mvc.perform(get("/api/statistics"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://meldpunt.nl/problems/forbidden"));
	}

	@Test
	@WithDirector(organisation = ORGANISATION)
	void releaseWhenYearOutsideFixedPeriodsThenInvalidPeriodProblem() throws Exception {
		for (String year : List.of(Integer.toString(THIS_YEAR + 1), "1999", "2025-01", "abc")) {
			this.mvc.perform(get("/api/statistics").param("year", year))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("https://meldpunt.nl/problems/invalid-period"));
		}
	}

	@Test
	void releaseWhenAnyYearOfAnySeededOrganisationThenNoHiddenCellIsRecoverable() {
		for (String organisation : List.of(ORGANISATION, OTHER_ORGANISATION, NOISY_ORGANISATION, STRICT_ORGANISATION)) {
			Caller director = new Caller(UUID.randomUUID(), UUID.fromString(organisation), Role.DIRECTOR, "D");
			for (int year = THIS_YEAR; year >= THIS_YEAR - 2; year--) {
				StatisticsRelease release = this.reports.release(director, year);
				for (YearFigures figures : List.of(release.current(), release.previous())) {
					assertUnrecoverable(figures.tables(), Set.of(Dimension.UNCLASSIFIED));
					assertUnrecoverable(List.of(figures.openCasesByAge()), Set.of());
				}
			}
		}
	}

	@Test
	void releaseWhenAdviserCallsServiceDirectlyThenRefused() {
		Caller adviser = new Caller(UUID.randomUUID(), UUID.fromString(ORGANISATION), Role.ADVISER, "A");
		org.assertj.core.api.Assertions.assertThatExceptionOfType(StatisticsReports.NotADirector.class)
			.isThrownBy(() -> this.reports.release(adviser, THIS_YEAR));
		org.assertj.core.api.Assertions.assertThatExceptionOfType(StatisticsReports.NotADirector.class)
			.isThrownBy(() -> this.reports.release(null, THIS_YEAR));
	}

	@Test
	@WithDirector(organisation = NOISY_ORGANISATION)
	void releaseWhenEpsilonSetThenNoisyStableStatedAndMedianHidden() throws Exception {
		String first = this.mvc.perform(get("/api/statistics")).andReturn().getResponse().getContentAsString();
		String second = this.mvc.perform(get("/api/statistics")).andReturn().getResponse().getContentAsString();
		assertThat(first).isEqualTo(second);
		JsonNode release = this.json.readTree(first);
		assertThat(release.path("epsilon").asDouble()).isEqualTo(1.0);
		assertThat(release.path("current").path("keyFigures").path("medianDaysToAcknowledge").path("value").isNull())
			.isTrue();
	}

	@Test
	@WithDirector(organisation = STRICT_ORGANISATION)
	void releaseWhenMinCellSizeThreeThenHiddenCellsShowLessThanThree() throws Exception {
		this.mvc.perform(get("/api/statistics"))
			.andExpect(jsonPath("$.minCellSize").value(3))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("\"display\":\"< 3\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("< 5"))));
	}

	private static JsonNode table(JsonNode year, String name) {
		for (JsonNode table : year.path("tables")) {
			if (table.path("name").asText().equals(name)) {
				return table;
			}
		}
		throw new AssertionError("no table " + name);
	}

	/** Both attackers: iterative subtraction and exact linear algebra on the pattern. */
	static void assertUnrecoverable(List<PublishedTable> tables, Set<String> sharedRows) {
		assertThat(SubtractionAttack.recovered(tables, sharedRows)).isEmpty();
		List<CountTable> shapes = new ArrayList<>();
		List<boolean[][]> masks = new ArrayList<>();
		for (PublishedTable table : tables) {
			int rows = table.rowKeys().size() - 1;
			int columns = table.columnKeys().size() - 1;
			shapes.add(new CountTable(table.name(), table.rowKeys().subList(0, rows),
					table.columnKeys().subList(0, columns), new long[rows][columns]));
			boolean[][] mask = new boolean[rows + 1][columns + 1];
			for (int r = 0; r <= rows; r++) {
				for (int c = 0; c <= columns; c++) {
					mask[r][c] = table.cell(r, c).suppressed();
				}
			}
			masks.add(mask);
		}
		assertThat(LinearDisclosure.determinedCells(shapes, masks, sharedRows)).isEmpty();
	}

}

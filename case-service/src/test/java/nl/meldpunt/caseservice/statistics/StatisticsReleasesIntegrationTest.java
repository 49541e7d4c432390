package nl.meldpunt.caseservice.statistics;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.meldpunt.caseservice.accounts.Role;
import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.Classification;
import nl.meldpunt.caseservice.casefile.Outcome;
import nl.meldpunt.caseservice.casefile.Track;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Releases end to end on the real database: what is published when, that it never
 * changes, corrections, the differencing of a case closed between two releases, and the
 * product's own auditor over everything the organisation ever published.
 */
class StatisticsReleasesIntegrationTest extends StatisticsWiring {

	@Autowired
	ObjectMapper json;

	@Autowired
	Releases releases;

	@Autowired
	DisclosureSettingsStore settings;

	CaseFileEvents events() {
		return new CaseFileEvents(this.publisher, this.transactions);
	}

	@Test
	void publishDueWhenPeriodsEndedThenOneReleasePerSettledPeriodAndNeverTheCurrentOne() throws Exception {
		UUID organisation = CaseFileEvents.organisation(this.setup, this.units);
		CaseFileEvents events = events();
		events.seedYear(organisation, 2024, 90, 31, LocalDate.of(2025, 7, 20));
		events.seedYear(organisation, 2025, 90, 32, LocalDate.of(2025, 7, 20));
		List<StatisticsRelease> first = this.statistics.publishDue(organisation, LocalDate.of(2025, 7, 20));
		assertThat(first).extracting((r) -> r.period().key()).containsExactly("2024", "2025-Q1", "2025-Q2");
		assertThat(first.get(0).granularity()).isEqualTo(Granularity.QUARTERS);
		assertThat(this.statistics.publishDue(organisation, LocalDate.of(2025, 7, 20))).isEmpty();
		// Q3 ends on 30 September; with 14 days to settle it is due on 14 October
		assertThat(this.statistics.publishDue(organisation, LocalDate.of(2025, 10, 13))).isEmpty();
		assertThat(this.statistics.publishDue(organisation, LocalDate.of(2025, 10, 14)))
			.extracting((r) -> r.period().key())
			.containsExactly("2025-Q3");
		RequestPostProcessor director = as(organisation, Role.DIRECTOR);
		for (String unpublished : List.of("2025", "2025-Q4", "2026")) {
			this.mvc.perform(get("/api/statistics").param("period", unpublished).with(director))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.type").value("https://meldpunt.nl/problems/release-not-published"));
		}
		this.mvc.perform(get("/api/statistics").with(director))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.period.kind").value("YEAR"))
			.andExpect(jsonPath("$.period.year").value(2024))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc.perform(get("/api/statistics/releases").with(director))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].period").value("2025-Q3"))
			.andExpect(jsonPath("$.length()").value(4));
		assertNothingDisclosed(organisation);
	}

	@Test
	void releaseWhenPublishedThenTheDatabaseRefusesEveryChangeAndAnEditBehindItsBackIsRefusedOnReading()
			throws Exception {
		UUID organisation = CaseFileEvents.organisation(this.setup, this.units);
		events().seedYear(organisation, 2024, 50, 41, LocalDate.of(2025, 1, 20));
		this.statistics.publishDue(organisation, LocalDate.of(2025, 1, 20));
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.jdbc.update(
				"update statistics_release set published_on = published_on + 1 where organisation_id = ?",
				organisation));
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(
				() -> this.jdbc.update("delete from statistics_release where organisation_id = ?", organisation));
		String sha256 = this.jdbc.queryForObject(
				"select content_sha256 from statistics_release where organisation_id = ? and period_kind = 'YEAR'",
				String.class, organisation);
		assertThat(this.jdbc.queryForList("select detail from audit_entry where organisation_id = ? and action = ?",
				String.class, organisation, "STATISTICS_PUBLISHED"))
			.as("every release's checksum is also in the organisation's audit chain")
			.contains(sha256)
			.containsExactlyInAnyOrderElementsOf(
					this.jdbc.queryForList("select content_sha256 from statistics_release where organisation_id = ?",
							String.class, organisation));
		// a database owner can switch the trigger off: the checksum still gives it away
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.execute("alter table statistics_release disable trigger statistics_release_frozen");
			this.jdbc.update("""
					update statistics_release
					set content = jsonb_set(content, '{minCellSize}', '3')
					where organisation_id = ?
					""", organisation);
			this.jdbc.execute("alter table statistics_release enable trigger statistics_release_frozen");
		});
		this.mvc.perform(get("/api/statistics").param("period", "2024").with(as(organisation, Role.DIRECTOR)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://meldpunt.nl/problems/release-tampered"));
	}

	@Test
	void releasesWhenACaseClosesBetweenTwoReleasesThenThePublishedQuarterStaysAsItWasAndNothingCanBeDifferenced()
			throws Exception {
		UUID organisation = CaseFileEvents.organisation(this.setup, this.units);
		CaseFileEvents events = events();
		events.seedYear(organisation, 2024, 80, 51, LocalDate.of(2025, 4, 20));
		LocalDate filed = LocalDate.of(2025, 2, 3);
		UUID pending = events.file(organisation, filed, Channel.INTERNAL_ADVISER);
		events.acknowledge(organisation, pending, filed.plusDays(2));
		events.seedYear(organisation, 2025, 70, 52, LocalDate.of(2025, 4, 20));
		this.statistics.publishDue(organisation, LocalDate.of(2025, 4, 20));
		String quarterBefore = content(organisation, "2025-Q1");
		// the one case closes after Q1 was published: racism, a unit few others share
		events.close(organisation, pending, LocalDate.of(2025, 5, 6),
				new Classification("religion", "office", Channel.INTERNAL_ADVISER, Track.MEDIATION, Outcome.RESOLVED));
		assertThat(this.statistics.correct(organisation, Period.parse("2025-Q1"), LocalDate.of(2025, 7, 20)))
			.as("a closing counts in the quarter it happens in: nothing of Q1 changed")
			.isEmpty();
		this.statistics.publishDue(organisation, LocalDate.of(2025, 7, 20));
		assertThat(content(organisation, "2025-Q1")).isEqualTo(quarterBefore);
		assertThat(this.releases.latest(organisation, null, Period.parse("2025-Q2"))).isPresent();
		assertNothingDisclosed(organisation);
	}

	@Test
	void correctWhenCountsBehindAPublishedPeriodChangedThenANewVersionAuditedWithTheFirst() throws Exception {
		UUID organisation = CaseFileEvents.organisation(this.setup, this.units);
		events().seedYear(organisation, 2024, 60, 61, LocalDate.of(2025, 1, 20));
		this.statistics.publishDue(organisation, LocalDate.of(2025, 1, 20));
		assertThat(this.statistics.correct(organisation, Period.parse("2024"), LocalDate.of(2025, 2, 1))).isEmpty();
		// a repaired record of 2024 (say, a case that was missing): one more racism case
		this.jdbc.update("""
				insert into statistical_record (organisation_id, year, quarter, channel, received_channel, category,
				    unit, track, outcome, days_to_acknowledge, feedback_on_time, closed_year, closed_quarter)
				values (?, 2024, 2, 'INTERNAL_ADVISER', 'INTERNAL_ADVISER', 'racism', 'care', 'INFORMAL',
				    'ADVICE_GIVEN', 3, true, 2024, 3)
				""", organisation);
		StatisticsRelease corrected = this.statistics
			.correct(organisation, Period.parse("2024"), LocalDate.of(2025, 2, 1))
			.orElseThrow();
		assertThat(corrected.version()).isEqualTo(2);
		RequestPostProcessor director = as(organisation, Role.DIRECTOR);
		this.mvc.perform(get("/api/statistics").param("period", "2024").with(director))
			.andExpect(jsonPath("$.version").value(2));
		this.mvc.perform(get("/api/statistics").param("period", "2024").param("version", "1").with(director))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc.perform(get("/statistics").param("period", "2024").param("lang", "en").with(director))
			.andExpect(status().isOk())
			.andExpect((result) -> assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
				.contains("Version 2, published on", "version 1 of"));
		assertNothingDisclosed(organisation);
	}

	@Test
	void refusalsWhenPeriodVersionOrLanguageAreNotPublishedOnesThenProblems() throws Exception {
		UUID organisation = CaseFileEvents.organisation(this.setup, this.units);
		RequestPostProcessor director = as(organisation, Role.DIRECTOR);
		for (String period : List.of("2025-13", "abc", "2024-2027", "2026-Q5")) {
			this.mvc.perform(get("/api/statistics").param("period", period).with(director))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("https://meldpunt.nl/problems/invalid-period"));
		}
		this.mvc.perform(get("/api/statistics").param("version", "1").with(director))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://meldpunt.nl/problems/invalid-period"));
		this.mvc.perform(get("/api/statistics").with(director))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://meldpunt.nl/problems/release-not-published"));
		this.mvc.perform(get("/statistics").param("lang", "fr").with(director))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://meldpunt.nl/problems/unsupported-language"));
		this.mvc.perform(get("/statistics").param("lang", "en").with(director))
			.andExpect(status().isOk())
			.andExpect((result) -> assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(
					"Nothing has been published yet", "the current period is never shown", "id=\"title-method\"",
					"every count below 5 is shown as"));
		// advisers and administrators see no figures at all
		for (Role role : List.of(Role.ADVISER, Role.ADMIN, Role.HOTLINE)) {
			for (String path : List.of("/statistics", "/api/statistics", "/statistics/report.csv")) {
				this.mvc.perform(get(path).with(as(organisation, role)))
					.andExpect(status().isForbidden())
					.andExpect(jsonPath("$.type").value("https://meldpunt.nl/problems/forbidden"));
			}
		}
	}

	@Test
	void noiseWhenEpsilonSetThenDrawnOnceFrozenAdditiveStatedAndTheSeedCanNeverBeUnset() throws Exception {
		UUID organisation = CaseFileEvents.organisation(this.setup, this.units);
		events().seedYear(organisation, 2024, 50, 71, LocalDate.of(2025, 1, 20));
		this.settings.update(organisation, new DisclosureSettings(5, 1.0, 14, null, null));
		this.statistics.publishDue(organisation, LocalDate.of(2025, 1, 20));
		RequestPostProcessor director = as(organisation, Role.DIRECTOR);
		String first = this.mvc.perform(get("/api/statistics").param("period", "2024").with(director))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String second = this.mvc.perform(get("/api/statistics").param("period", "2024").with(director))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second).isEqualTo(first);
		JsonNode release = this.json.readTree(first);
		assertThat(release.path("epsilon").asDouble()).isEqualTo(1.0);
		assertThat(release.path("keyFigures").path("medianDaysToAcknowledge").path("value").isNull()).isTrue();
		for (JsonNode table : release.path("tables")) {
			JsonNode cells = table.path("cells");
			int rows = cells.size() - 1;
			int columns = cells.get(0).size() - 1;
			for (int r = 0; r < rows; r++) {
				long sum = 0;
				boolean all = true;
				for (int c = 0; c < columns; c++) {
					JsonNode cell = cells.get(r).get(c).path("count");
					all &= !cell.isNull();
					sum += cell.asLong();
				}
				if (all && !cells.get(r).get(columns).path("count").isNull()) {
					assertThat(cells.get(r).get(columns).path("count").asLong()).as("row total of noisy cells")
						.isEqualTo(sum);
				}
			}
		}
		String method = this.mvc.perform(get("/statistics").param("period", "2024").param("lang", "en").with(director))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(method).contains("ε = 1.0 for the whole release", "factor of at most e^ε");
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.jdbc
			.update("update statistics_noise_seed set seed = ? where organisation_id = ?", new byte[32], organisation));
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(
				() -> this.jdbc.update("delete from statistics_noise_seed where organisation_id = ?", organisation));
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.jdbc
			.update("insert into statistics_noise_seed (organisation_id, seed) values (?, null)", UUID.randomUUID()));
	}

	@Test
	void poolWhenThreeOrganisationsOptInThenAPooledReleaseAuditedFromEveryMembersViewAndShownBesideTheirOwn()
			throws Exception {
		String pool = "regio-" + UUID.randomUUID().toString().substring(0, 8);
		List<UUID> members = List.of(CaseFileEvents.organisation(this.setup, this.units),
				CaseFileEvents.organisation(this.setup, this.units),
				CaseFileEvents.organisation(this.setup, this.units));
		int[] sizes = { 40, 12, 6 };
		for (int i = 0; i < members.size(); i++) {
			events().seedYear(members.get(i), 2025, sizes[i], 80 + i, LocalDate.of(2026, 1, 20));
			this.settings.update(members.get(i), new DisclosureSettings(5, null, 14, null, pool));
		}
		LocalDate today = LocalDate.of(2026, 1, 20);
		assertThat(this.statistics.publishPool(pool, today)).as("not before every member published its own").isEmpty();
		for (UUID member : members) {
			this.statistics.publishDue(member, today);
		}
		StatisticsRelease pooled = this.statistics.publishPool(pool, today).orElseThrow();
		assertThat(pooled.poolMembers()).isEqualTo(3);
		assertThat(pooled.granularity()).isEqualTo(Granularity.YEAR_GROUPED);
		List<DisclosureAudit.Release> all = new java.util.ArrayList<>();
		Map<String, Integer> k = new HashMap<>();
		Map<String, Integer> protection = new HashMap<>();
		for (UUID member : members) {
			this.releases.ofOrganisation(member).forEach((stored) -> all.add(stored.forAudit()));
			k.put(member.toString(), 5);
			protection.put(member.toString(), 4);
		}
		this.releases.ofPool(pool).forEach((stored) -> all.add(stored.forAudit()));
		assertThat(new DisclosureAudit(all, k, protection, members.stream().map(UUID::toString).toList()).findings())
			.as("no member can subtract itself to expose another")
			.isEmpty();
		String html = this.mvc.perform(
				get("/statistics").param("period", "2025").param("lang", "en").with(as(members.get(0), Role.DIRECTOR)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("compared with the regional pool", "(3 organisations, 2025)");
		// two members are not a pool: one would see the other by subtracting itself
		String pair = "pair-" + UUID.randomUUID().toString().substring(0, 8);
		this.settings.update(members.get(0), new DisclosureSettings(5, null, 14, null, pair));
		this.settings.update(members.get(1), new DisclosureSettings(5, null, 14, null, pair));
		assertThat(this.statistics.publishPool(pair, today)).isEmpty();
	}

	private String content(UUID organisation, String period) {
		return this.jdbc.queryForObject(
				"select content::text from statistics_release where organisation_id = ? and period_kind = ? and year = ?"
						+ " and coalesce(quarter, 0) = ? and version = 1",
				String.class, organisation, Period.parse(period).kind().name(), Period.parse(period).year(),
				(Period.parse(period).quarter() != null) ? Period.parse(period).quarter() : 0);
	}

	/** The product's own auditor over everything the organisation ever published. */
	private void assertNothingDisclosed(UUID organisation) {
		List<DisclosureAudit.Release> all = this.releases.ofOrganisation(organisation)
			.stream()
			.map(Releases.Stored::forAudit)
			.toList();
		DisclosureSettings disclosure = this.settings.forOrganisation(organisation);
		assertThat(new DisclosureAudit(all, Map.of(organisation.toString(), disclosure.minCellSize()),
				Map.of(organisation.toString(), disclosure.protection()), List.of())
			.findings()).isEmpty();
	}

}

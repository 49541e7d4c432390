package nl.meldpunt.caseservice.statistics;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.accounts.Role;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;
import nl.meldpunt.caseservice.organisations.OrganisationUnit;
import nl.meldpunt.caseservice.organisations.OrganisationUnits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A program that prints numbers, not a timed test: 1 000 000 statistical records across
 * 50 organisations (five years each; cases older than four months mostly closed) in the
 * embedded PostgreSQL, then publishing releases (the whole five-year backlog, and one
 * release as the nightly job makes it) and reading one as a director does. Not part of
 * the normal build (the name does not end in Test); run it with
 *
 * <pre>
 * ./mvnw -B -pl case-service -am verify -Dtest=StatisticsBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dmeldpunt.benchmark=true
 * </pre>
 *
 * The numbers are on the console and in
 * {@code target/surefire-reports/*StatisticsBenchmark*.xml}.
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "meldpunt.benchmark", matches = "true")
class StatisticsBenchmark {

	static final int RECORDS = 1_000_000;

	static final int ORGANISATIONS = 50;

	static final List<String> UNITS = List.of("care", "housing", "office", "finance", "it");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	@Autowired
	OrganisationUnits units;

	@Autowired
	StatisticsPublisher publisher;

	@Autowired
	StatisticsReports reports;

	@Test
	void publishAndReadReleasesOverAMillionRecords() {
		List<UUID> organisations = new ArrayList<>();
		for (int i = 0; i < ORGANISATIONS; i++) {
			UUID id = this.setup.create("bench-" + UUID.randomUUID().toString().substring(0, 8), "Benchmark " + i).id();
			for (String unit : UNITS) {
				this.units.save(new OrganisationUnit(id, unit, unit, unit));
			}
			organisations.add(id);
		}
		this.jdbc.execute("create temporary table bench_organisation (n int, id uuid)");
		for (int i = 0; i < organisations.size(); i++) {
			this.jdbc.update("insert into bench_organisation values (?, ?)", i, organisations.get(i));
		}
		LocalDate today = LocalDate.now();
		long insertStart = System.nanoTime();
		this.jdbc.update("""
				insert into statistical_record (organisation_id, case_id, year, quarter, channel, received_channel,
				    category, unit, track, outcome, received_on, closed_on, feedback_due, days_to_acknowledge,
				    feedback_on_time, closed_year, closed_quarter)
				select o.id, case_id, extract(year from received_on)::int, extract(quarter from received_on)::int,
				    channel, channel, case when classified then category end, case when classified then unit end,
				    case when classified then track end, case when classified then outcome end,
				    received_on, case when classified then received_on + 60 end, received_on + 97, acknowledged,
				    case when classified then feedback end,
				    case when classified then extract(year from received_on + 60)::int end,
				    case when classified then extract(quarter from received_on + 60)::int end
				from (
				    select g % ? as n,
				        case when g % 3 = 0 then gen_random_uuid() end as case_id,
				        ?::date - 1 - floor(random() * 1800)::int as received_on,
				        (array['INTERNAL_ADVISER','EXTERNAL_HOTLINE'])[1 + floor(random() * 2)::int] as channel,
				        (array['racism','religion','gender','sexual-orientation','disability','age','bullying',
				               'aggression','integrity','other'])[1 + floor(random() * 10)::int] as category,
				        (array['care','housing','office','finance','it'])[1 + floor(random() * 5)::int] as unit,
				        (array['INFORMAL','MEDIATION','FORMAL_COMPLAINT','INVESTIGATION','EXTERNAL'])
				            [1 + floor(random() * 5)::int] as track,
				        (array['ADVICE_GIVEN','RESOLVED','SUBSTANTIATED','NOT_SUBSTANTIATED','REFERRED','WITHDRAWN',
				               'OTHER'])[1 + floor(random() * 7)::int] as outcome,
				        floor(random() * 14)::int as acknowledged,
				        random() < 0.8 as feedback,
				        random() as closing
				    from generate_series(1, ?) g
				) drawn
				join bench_organisation o on o.n = drawn.n,
				lateral (select case when received_on + 60 < ?::date then closing < 0.97
				                     else false end as classified) closed
				""", ORGANISATIONS, today, RECORDS, today);
		// autovacuum does this in production; index-only scans need the visibility map
		this.jdbc.execute("vacuum analyze statistical_record");
		long insertMillis = (System.nanoTime() - insertStart) / 1_000_000;

		// the whole backlog of ten organisations, then the next quarter's release of each
		List<Double> backlogPerRelease = new ArrayList<>();
		List<Double> oneRelease = new ArrayList<>();
		LocalDate lastQuarterEnd = YearQuarter.of(today).firstDay().minusDays(1);
		LocalDate before = YearQuarter.of(lastQuarterEnd).firstDay().minusDays(1).plusDays(20);
		int published = 0;
		for (UUID organisation : organisations.subList(0, 10)) {
			long start = System.nanoTime();
			int count = this.publisher.publishDue(organisation, before).size();
			published += count;
			backlogPerRelease.add((System.nanoTime() - start) / 1e6 / Math.max(1, count));
			start = System.nanoTime();
			int next = this.publisher.publishDue(organisation, lastQuarterEnd.plusDays(20)).size();
			if (next > 0) {
				oneRelease.add((System.nanoTime() - start) / 1e6 / next);
			}
		}
		List<Double> reading = new ArrayList<>();
		for (int run = 0; run < 230; run++) {
			UUID organisation = organisations.get(run % 10);
			Caller director = new Caller(UUID.randomUUID(), organisation, Role.DIRECTOR, "Benchmark");
			long start = System.nanoTime();
			StatisticsReports.Selection selection = this.reports.select(director, null, null);
			double millis = (System.nanoTime() - start) / 1e6;
			assertThat(selection.release()).isNotNull();
			if (run >= 30) {
				reading.add(millis);
			}
		}
		System.out.printf("%n=== Statistics benchmark: %,d records, %d organisations (loaded in %,d ms) ===%n", RECORDS,
				ORGANISATIONS, insertMillis);
		print("publish: five-year backlog, per release (" + published + " releases)", backlogPerRelease);
		print("publish: one release as the nightly job does", oneRelease);
		print("read: a director's release (dashboard, JSON, CSV, PDF)", reading);
		System.out.printf("system load average while measuring: %.2f on %d cores%n",
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				Runtime.getRuntime().availableProcessors());
		assertThat(percentile(reading, 50)).isLessThan(200);
	}

	private static void print(String what, List<Double> millis) {
		System.out.printf("%-62s n=%d  median %.1f ms  p90 %.1f ms  max %.1f ms%n", what, millis.size(),
				percentile(millis, 50), percentile(millis, 90), percentile(millis, 100));
	}

	private static double percentile(List<Double> values, int percentile) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index));
	}

}

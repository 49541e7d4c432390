package nl.meldpunt.caseservice.statistics;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.accounts.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A program that prints numbers, not a timed test: 1 000 000 statistical records across
 * 50 organisations (five years each; cases older than four months mostly closed) in the
 * embedded PostgreSQL, then the dashboard's whole query path
 * ({@link StatisticsReports#release}) for one organisation-year, many times. Not part of
 * the normal build (the name does not end in Test); run it with
 *
 * <pre>
 * ./mvnw -B -pl case-service -am verify -Dtest=StatisticsBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dmeldpunt.benchmark=true
 * </pre>
 *
 * The numbers are in {@code target/surefire-reports/*StatisticsBenchmark*.xml} and on the
 * console.
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "meldpunt.benchmark", matches = "true")
class StatisticsBenchmark {

	static final int RECORDS = 1_000_000;

	static final int ORGANISATIONS = 50;

	static final String PREFIX = "be0c0000-0000-4000-8000-";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StatisticsReports reports;

	@Autowired
	StatisticsQueries queries;

	@Test
	void dashboardQueryForOneOrganisationYear() {
		clean();
		long insertStart = System.nanoTime();
		this.jdbc.update(
				"""
						insert into statistical_record (organisation_id, case_id, year, quarter, channel, category, unit, track,
						    outcome, received_on, closed_on, feedback_due, days_to_acknowledge, feedback_on_time)
						select organisation, case_id, extract(year from received_on)::int, extract(quarter from received_on)::int,
						    channel, case when classified then category end, case when classified then unit end,
						    case when classified then track end, case when classified then outcome end,
						    received_on, case when classified then received_on + 60 end, received_on + 97, acknowledged,
						    case when classified then feedback end
						from (
						    select (? || lpad((g % ?)::text, 12, '0'))::uuid as organisation,
						        case when g % 3 = 0 then gen_random_uuid() end as case_id,
						        current_date - 1 - floor(random() * 1800)::int as received_on,
						        (array['INTERNAL_ADVISER','EXTERNAL_HOTLINE'])[1 + floor(random() * 2)::int] as channel,
						        (array['racism','religion','sexual-harassment','gender','sexual-orientation','disability',
						               'age','bullying','aggression','integrity'])[1 + floor(random() * 10)::int] as category,
						        (array['care','housing','office','finance','it'])[1 + floor(random() * 5)::int] as unit,
						        (array['INFORMAL','MEDIATION','FORMAL_COMPLAINT','INVESTIGATION','EXTERNAL'])
						            [1 + floor(random() * 5)::int] as track,
						        (array['ADVICE_GIVEN','RESOLVED','SUBSTANTIATED','NOT_SUBSTANTIATED','REFERRED','WITHDRAWN',
						               'OTHER'])[1 + floor(random() * 7)::int] as outcome,
						        floor(random() * 14)::int as acknowledged,
						        random() < 0.8 as feedback,
						        random() as closing
						    from generate_series(1, ?) g
						) drawn,
						lateral (select case when received_on < current_date - 120 then closing < 0.97
						                     else closing < 0.3 end as classified) closed
						""",
				PREFIX, ORGANISATIONS, RECORDS);
		this.jdbc.update("""
				insert into statistics_code (organisation_id, kind, code)
				select distinct organisation_id, 'YEAR', year::text from statistical_record
				union select distinct organisation_id, 'CATEGORY', category from statistical_record
				    where category is not null
				union select distinct organisation_id, 'UNIT', unit from statistical_record where unit is not null
				on conflict do nothing
				""");
		// autovacuum does this in production; index-only scans need the visibility map
		this.jdbc.execute("vacuum analyze statistical_record");
		long insertMillis = (System.nanoTime() - insertStart) / 1_000_000;
		Integer total = this.jdbc.queryForObject(
				"select count(*) from statistical_record where organisation_id::text like 'be0c0000-%'", Integer.class);
		assertThat(total).isEqualTo(RECORDS);

		int thisYear = LocalDate.now().getYear();
		Random random = new Random(42);
		List<Double> release = new ArrayList<>();
		List<Double> tallies = new ArrayList<>();
		List<Double> procedure = new ArrayList<>();
		List<Double> open = new ArrayList<>();
		for (int run = 0; run < 230; run++) {
			UUID organisation = UUID.fromString(PREFIX + String.format("%012d", random.nextInt(ORGANISATIONS)));
			int year = thisYear - random.nextInt(3);
			Caller director = new Caller(UUID.randomUUID(), organisation, Role.DIRECTOR, "Benchmark");
			long start = System.nanoTime();
			StatisticsRelease result = this.reports.release(director, year);
			double releaseMillis = (System.nanoTime() - start) / 1e6;
			assertThat(result.current().tables()).isNotEmpty();
			start = System.nanoTime();
			this.queries.tallies(organisation, year, year - 1);
			double talliesMillis = (System.nanoTime() - start) / 1e6;
			start = System.nanoTime();
			this.queries.procedure(organisation, year, year - 1, LocalDate.now());
			double procedureMillis = (System.nanoTime() - start) / 1e6;
			start = System.nanoTime();
			this.queries.openByAge(organisation, LocalDate.now(), LocalDate.of(year - 1, 12, 31));
			double openMillis = (System.nanoTime() - start) / 1e6;
			if (run >= 30) {
				release.add(releaseMillis);
				tallies.add(talliesMillis);
				procedure.add(procedureMillis);
				open.add(openMillis);
			}
		}
		System.out.printf("%n=== Statistics benchmark: %,d records, %d organisations (loaded in %,d ms) ===%n", total,
				ORGANISATIONS, insertMillis);
		print("whole dashboard release (all queries + suppression)", release);
		print("  tallies query (GROUP BY, both years)", tallies);
		print("  procedure query (median, shares)", procedure);
		print("  open cases by age query (two days)", open);
		System.out.printf("system load average while measuring: %.2f on %d cores%n",
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				Runtime.getRuntime().availableProcessors());
		System.out.println("plan of the tallies query:");
		this.jdbc.query("explain (analyze, buffers) " + StatisticsQueries.TALLIES,
				(RowCallbackHandler) (rs) -> System.out.println("  " + rs.getString(1)), Dimension.UNCLASSIFIED,
				Dimension.NO_UNIT, UUID.fromString(PREFIX + "000000000007"), thisYear, thisYear - 1);
		clean();
		assertThat(percentile(release, 50)).isLessThan(200);
	}

	private void clean() {
		this.jdbc.update("delete from statistical_record where organisation_id::text like 'be0c0000-%'");
		this.jdbc.update("delete from statistics_code where organisation_id::text like 'be0c0000-%'");
	}

	private static void print(String what, List<Double> millis) {
		System.out.printf("%-52s n=%d  median %.1f ms  p90 %.1f ms  max %.1f ms%n", what, millis.size(),
				percentile(millis, 50), percentile(millis, 90), percentile(millis, 100));
	}

	private static double percentile(List<Double> values, int percentile) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index));
	}

}

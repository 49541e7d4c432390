package nl.meldpunt.caseservice.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every figure is aggregated in PostgreSQL with {@code GROUP BY} over one organisation
 * and two years (index {@code (organisation_id, year)}); Java only receives the tallies.
 */
@Component
class StatisticsQueries {

	/** How many cases of one quarter fall into one row of one dimension. */
	record Tally(int year, int quarter, Dimension dimension, String row, long count) {
	}

	/** The raw procedure figures of one year. */
	record Procedure(int year, long acknowledged, Double medianDaysToAcknowledge, long acknowledgedWithin7Days,
			long acknowledgementDue, long feedbackOnTime, long feedbackDue) {
	}

	/**
	 * Every year with records, and every category and unit code the organisation ever
	 * used.
	 */
	record Vocabulary(List<Integer> years, List<String> categories, List<String> units) {
	}

	/**
	 * One row per year, quarter, dimension and row: a single scan of the covering index.
	 */
	static final String TALLIES = """
			select r.year, r.quarter, d.dimension, coalesce(d.row, ?), count(*)
			from statistical_record r
			cross join lateral (values
			    ('CATEGORY', r.category), ('CHANNEL', r.channel), ('TRACK', r.track), ('OUTCOME', r.outcome),
			    ('UNIT', case when r.category is null then null else coalesce(r.unit, ?) end)) as d(dimension, row)
			where r.organisation_id = ? and r.year in (?, ?)
			group by r.year, r.quarter, d.dimension, d.row
			""";

	private final JdbcTemplate jdbc;

	StatisticsQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Tally> tallies(UUID organisationId, int year, int previousYear) {
		return this.jdbc.query(
				TALLIES, (rs, n) -> new Tally(rs.getInt(1), rs.getInt(2), Dimension.valueOf(rs.getString(3)),
						rs.getString(4), rs.getLong(5)),
				Dimension.UNCLASSIFIED, Dimension.NO_UNIT, organisationId, year, previousYear);
	}

	List<Procedure> procedure(UUID organisationId, int year, int previousYear, LocalDate today) {
		return this.jdbc
			.query("""
					select year,
					    count(days_to_acknowledge),
					    percentile_cont(0.5) within group (order by days_to_acknowledge),
					    count(*) filter (where days_to_acknowledge <= 7),
					    count(*) filter (where days_to_acknowledge is not null or received_on < ?::date - 7),
					    count(*) filter (where feedback_on_time),
					    count(*) filter (where feedback_on_time is not null or (closed_on is null and feedback_due < ?::date))
					from statistical_record
					where organisation_id = ? and year in (?, ?)
					group by year
					""",
					(rs, n) -> new Procedure(rs.getInt(1), rs.getLong(2), (Double) rs.getObject(3), rs.getLong(4),
							rs.getLong(5), rs.getLong(6), rs.getLong(7)),
					today, today, organisationId, year, previousYear);
	}

	/**
	 * Cases open on each of two reference days, by age: under 1 month, 1–3, 3–6, over 6
	 * months. One scan for both days.
	 */
	long[][] openByAge(UUID organisationId, LocalDate first, LocalDate second) {
		long[][] buckets = new long[2][4];
		this.jdbc.query("""
				select reference.which,
				    case when reference.day - received_on < 30 then 0
				         when reference.day - received_on < 91 then 1
				         when reference.day - received_on < 183 then 2 else 3 end,
				    count(*)
				from statistical_record
				join (values (0, ?::date), (1, ?::date)) as reference(which, day)
				    on received_on <= reference.day and (closed_on is null or closed_on > reference.day)
				where organisation_id = ? and received_on is not null
				    and (closed_on is null or closed_on > ?::date)
				group by 1, 2
				""", (rs) -> {
			buckets[rs.getInt(1)][rs.getInt(2)] = rs.getLong(3);
		}, first, second, organisationId, first.isBefore(second) ? first : second);
		return buckets;
	}

	Vocabulary vocabulary(UUID organisationId) {
		List<Integer> years = new ArrayList<>();
		List<String> categories = new ArrayList<>();
		List<String> units = new ArrayList<>();
		this.jdbc.query("select kind, code from statistics_code where organisation_id = ? order by kind, code",
				(rs) -> {
					switch (rs.getString(1)) {
						case "YEAR" -> years.add(Integer.valueOf(rs.getString(2)));
						case "CATEGORY" -> categories.add(rs.getString(2));
						default -> units.add(rs.getString(2));
					}
				}, organisationId);
		years.sort(Comparator.reverseOrder());
		return new Vocabulary(years, categories, units);
	}

}

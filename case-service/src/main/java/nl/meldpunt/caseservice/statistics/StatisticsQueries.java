package nl.meldpunt.caseservice.statistics;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
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

	/** Every category and unit code the organisation ever used. */
	record Vocabulary(List<String> categories, List<String> units) {
	}

	private final JdbcTemplate jdbc;

	StatisticsQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Tally> tallies(UUID organisationId, int year, int previousYear) {
		return this.jdbc
			.query("""
					select r.year, r.quarter, d.dimension, coalesce(d.row, ?), count(*)
					from statistical_record r
					cross join lateral (values
					    ('CATEGORY', r.category), ('CHANNEL', r.channel), ('TRACK', r.track), ('OUTCOME', r.outcome),
					    ('UNIT', case when r.category is null then null else coalesce(r.unit, ?) end)) as d(dimension, row)
					where r.organisation_id = ? and r.year in (?, ?)
					group by r.year, r.quarter, d.dimension, d.row
					""",
					(rs, n) -> new Tally(rs.getInt(1), rs.getInt(2), Dimension.valueOf(rs.getString(3)),
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
	 * Cases open on the reference day, by age: under 1 month, 1–3, 3–6, over 6 months.
	 */
	long[] openByAge(UUID organisationId, LocalDate reference) {
		long[] buckets = new long[4];
		this.jdbc.query("""
				select case when ?::date - received_on < 30 then 0
				            when ?::date - received_on < 91 then 1
				            when ?::date - received_on < 183 then 2 else 3 end, count(*)
				from statistical_record
				where organisation_id = ? and year <= ? and received_on <= ?::date
				    and (closed_on is null or closed_on > ?::date)
				group by 1
				""", (rs) -> {
			buckets[rs.getInt(1)] = rs.getLong(2);
		}, reference, reference, reference, organisationId, reference.getYear(), reference, reference);
		return buckets;
	}

	Vocabulary vocabulary(UUID organisationId) {
		return this.jdbc.queryForObject("""
				select array_agg(distinct category order by category) filter (where category is not null),
				       array_agg(distinct unit order by unit) filter (where unit is not null)
				from statistical_record where organisation_id = ?
				""", (rs, n) -> new Vocabulary(strings(rs.getArray(1)), strings(rs.getArray(2))), organisationId);
	}

	List<Integer> years(UUID organisationId) {
		return this.jdbc.queryForList(
				"select distinct year from statistical_record where organisation_id = ? order by year desc",
				Integer.class, organisationId);
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

}

package nl.meldpunt.caseservice.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.meldpunt.caseservice.organisations.Categories;
import nl.meldpunt.caseservice.organisations.Category;
import nl.meldpunt.caseservice.organisations.OrganisationUnit;
import nl.meldpunt.caseservice.organisations.OrganisationUnits;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The true counts of one organisation, aggregated in PostgreSQL (Java receives only
 * tallies per quarter and row), and its configured rows. Read only when a release is
 * made, never to answer a director.
 */
@Component
class StatisticsData {

	/** An organisation's configured rows and their names in both languages. */
	record Vocabulary(List<String> categories, List<String> units, Map<String, Map<String, String>> names) {

		ReleaseDraft.Scope scope(UUID organisationId) {
			return new ReleaseDraft.Scope(organisationId.toString(), this.categories, this.units);
		}

	}

	/** The median days to acknowledgement over {@code acknowledged} cases. */
	record Median(long acknowledged, Double days) {
	}

	static final String RECEIVED = """
			select year, quarter, received_channel, coalesce(days_to_acknowledge <= 7, false), count(*)
			from statistical_record
			where organisation_id = ? and year between ? and ?
			group by 1, 2, 3, 4
			""";

	static final String CLOSED = """
			select closed_year, closed_quarter, category, unit, channel, track, outcome, feedback_on_time, count(*)
			from statistical_record
			where organisation_id = ? and closed_year between ? and ?
			group by 1, 2, 3, 4, 5, 6, 7, 8
			""";

	private final JdbcTemplate jdbc;

	private final Categories categories;

	private final OrganisationUnits units;

	StatisticsData(JdbcTemplate jdbc, Categories categories, OrganisationUnits units) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.units = units;
	}

	Vocabulary vocabulary(UUID organisationId) {
		Map<String, Map<String, String>> names = new LinkedHashMap<>();
		List<String> categoryCodes = new ArrayList<>();
		for (Category category : this.categories.findByOrganisationIdOrderByPosition(organisationId)) {
			categoryCodes.add(category.code());
			names.put(category.code(), Map.of("nl", category.nameNl(), "en", category.nameEn()));
		}
		List<String> unitCodes = new ArrayList<>();
		for (OrganisationUnit unit : this.units.findByOrganisationIdOrderByCode(organisationId)) {
			unitCodes.add(unit.code());
			names.put("unit:" + unit.code(), Map.of("nl", unit.nameNl(), "en", unit.nameEn()));
		}
		return new Vocabulary(categoryCodes, unitCodes, names);
	}

	/**
	 * The first year anything is published for: the organisation's first year, or the
	 * year of its first record if that is earlier; null for an organisation that does not
	 * exist and never had a record.
	 */
	Integer firstYear(UUID organisationId) {
		Integer first = this.jdbc.queryForObject("select min(year) from statistical_record where organisation_id = ?",
				Integer.class, organisationId);
		Integer created = this.jdbc
			.queryForList("select extract(year from created_on)::int from organisation where id = ?", Integer.class,
					organisationId)
			.stream()
			.findFirst()
			.orElse(null);
		if (first == null) {
			return created;
		}
		return (created == null) ? first : Math.min(first, created);
	}

	/**
	 * Every atom of one organisation for the given quarters and dimensions (zeros
	 * included); the open cases are counted on the last day of each quarter in
	 * {@code snapshots}.
	 */
	Map<String, Long> atoms(UUID organisationId, Vocabulary vocabulary, List<YearQuarter> quarters,
			Set<Dimension> dimensions, List<YearQuarter> snapshots) {
		String scope = organisationId.toString();
		Map<String, Long> atoms = new LinkedHashMap<>();
		Set<String> periods = new HashSet<>();
		for (YearQuarter quarter : quarters) {
			periods.add(quarter.key());
		}
		for (Dimension dimension : dimensions) {
			List<YearQuarter> at = (dimension.population() == Population.OPEN) ? snapshots : quarters;
			for (String code : dimension.codes(vocabulary.categories(), vocabulary.units())) {
				for (YearQuarter quarter : at) {
					atoms.put(ReleaseShape.atom(scope, dimension, code, quarter.key()), 0L);
				}
			}
		}
		int from = quarters.get(0).year();
		int to = quarters.get(quarters.size() - 1).year();
		if (dimensions.contains(Dimension.RECEIVED_CHANNEL) || dimensions.contains(Dimension.ACKNOWLEDGEMENT)) {
			this.jdbc.query(RECEIVED, (rs) -> {
				String period = rs.getInt(1) + "-" + rs.getInt(2);
				if (periods.contains(period)) {
					long count = rs.getLong(5);
					add(atoms, dimensions, scope, Dimension.RECEIVED_CHANNEL, rs.getString(3), period, count);
					add(atoms, dimensions, scope, Dimension.ACKNOWLEDGEMENT,
							Dimension.ACKNOWLEDGEMENT_ROWS.get(rs.getBoolean(4) ? 0 : 1), period, count);
				}
			}, organisationId, from, to);
		}
		Set<String> categoryCodes = new HashSet<>(vocabulary.categories());
		Set<String> unitCodes = new HashSet<>(vocabulary.units());
		this.jdbc.query(CLOSED, (rs) -> {
			String period = rs.getInt(1) + "-" + rs.getInt(2);
			if (!periods.contains(period)) {
				return;
			}
			long count = rs.getLong(9);
			String category = rs.getString(3);
			String unit = rs.getString(4);
			Boolean onTime = (Boolean) rs.getObject(8);
			add(atoms, dimensions, scope, Dimension.CATEGORY,
					categoryCodes.contains(category) ? category : Dimension.OTHER_CATEGORY, period, count);
			add(atoms, dimensions, scope, Dimension.UNIT, unitCodes.contains(unit) ? unit : Dimension.NO_UNIT, period,
					count);
			add(atoms, dimensions, scope, Dimension.CHANNEL, rs.getString(5), period, count);
			add(atoms, dimensions, scope, Dimension.TRACK, rs.getString(6), period, count);
			add(atoms, dimensions, scope, Dimension.OUTCOME, rs.getString(7), period, count);
			add(atoms, dimensions, scope, Dimension.FEEDBACK,
					Dimension.FEEDBACK_ROWS.get((onTime == null) ? 2 : (onTime ? 0 : 1)), period, count);
		}, organisationId, from, to);
		if (dimensions.contains(Dimension.AGE) && !snapshots.isEmpty()) {
			openByAge(organisationId, scope, snapshots, atoms);
		}
		return atoms;
	}

	private static void add(Map<String, Long> atoms, Set<Dimension> dimensions, String scope, Dimension dimension,
			String code, String period, long count) {
		if (dimensions.contains(dimension)) {
			atoms.merge(ReleaseShape.atom(scope, dimension, code, period), count, Long::sum);
		}
	}

	/**
	 * Cases open on the last day of each quarter, by age: under 1 month, 1–3, 3–6, over 6
	 * months. One scan of the cases still open or closed after the earliest day.
	 */
	private void openByAge(UUID organisationId, String scope, List<YearQuarter> snapshots, Map<String, Long> atoms) {
		StringBuilder days = new StringBuilder();
		List<Object> arguments = new ArrayList<>();
		LocalDate earliest = null;
		for (int i = 0; i < snapshots.size(); i++) {
			days.append((i == 0) ? "" : ", ").append("(?, ?::date)");
			LocalDate day = snapshots.get(i).lastDay();
			arguments.add(snapshots.get(i).key());
			arguments.add(day);
			earliest = (earliest == null || day.isBefore(earliest)) ? day : earliest;
		}
		arguments.add(organisationId);
		arguments.add(earliest);
		this.jdbc.query("""
				select reference.period,
				    case when reference.day - received_on < 30 then 0
				         when reference.day - received_on < 91 then 1
				         when reference.day - received_on < 183 then 2 else 3 end,
				    count(*)
				from statistical_record
				join (values %s) as reference(period, day)
				    on received_on <= reference.day and (closed_on is null or closed_on > reference.day)
				where organisation_id = ? and received_on is not null
				    and (closed_on is null or closed_on > ?::date)
				group by 1, 2
				""".formatted(days), (rs) -> {
			atoms.merge(ReleaseShape.atom(scope, Dimension.AGE, Dimension.AGE_ROWS.get(rs.getInt(2)), rs.getString(1)),
					rs.getLong(3), Long::sum);
		}, arguments.toArray());
	}

	/** The median days to acknowledgement of the cases received in the quarters. */
	Median median(UUID organisationId, List<YearQuarter> quarters) {
		int from = quarters.get(0).year();
		int to = quarters.get(quarters.size() - 1).year();
		int first = quarters.get(0).year() * 4 + quarters.get(0).quarter();
		int last = to * 4 + quarters.get(quarters.size() - 1).quarter();
		return this.jdbc.queryForObject("""
				select count(days_to_acknowledge), percentile_cont(0.5) within group (order by days_to_acknowledge)
				from statistical_record
				where organisation_id = ? and year between ? and ? and year * 4 + quarter between ? and ?
				""", (rs, n) -> new Median(rs.getLong(1), (Double) rs.getObject(2)), organisationId, from, to, first,
				last);
	}

}

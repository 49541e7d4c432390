package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of a release before protection: which atoms each cell adds up (its
 * {@link ReleaseShape}) and the true counts. Pure: the counts come in as atoms.
 */
final class ReleaseDraft {

	/** One organisation counted in a release, with its configured rows. */
	record Scope(String id, List<String> categories, List<String> units) {
	}

	private ReleaseDraft() {
	}

	/**
	 * Every table of a release: every configured row, the period's columns. A pooled
	 * release (several scopes) is always grouped and has no units.
	 */
	static ReleaseShape shape(Period period, Granularity granularity, List<Scope> scopes) {
		boolean withUnits = scopes.size() == 1 && !scopes.get(0).units().isEmpty();
		if (scopes.size() > 1 && !granularity.grouped()) {
			throw new IllegalArgumentException("A pooled release counts broad groups only");
		}
		List<ReleaseShape.TableShape> tables = new ArrayList<>();
		for (Dimension dimension : granularity.dimensions(withUnits)) {
			tables.add(new ReleaseShape.TableShape(dimension, rows(dimension, granularity, scopes),
					columns(dimension, period, granularity), false));
		}
		return new ReleaseShape(tables);
	}

	private static List<ReleaseShape.Line> rows(Dimension dimension, Granularity granularity, List<Scope> scopes) {
		if (dimension == Dimension.CATEGORY && granularity.grouped()) {
			Map<CategoryGroup, List<String>> parts = new LinkedHashMap<>();
			for (CategoryGroup group : CategoryGroup.values()) {
				parts.put(group, new ArrayList<>());
			}
			for (Scope scope : scopes) {
				for (String code : dimension.codes(scope.categories(), scope.units())) {
					parts.get(CategoryGroup.of(code)).add(scope.id() + "|" + code);
				}
			}
			return parts.entrySet()
				.stream()
				.map((group) -> new ReleaseShape.Line(group.getKey().rowKey(), group.getValue()))
				.toList();
		}
		List<String> codes = dimension.codes(scopes.get(0).categories(), scopes.get(0).units());
		List<ReleaseShape.Line> rows = new ArrayList<>();
		for (String code : codes) {
			rows.add(new ReleaseShape.Line(code, scopes.stream().map((scope) -> scope.id() + "|" + code).toList()));
		}
		return rows;
	}

	private static List<ReleaseShape.Line> columns(Dimension dimension, Period period, Granularity granularity) {
		List<YearQuarter> quarters = period.quarters();
		if (dimension.population() == Population.OPEN) {
			// a stock, not a flow: the cases open on the last day of the period
			return List.of(new ReleaseShape.Line(period.key(), List.of(quarters.get(quarters.size() - 1).key())));
		}
		if (granularity == Granularity.QUARTERS) {
			return quarters.stream().map((q) -> new ReleaseShape.Line("Q" + q.quarter(), List.of(q.key()))).toList();
		}
		return List.of(new ReleaseShape.Line(period.key(), quarters.stream().map(YearQuarter::key).toList()));
	}

	/**
	 * Whether any category (or group) count is at least k, so that protection could leave
	 * one to show; when none is, a finer release is not worth auditing.
	 */
	static boolean mayShowACategory(ReleaseShape shape, List<CountTable> tables, int k) {
		for (int t = 0; t < tables.size(); t++) {
			if (shape.tables().get(t).dimension() != Dimension.CATEGORY) {
				continue;
			}
			CountTable table = tables.get(t);
			for (int r = 0; r < table.rows(); r++) {
				for (int c = 0; c < table.columns(); c++) {
					if (table.value(r, c) >= k) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** The true count of every cell, from the atoms. */
	static List<CountTable> tables(ReleaseShape shape, Map<String, Long> atoms) {
		List<CountTable> tables = new ArrayList<>();
		for (ReleaseShape.TableShape table : shape.tables()) {
			long[][] interior = new long[table.rows().size()][table.columns().size()];
			for (int r = 0; r < interior.length; r++) {
				for (int c = 0; c < interior[r].length; c++) {
					for (String atom : table.atoms(r, c)) {
						interior[r][c] += atoms.getOrDefault(atom, 0L);
					}
				}
			}
			tables.add(new CountTable(table.dimension().tableName(),
					table.rows().stream().map(ReleaseShape.Line::key).toList(),
					table.columns().stream().map(ReleaseShape.Line::key).toList(), interior));
		}
		return tables;
	}

	/**
	 * The same tables with noise on their finest cells, each cell an atom of its own that
	 * no other release shares: totals stay sums of the noisy cells, so every table adds
	 * up.
	 */
	static Noisy withNoise(String releaseId, ReleaseShape shape, List<CountTable> tables, GeometricNoise noise) {
		String scope = "r:" + releaseId;
		List<ReleaseShape.TableShape> isolated = new ArrayList<>();
		Map<String, Long> atoms = new LinkedHashMap<>();
		List<CountTable> noisy = new ArrayList<>();
		for (int t = 0; t < tables.size(); t++) {
			ReleaseShape.TableShape table = shape.tables().get(t);
			CountTable exact = tables.get(t);
			long[][] interior = exact.interior();
			List<ReleaseShape.Line> rows = new ArrayList<>();
			for (String row : exact.rowKeys()) {
				rows.add(new ReleaseShape.Line(row, List.of(scope + "|" + row)));
			}
			List<ReleaseShape.Line> columns = new ArrayList<>();
			for (String column : exact.columnKeys()) {
				columns.add(new ReleaseShape.Line(column, List.of(column)));
			}
			for (int r = 0; r < interior.length; r++) {
				for (int c = 0; c < interior[r].length; c++) {
					String atom = ReleaseShape.atom(scope, table.dimension(), exact.rowKey(r), exact.columnKey(c));
					interior[r][c] = noise.noisy(atom, interior[r][c]);
					atoms.put(atom, interior[r][c]);
				}
			}
			isolated.add(new ReleaseShape.TableShape(table.dimension(), rows, columns, true));
			noisy.add(new CountTable(exact.name(), exact.rowKeys(), exact.columnKeys(), interior));
		}
		return new Noisy(new ReleaseShape(isolated), atoms, noisy);
	}

	/** A noisy release: its isolated shape, its noisy atoms and its noisy tables. */
	record Noisy(ReleaseShape shape, Map<String, Long> atoms, List<CountTable> tables) {
	}

}

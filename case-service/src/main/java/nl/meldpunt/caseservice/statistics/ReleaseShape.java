package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which true counts stand behind every cell of a release, kept with it so that the
 * auditor can relate any later release to it. A count (an "atom") is one organisation's
 * cases of one quarter in one row of one dimension, keyed
 * {@code scope|DIMENSION|code|quarter}; a row names its parts as {@code scope|code}, a
 * column its quarters. An isolated table (a noisy one) has atoms of its own that nothing
 * else shares.
 */
record ReleaseShape(List<TableShape> tables) {

	ReleaseShape {
		tables = List.copyOf(tables);
	}

	/** A row or column: its key and the parts it adds up. */
	record Line(String key, List<String> parts) {

		Line {
			parts = List.copyOf(parts);
		}

	}

	/** One table: rows, then columns, each without the totals. */
	record TableShape(Dimension dimension, List<Line> rows, List<Line> columns, boolean isolated) {

		TableShape {
			rows = List.copyOf(rows);
			columns = List.copyOf(columns);
		}

		/**
		 * The atoms of a cell of the grid; {@code row == rows().size()} is the totals
		 * row, {@code column == columns().size()} the totals column.
		 */
		List<String> atoms(int row, int column) {
			List<String> rowParts = (row == this.rows.size()) ? all(this.rows) : this.rows.get(row).parts();
			List<String> columnParts = (column == this.columns.size()) ? all(this.columns)
					: this.columns.get(column).parts();
			List<String> atoms = new ArrayList<>(rowParts.size() * columnParts.size());
			for (String rowPart : rowParts) {
				int bar = rowPart.indexOf('|');
				String scope = rowPart.substring(0, bar);
				String code = rowPart.substring(bar + 1);
				for (String columnPart : columnParts) {
					atoms.add(atom(scope, this.dimension, code, columnPart));
				}
			}
			return atoms;
		}

		/** The scopes (organisations) this table counts. */
		Set<String> scopes() {
			Set<String> scopes = new LinkedHashSet<>();
			for (Line row : this.rows) {
				for (String part : row.parts()) {
					scopes.add(part.substring(0, part.indexOf('|')));
				}
			}
			return scopes;
		}

		/** Every quarter (or isolated column) this table counts. */
		Set<String> periods() {
			return new LinkedHashSet<>(all(this.columns));
		}

		private static List<String> all(List<Line> lines) {
			Set<String> parts = new LinkedHashSet<>();
			for (Line line : lines) {
				parts.addAll(line.parts());
			}
			return new ArrayList<>(parts);
		}

	}

	static String atom(String scope, Dimension dimension, String code, String period) {
		return scope + "|" + dimension.name() + "|" + code + "|" + period;
	}

	static String scopeOf(String atom) {
		return atom.substring(0, atom.indexOf('|'));
	}

}

package nl.meldpunt.caseservice.statistics;

import java.util.Arrays;
import java.util.List;

/**
 * A two-way table of true counts together with its row totals, column totals and grand
 * total, held as one grid: the last row holds the column totals, the last column the row
 * totals. It never leaves the server; {@link CellSuppression} turns it into a
 * {@link PublishedTable}.
 */
final class CountTable {

	/** The key of the totals row and of the totals column. */
	static final String TOTAL = "total";

	private final String name;

	private final List<String> rowKeys;

	private final List<String> columnKeys;

	private final long[][] grid;

	CountTable(String name, List<String> rowKeys, List<String> columnKeys, long[][] interior) {
		if (rowKeys.isEmpty() || columnKeys.isEmpty()) {
			throw new IllegalArgumentException("A table needs at least one row and one column");
		}
		if (interior.length != rowKeys.size()) {
			throw new IllegalArgumentException("Expected " + rowKeys.size() + " rows");
		}
		this.name = name;
		this.rowKeys = List.copyOf(rowKeys);
		this.columnKeys = List.copyOf(columnKeys);
		int rows = rowKeys.size();
		int columns = columnKeys.size();
		this.grid = new long[rows + 1][columns + 1];
		for (int r = 0; r < rows; r++) {
			if (interior[r].length != columns) {
				throw new IllegalArgumentException("Expected " + columns + " columns in row " + r);
			}
			for (int c = 0; c < columns; c++) {
				long value = interior[r][c];
				if (value < 0) {
					throw new IllegalArgumentException("Counts are never negative");
				}
				this.grid[r][c] = value;
				this.grid[r][columns] += value;
				this.grid[rows][c] += value;
				this.grid[rows][columns] += value;
			}
		}
	}

	String name() {
		return this.name;
	}

	/** Interior rows, without the totals row. */
	int rows() {
		return this.rowKeys.size();
	}

	/** Interior columns, without the totals column. */
	int columns() {
		return this.columnKeys.size();
	}

	/**
	 * A cell of the whole grid: {@code row == rows()} or {@code column == columns()} are
	 * totals.
	 */
	long value(int row, int column) {
		return this.grid[row][column];
	}

	String rowKey(int row) {
		return (row == rows()) ? TOTAL : this.rowKeys.get(row);
	}

	String columnKey(int column) {
		return (column == columns()) ? TOTAL : this.columnKeys.get(column);
	}

	List<String> rowKeys() {
		return this.rowKeys;
	}

	List<String> columnKeys() {
		return this.columnKeys;
	}

	long[][] interior() {
		long[][] copy = new long[rows()][];
		for (int r = 0; r < rows(); r++) {
			copy[r] = Arrays.copyOf(this.grid[r], columns());
		}
		return copy;
	}

}

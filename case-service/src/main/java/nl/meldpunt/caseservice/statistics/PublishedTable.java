package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * A protected table: interior rows, then the totals row; in every row the interior
 * columns, then the row total. Only {@link CellSuppression} makes one.
 */
public record PublishedTable(String name, List<String> rowKeys, List<String> columnKeys,
		List<List<PublishedCount>> cells) {

	public PublishedTable {
		rowKeys = List.copyOf(rowKeys);
		columnKeys = List.copyOf(columnKeys);
		cells = cells.stream().map(List::copyOf).toList();
	}

	static PublishedTable of(CountTable table, boolean[][] suppressed, int minCellSize) {
		List<String> rows = new ArrayList<>(table.rowKeys());
		rows.add(CountTable.TOTAL);
		List<String> columns = new ArrayList<>(table.columnKeys());
		columns.add(CountTable.TOTAL);
		List<List<PublishedCount>> cells = new ArrayList<>();
		for (int r = 0; r <= table.rows(); r++) {
			List<PublishedCount> row = new ArrayList<>();
			for (int c = 0; c <= table.columns(); c++) {
				row.add(suppressed[r][c] ? PublishedCount.hidden(minCellSize)
						: PublishedCount.shown(table.value(r, c)));
			}
			cells.add(row);
		}
		return new PublishedTable(table.name(), rows, columns, cells);
	}

	/** The cell at an interior or totals position. */
	public PublishedCount cell(int row, int column) {
		return this.cells.get(row).get(column);
	}

	/** The totals row. */
	public List<PublishedCount> totalsRow() {
		return this.cells.get(this.cells.size() - 1);
	}

	/** The row totals, one per row including the grand total. */
	public List<PublishedCount> totalsColumn() {
		return this.cells.stream().map((row) -> row.get(row.size() - 1)).toList();
	}

}

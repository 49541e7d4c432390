package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Disclosure control for a set of linked tables (same population, same columns):
 * <ol>
 * <li>primary suppression: every count below k, totals included, is hidden;</li>
 * <li>complementary suppression per table: the hidden cells form a bipartite graph (rows
 * and columns of the grid as nodes, hidden cells as edges), and a hidden cell can be
 * recovered from the row and column equations exactly when its edge is a bridge, so more
 * cells are hidden, cheapest first, until every hidden cell lies on a cycle;</li>
 * <li>linked tables: the totals row and the {@code sharedRows} are hidden alike in every
 * table, and {@link LinearDisclosure} finally checks the combined equations of all
 * tables, hiding more where it still finds a recoverable cell.</li>
 * </ol>
 * Hiding everything is always safe, so the loop ends.
 */
final class CellSuppression {

	private CellSuppression() {
	}

	static List<PublishedTable> protect(List<CountTable> tables, Set<String> sharedRows, int minCellSize) {
		List<boolean[][]> masks = hide(tables, sharedRows, minCellSize);
		List<PublishedTable> published = new ArrayList<>();
		for (int t = 0; t < tables.size(); t++) {
			published.add(PublishedTable.of(tables.get(t), masks.get(t), minCellSize));
		}
		return published;
	}

	/** The hidden cells of every table's grid. */
	static List<boolean[][]> hide(List<CountTable> tables, Set<String> sharedRows, int minCellSize) {
		for (CountTable table : tables) {
			if (!table.columnKeys().equals(tables.get(0).columnKeys())) {
				throw new IllegalArgumentException("Linked tables share their columns");
			}
		}
		List<boolean[][]> masks = new ArrayList<>();
		for (CountTable table : tables) {
			boolean[][] mask = new boolean[table.rows() + 1][table.columns() + 1];
			for (int r = 0; r <= table.rows(); r++) {
				for (int c = 0; c <= table.columns(); c++) {
					mask[r][c] = table.value(r, c) < minCellSize;
				}
			}
			masks.add(mask);
		}
		while (true) {
			boolean changed = false;
			for (int t = 0; t < tables.size(); t++) {
				changed |= closeBridges(tables.get(t), masks.get(t));
			}
			changed |= alignSharedRows(tables, masks, sharedRows);
			if (changed) {
				continue;
			}
			List<LinearDisclosure.CellRef> exposed = LinearDisclosure.determinedCells(tables, masks, sharedRows);
			if (exposed.isEmpty()) {
				return masks;
			}
			hideNeighbour(tables, masks, exposed.get(0));
		}
	}

	private static boolean alignSharedRows(List<CountTable> tables, List<boolean[][]> masks, Set<String> sharedRows) {
		boolean changed = false;
		for (int t = 0; t < tables.size(); t++) {
			CountTable table = tables.get(t);
			for (int r = 0; r <= table.rows(); r++) {
				String key = table.rowKey(r);
				if (!key.equals(CountTable.TOTAL) && !sharedRows.contains(key)) {
					continue;
				}
				for (int c = 0; c <= table.columns(); c++) {
					if (masks.get(t)[r][c]) {
						changed |= hideEverywhere(tables, masks, key, c);
					}
				}
			}
		}
		return changed;
	}

	private static boolean hideEverywhere(List<CountTable> tables, List<boolean[][]> masks, String rowKey, int c) {
		boolean changed = false;
		for (int t = 0; t < tables.size(); t++) {
			CountTable table = tables.get(t);
			for (int r = 0; r <= table.rows(); r++) {
				if (table.rowKey(r).equals(rowKey) && !masks.get(t)[r][c]) {
					masks.get(t)[r][c] = true;
					changed = true;
				}
			}
		}
		return changed;
	}

	/** Hides cells until no hidden cell of this table is a bridge; true if it hid any. */
	static boolean closeBridges(CountTable table, boolean[][] mask) {
		boolean changed = false;
		SuppressionGraph graph = new SuppressionGraph(table.rows() + 1, table.columns() + 1, mask);
		int[] bridge = graph.findBridge();
		while (bridge != null) {
			int[] cell = cheapest(table, mask, graph.sidesWithout(bridge));
			mask[cell[0]][cell[1]] = true;
			changed = true;
			graph = new SuppressionGraph(table.rows() + 1, table.columns() + 1, mask);
			bridge = graph.findBridge();
		}
		return changed;
	}

	/**
	 * The cheapest visible cell that closes a cycle through the bridge, or else at least
	 * grows one side of it: interior cells before totals, then the smallest count.
	 */
	private static int[] cheapest(CountTable table, boolean[][] mask, SuppressionGraph.Sides sides) {
		int[] best = null;
		long bestCost = Long.MAX_VALUE;
		for (int r = 0; r <= table.rows(); r++) {
			for (int c = 0; c <= table.columns(); c++) {
				if (mask[r][c]) {
					continue;
				}
				int rowSide = sides.rowSide(r);
				int columnSide = sides.columnSide(c);
				boolean closes = rowSide != 0 && columnSide != 0 && rowSide != columnSide;
				boolean grows = (rowSide == 0) != (columnSide == 0);
				if (!closes && !grows) {
					continue;
				}
				int totals = ((r == table.rows()) ? 1 : 0) + ((c == table.columns()) ? 1 : 0);
				long cost = ((closes ? 0L : 4L) + totals) * (1L << 40) + table.value(r, c);
				if (cost < bestCost) {
					bestCost = cost;
					best = new int[] { r, c };
				}
			}
		}
		if (best == null) {
			throw new IllegalStateException("No cell left to hide next to a bridge");
		}
		return best;
	}

	private static void hideNeighbour(List<CountTable> tables, List<boolean[][]> masks, LinearDisclosure.CellRef at) {
		CountTable table = tables.get(at.table());
		boolean[][] mask = masks.get(at.table());
		int[] best = smallestVisible(table, mask, at, true);
		if (best == null) {
			best = smallestVisible(table, mask, at, false);
		}
		if (best == null) {
			for (boolean[] row : mask) {
				Arrays.fill(row, true);
			}
			return;
		}
		mask[best[0]][best[1]] = true;
	}

	private static int[] smallestVisible(CountTable table, boolean[][] mask, LinearDisclosure.CellRef at,
			boolean neighboursOnly) {
		int[] best = null;
		long bestValue = Long.MAX_VALUE;
		for (int r = 0; r <= table.rows(); r++) {
			for (int c = 0; c <= table.columns(); c++) {
				boolean neighbour = r == at.row() || c == at.column();
				// interior cells first: a hidden total next to a shown part reads oddly
				int totals = ((r == table.rows()) ? 1 : 0) + ((c == table.columns()) ? 1 : 0);
				long cost = totals * (1L << 40) + table.value(r, c);
				if (!mask[r][c] && (neighbour || !neighboursOnly) && cost < bestValue) {
					bestValue = cost;
					best = new int[] { r, c };
				}
			}
		}
		return best;
	}

}

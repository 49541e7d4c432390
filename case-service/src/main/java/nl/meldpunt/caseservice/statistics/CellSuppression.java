package nl.meldpunt.caseservice.statistics;

/**
 * Complementary suppression within one table: the hidden cells form a bipartite graph
 * (rows and columns of the grid as nodes, hidden cells as edges), and a hidden cell can
 * be recovered from the row and column equations exactly when its edge is a bridge, so
 * more cells are hidden, cheapest first, until every hidden cell lies on a cycle. A fast
 * first pass; {@link DisclosureAudit} then checks every table of every release together.
 */
final class CellSuppression {

	private CellSuppression() {
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

}

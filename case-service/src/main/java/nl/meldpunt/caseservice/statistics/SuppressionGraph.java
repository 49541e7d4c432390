package nl.meldpunt.caseservice.statistics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The hidden cells of one grid as a bipartite graph: row nodes {@code 0..rows-1}, column
 * nodes {@code rows..rows+columns-1}, one edge per hidden cell. With every row and column
 * summing to its (published or hidden) total, the free directions of the hidden values
 * are exactly the cycles of this graph, so a hidden cell is recoverable if and only if
 * its edge is a bridge.
 */
final class SuppressionGraph {

	/** Which side of a removed bridge a node lies on: 1, 2, or 0 for neither. */
	record Sides(int[] side, int rows) {

		int rowSide(int r) {
			return this.side[r];
		}

		int columnSide(int c) {
			return this.side[this.rows + c];
		}

	}

	private final int rows;

	private final List<int[]> edges = new ArrayList<>();

	private final List<List<Integer>> incident = new ArrayList<>();

	SuppressionGraph(int rows, int columns, boolean[][] hidden) {
		this.rows = rows;
		for (int i = 0; i < rows + columns; i++) {
			this.incident.add(new ArrayList<>());
		}
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < columns; c++) {
				if (hidden[r][c]) {
					int index = this.edges.size();
					this.edges.add(new int[] { r, c });
					this.incident.get(r).add(index);
					this.incident.get(rows + c).add(index);
				}
			}
		}
	}

	/**
	 * A bridge as {@code {row, column}}, or null when every hidden cell lies on a cycle.
	 */
	int[] findBridge() {
		for (int e = 0; e < this.edges.size(); e++) {
			int[] edge = this.edges.get(e);
			int[] reach = reach(edge[0], e);
			if (reach[this.rows + edge[1]] == 0) {
				return edge;
			}
		}
		return null;
	}

	Sides sidesWithout(int[] bridge) {
		int skip = -1;
		for (int e = 0; e < this.edges.size(); e++) {
			if (this.edges.get(e)[0] == bridge[0] && this.edges.get(e)[1] == bridge[1]) {
				skip = e;
			}
		}
		int[] one = reach(bridge[0], skip);
		int[] two = reach(this.rows + bridge[1], skip);
		int[] side = new int[one.length];
		for (int i = 0; i < side.length; i++) {
			side[i] = (one[i] != 0) ? 1 : ((two[i] != 0) ? 2 : 0);
		}
		return new Sides(side, this.rows);
	}

	private int[] reach(int start, int skipEdge) {
		int[] seen = new int[this.incident.size()];
		Deque<Integer> queue = new ArrayDeque<>();
		seen[start] = 1;
		queue.add(start);
		while (!queue.isEmpty()) {
			int node = queue.poll();
			for (int e : this.incident.get(node)) {
				if (e == skipEdge) {
					continue;
				}
				int[] edge = this.edges.get(e);
				int other = (node < this.rows) ? this.rows + edge[1] : edge[0];
				if (seen[other] == 0) {
					seen[other] = 1;
					queue.add(other);
				}
			}
		}
		return seen;
	}

}

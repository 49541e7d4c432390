package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exact attacker: which hidden cells of a set of linked tables can be worked out from
 * the published cells by any linear combination of the row and column equations?
 * Gauss-Jordan elimination over the integers (exact, overflow is an error): a hidden cell
 * is pinned down exactly when its unit vector lies in the row space of the equations
 * restricted to the hidden cells. The totals row and the rows named in {@code sharedRows}
 * are the same unknowns in every table that has them.
 */
final class LinearDisclosure {

	/** A cell of one table's grid (including its totals). */
	record CellRef(int table, int row, int column) {
	}

	private LinearDisclosure() {
	}

	static List<CellRef> determinedCells(List<CountTable> tables, List<boolean[][]> hidden, Set<String> sharedRows) {
		Map<String, Integer> variables = new LinkedHashMap<>();
		Map<Integer, CellRef> firstSeen = new LinkedHashMap<>();
		List<List<int[]>> equations = new ArrayList<>();
		for (int t = 0; t < tables.size(); t++) {
			CountTable table = tables.get(t);
			boolean[][] mask = hidden.get(t);
			int rows = table.rows();
			int columns = table.columns();
			for (int r = 0; r <= rows; r++) {
				List<int[]> equation = new ArrayList<>();
				for (int c = 0; c <= columns; c++) {
					addTerm(equation, variables, firstSeen, tables, t, mask, r, c, (c == columns) ? -1 : 1, sharedRows);
				}
				equations.add(equation);
			}
			for (int c = 0; c <= columns; c++) {
				List<int[]> equation = new ArrayList<>();
				for (int r = 0; r <= rows; r++) {
					addTerm(equation, variables, firstSeen, tables, t, mask, r, c, (r == rows) ? -1 : 1, sharedRows);
				}
				equations.add(equation);
			}
		}
		int n = variables.size();
		List<long[]> matrix = new ArrayList<>();
		for (List<int[]> equation : equations) {
			if (!equation.isEmpty()) {
				long[] row = new long[n];
				for (int[] term : equation) {
					row[term[0]] += term[1];
				}
				matrix.add(row);
			}
		}
		List<CellRef> determined = new ArrayList<>();
		for (int variable : solvedVariables(matrix, n)) {
			determined.add(firstSeen.get(variable));
		}
		return determined;
	}

	private static void addTerm(List<int[]> equation, Map<String, Integer> variables, Map<Integer, CellRef> firstSeen,
			List<CountTable> tables, int t, boolean[][] mask, int r, int c, int sign, Set<String> sharedRows) {
		if (!mask[r][c]) {
			return;
		}
		CountTable table = tables.get(t);
		String rowKey = table.rowKey(r);
		boolean shared = rowKey.equals(CountTable.TOTAL) || sharedRows.contains(rowKey);
		String id = shared ? "shared:" + rowKey + ":" + c : t + ":" + r + ":" + c;
		Integer index = variables.computeIfAbsent(id, (key) -> variables.size());
		firstSeen.putIfAbsent(index, new CellRef(t, r, c));
		equation.add(new int[] { index, sign });
	}

	/** Gauss-Jordan; returns the variables whose reduced row has no other unknown. */
	static List<Integer> solvedVariables(List<long[]> matrix, int n) {
		int pivotRow = 0;
		List<Integer> pivotColumns = new ArrayList<>();
		for (int column = 0; column < n && pivotRow < matrix.size(); column++) {
			int found = -1;
			for (int r = pivotRow; r < matrix.size(); r++) {
				if (matrix.get(r)[column] != 0) {
					found = r;
					break;
				}
			}
			if (found < 0) {
				continue;
			}
			long[] pivot = matrix.get(found);
			matrix.set(found, matrix.get(pivotRow));
			matrix.set(pivotRow, pivot);
			for (int r = 0; r < matrix.size(); r++) {
				long[] row = matrix.get(r);
				if (r != pivotRow && row[column] != 0) {
					long a = pivot[column];
					long b = row[column];
					for (int j = 0; j < n; j++) {
						row[j] = Math.subtractExact(Math.multiplyExact(a, row[j]), Math.multiplyExact(b, pivot[j]));
					}
					normalise(row);
				}
			}
			pivotColumns.add(column);
			pivotRow++;
		}
		List<Integer> solved = new ArrayList<>();
		for (int r = 0; r < pivotColumns.size(); r++) {
			long[] row = matrix.get(r);
			int nonZero = 0;
			for (long value : row) {
				if (value != 0) {
					nonZero++;
				}
			}
			if (nonZero == 1) {
				solved.add(pivotColumns.get(r));
			}
		}
		return solved;
	}

	private static void normalise(long[] row) {
		long gcd = 0;
		for (long value : row) {
			gcd = gcd(gcd, Math.abs(value));
		}
		if (gcd > 1) {
			for (int j = 0; j < row.length; j++) {
				row[j] /= gcd;
			}
		}
	}

	private static long gcd(long a, long b) {
		return (b == 0) ? a : gcd(b, a % b);
	}

}

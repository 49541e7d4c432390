package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellSuppressionUnitTest {

	private static final Set<String> NONE = Set.of();

	@Test
	void closeBridgesWhenEveryTwoByTwoAndTwoByThreeTableThenNoHiddenCellIsRecoverable() {
		int[] values = { 0, 1, 2, 4, 5, 7 };
		for (int k = 3; k <= 5; k++) {
			for (int code = 0; code < Math.pow(values.length, 4); code++) {
				assertSafe(List.of(table("t", 2, 2, digits(code, values, 4))), NONE, k);
			}
		}
		int[] sparse = { 0, 2, 5, 9 };
		for (int code = 0; code < Math.pow(sparse.length, 6); code++) {
			assertSafe(List.of(table("t", 2, 3, digits(code, sparse, 6))), NONE, 5);
			assertSafe(List.of(table("t", 3, 2, digits(code, sparse, 6))), NONE, 3);
		}
	}

	@Test
	void closeBridgesWhenOneColumnTablesThenNoHiddenCellIsRecoverable() {
		int[] values = { 0, 1, 3, 6, 11 };
		for (int code = 0; code < Math.pow(values.length, 5); code++) {
			assertSafe(List.of(table("t", 5, 1, digits(code, values, 5))), NONE, 5);
		}
	}

	@Test
	void closeBridgesWhenManyRandomTablesThenNoHiddenCellIsRecoverable() {
		Random random = new Random(20261122);
		for (int i = 0; i < 3000; i++) {
			int rows = 1 + random.nextInt(8);
			int columns = 1 + random.nextInt(5);
			long[] cells = new long[rows * columns];
			for (int j = 0; j < cells.length; j++) {
				cells[j] = random.nextInt(3) == 0 ? random.nextInt(5) : random.nextInt(40);
			}
			assertSafe(List.of(table("t", rows, columns, cells)), NONE, 3 + random.nextInt(5));
		}
	}

	/**
	 * Hides every count from 1 to k − 1, closes the bridges, and checks that no hidden
	 * cell is left a bridge and none falls to repeated subtraction.
	 */
	private static void assertSafe(List<CountTable> tables, Set<String> sharedRows, int k) {
		List<PublishedTable> published = new ArrayList<>();
		for (CountTable table : tables) {
			boolean[][] mask = new boolean[table.rows() + 1][table.columns() + 1];
			for (int r = 0; r <= table.rows(); r++) {
				for (int c = 0; c <= table.columns(); c++) {
					mask[r][c] = table.value(r, c) >= 1 && table.value(r, c) < k;
				}
			}
			CellSuppression.closeBridges(table, mask);
			for (int r = 0; r <= table.rows(); r++) {
				for (int c = 0; c <= table.columns(); c++) {
					if (table.value(r, c) >= 1 && table.value(r, c) < k) {
						assertThat(mask[r][c]).as("cell from 1 to k - 1 hidden").isTrue();
					}
				}
			}
			assertThat(new SuppressionGraph(table.rows() + 1, table.columns() + 1, mask).findBridge())
				.as("a hidden cell left as a bridge")
				.isNull();
			published.add(PublishedTable.of(table, mask, k));
		}
		assertThat(SubtractionAttack.recovered(published, sharedRows)).as("recovered by subtraction").isEmpty();
		for (PublishedTable table : published) {
			for (List<PublishedCount> row : table.cells()) {
				for (PublishedCount cell : row) {
					assertThat(cell.display()).isEqualTo(cell.suppressed() ? "< " + k : cell.count().toString());
				}
			}
		}
	}

	private static CountTable table(String name, int rows, int columns, long[] cells) {
		List<String> rowKeys = new ArrayList<>();
		List<String> columnKeys = new ArrayList<>();
		long[][] interior = new long[rows][columns];
		for (int r = 0; r < rows; r++) {
			rowKeys.add("r" + r);
			for (int c = 0; c < columns; c++) {
				interior[r][c] = cells[r * columns + c];
			}
		}
		for (int c = 0; c < columns; c++) {
			columnKeys.add("c" + c);
		}
		return new CountTable(name, rowKeys, columnKeys, interior);
	}

	private static long[] digits(int code, int[] values, int length) {
		long[] cells = new long[length];
		for (int i = 0; i < length; i++) {
			cells[i] = values[code % values.length];
			code /= values.length;
		}
		return cells;
	}

}

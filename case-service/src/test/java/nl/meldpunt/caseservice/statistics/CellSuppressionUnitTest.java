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
	void protectWhenEveryTwoByTwoAndTwoByThreeTableThenNoHiddenCellIsRecoverable() {
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
	void protectWhenOneColumnTablesThenNoHiddenCellIsRecoverable() {
		int[] values = { 0, 1, 3, 6, 11 };
		for (int code = 0; code < Math.pow(values.length, 5); code++) {
			assertSafe(List.of(table("t", 5, 1, digits(code, values, 5))), NONE, 5);
		}
	}

	@Test
	void protectWhenManyRandomTablesThenNoHiddenCellIsRecoverable() {
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

	@Test
	void protectWhenLinkedTablesShareTotalsAndUnclassifiedRowThenNothingIsRecoverableAcrossThem() {
		Random random = new Random(7);
		for (int i = 0; i < 600; i++) {
			int records = random.nextInt(120);
			int[] sizes = { 1 + random.nextInt(6), 2, 1 + random.nextInt(5) };
			long[][][] counts = new long[sizes.length][][];
			for (int d = 0; d < sizes.length; d++) {
				counts[d] = new long[sizes[d] + 1][4];
			}
			for (int n = 0; n < records; n++) {
				int quarter = random.nextInt(4);
				boolean classified = random.nextInt(4) != 0;
				for (int d = 0; d < sizes.length; d++) {
					int row = (classified || d == 1) ? random.nextInt(sizes[d]) : sizes[d];
					counts[d][row][quarter]++;
				}
			}
			List<CountTable> tables = new ArrayList<>();
			for (int d = 0; d < sizes.length; d++) {
				List<String> keys = new ArrayList<>();
				for (int r = 0; r < sizes[d]; r++) {
					keys.add("v" + r);
				}
				long[][] interior = counts[d];
				if (d == 1) {
					interior = new long[][] { add(counts[1][0], counts[1][2]), counts[1][1] };
				}
				else {
					keys.add("unclassified");
				}
				tables.add(new CountTable("d" + d, keys, List.of("Q1", "Q2", "Q3", "Q4"), interior));
			}
			assertSafe(tables, Set.of("unclassified"), 3 + random.nextInt(4));
		}
	}

	@Test
	void determinedCellsWhenTwoHiddenBlocksJoinedByOneCellThenTheJoiningCellIsFoundWhereSubtractionFails() {
		// hidden: a 2x2 block in rows 0-1 / columns 0-1, another in rows 2-3 / columns
		// 2-3,
		// and cell (1,2) joining them: every line has two hidden cells, so simple
		// subtraction stalls, but the sum of rows 0-1 minus columns 0-1 pins (1,2) down
		CountTable table = table("t", 4, 4, new long[16]);
		boolean[][] mask = new boolean[5][5];
		for (int[] cell : new int[][] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 }, { 2, 2 }, { 2, 3 }, { 3, 2 }, { 3, 3 },
				{ 1, 2 } }) {
			mask[cell[0]][cell[1]] = true;
		}
		assertThat(LinearDisclosure.determinedCells(List.of(table), List.<boolean[][]>of(mask), NONE))
			.containsExactly(new LinearDisclosure.CellRef(0, 1, 2));
		assertThat(SubtractionAttack.recovered(List.of(PublishedTable.of(table, mask, 5)), NONE)).isEmpty();
		assertThat(new SuppressionGraph(5, 5, mask).findBridge()).containsExactly(1, 2);
	}

	@Test
	void protectWhenSingleSmallCellThenItsRowAndColumnGetComplementsAndOthersStayVisible() {
		CountTable table = table("t", 3, 3, new long[] { 2, 10, 12, 9, 20, 30, 11, 15, 40 });
		PublishedTable published = CellSuppression.protect(List.of(table), NONE, 5).get(0);
		assertThat(published.cell(0, 0).display()).isEqualTo("< 5");
		assertThat(published.cell(0, 0).count()).isNull();
		long hiddenInFirstRow = published.cells().get(0).stream().filter(PublishedCount::suppressed).count();
		long hiddenInFirstColumn = published.cells().stream().filter((row) -> row.get(0).suppressed()).count();
		assertThat(hiddenInFirstRow).isEqualTo(2);
		assertThat(hiddenInFirstColumn).isEqualTo(2);
		assertThat(published.cell(3, 3).count()).isEqualTo(149);
		assertThat(published.cell(2, 2).count()).isEqualTo(40);
	}

	@Test
	void protectWhenNothingIsSmallThenEverythingIsShown() {
		CountTable table = table("t", 2, 2, new long[] { 5, 6, 7, 8 });
		PublishedTable published = CellSuppression.protect(List.of(table), NONE, 5).get(0);
		assertThat(published.cells()).allSatisfy((row) -> assertThat(row).noneMatch(PublishedCount::suppressed));
	}

	private static void assertSafe(List<CountTable> tables, Set<String> sharedRows, int k) {
		List<boolean[][]> masks = CellSuppression.hide(tables, sharedRows, k);
		List<PublishedTable> published = new ArrayList<>();
		for (int t = 0; t < tables.size(); t++) {
			CountTable table = tables.get(t);
			published.add(PublishedTable.of(table, masks.get(t), k));
			for (int r = 0; r <= table.rows(); r++) {
				for (int c = 0; c <= table.columns(); c++) {
					if (table.value(r, c) < k) {
						assertThat(masks.get(t)[r][c]).as("cell below k hidden").isTrue();
					}
				}
			}
		}
		assertThat(SubtractionAttack.recovered(published, sharedRows)).as("recovered by subtraction").isEmpty();
		assertThat(LinearDisclosure.determinedCells(tables, masks, sharedRows)).as("recovered by linear algebra")
			.isEmpty();
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

	private static long[] add(long[] a, long[] b) {
		long[] sum = new long[a.length];
		for (int i = 0; i < a.length; i++) {
			sum[i] = a[i] + b[i];
		}
		return sum;
	}

}

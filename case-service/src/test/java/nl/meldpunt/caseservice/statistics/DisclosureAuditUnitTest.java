package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor against the leaks of issue 11, on small hand-made releases: each pattern is
 * one the live dashboard published (fixed-quarter tables of a year still running, one
 * category equal to its total, a figure recomputed after one case changed), each passes a
 * table-by-table check, and each falls to the linear programs.
 */
class DisclosureAuditUnitTest {

	static final int K = 5;

	static final List<String> ROWS = List.of("racism", "bullying", "other");

	@Test
	void findingsWhenZerosOfEmptyFutureQuartersAndARowEqualToItsTotalThenSmallCellsAreNarrowedThoughNoHiddenCellIsABridge() {
		// a year still running: Q3 and Q4 are empty; racism is every case of Q1
		long[][] counts = { { 6, 2, 0, 0 }, { 0, 5, 0, 0 }, { 0, 1, 0, 0 } };
		CountTable table = quarters(counts);
		boolean[][] mask = primary(table);
		CellSuppression.closeBridges(table, mask);
		assertThat(new SuppressionGraph(table.rows() + 1, table.columns() + 1, mask).findBridge()).isNull();
		DisclosureAudit.Release release = release("live", counts, true, List.<boolean[][]>of(mask));
		List<DisclosureAudit.Finding> findings = audit(List.of(release)).findings();
		assertThat(findings).extracting(DisclosureAudit.Finding::what)
			.anyMatch((what) -> what.contains("could be shown to be below 5"))
			.anyMatch((what) -> what.contains("every case shares one value"));
	}

	@Test
	void protectWhenZerosOfEmptyQuartersAndARowEqualToItsTotalThenNothingIsLeftNarrowed() {
		long[][] counts = { { 6, 2, 0, 0 }, { 0, 5, 0, 0 }, { 0, 1, 0, 0 } };
		DisclosureAudit.Release candidate = release("year", counts, true, List.of());
		ReleaseProtection.Result result = ReleaseProtection.protect(List.of(), candidate, List.of(quarters(counts)),
				Map.of("o", K), Map.of("o", K - 1), List.of());
		assertThat(result.inherited()).isEmpty();
		DisclosureAudit.Release published = release("year", counts, true, result.hidden());
		assertThat(audit(List.of(published)).findings()).isEmpty();
		assertThat(result.hidden().get(0)[2][1]).as("the 1 is hidden").isTrue();
	}

	@Test
	void findingsWhenOneColumnEqualsItsTotalThenEveryCaseSharingTheCategoryIsADisclosure() {
		long[][] counts = { { 7 }, { 0 }, { 0 } };
		boolean[][] nothingHidden = new boolean[4][2];
		DisclosureAudit.Release release = release("year", counts, false, List.<boolean[][]>of(nothingHidden));
		assertThat(audit(List.of(release)).findings()).extracting(DisclosureAudit.Finding::what)
			.anyMatch((what) -> what.contains("every case shares one value"));
		DisclosureAudit.Release candidate = release("year", counts, false, List.of());
		ReleaseProtection.Result result = ReleaseProtection.protect(List.of(), candidate, List.of(year(counts)),
				Map.of("o", K), Map.of("o", K - 1), List.of());
		assertThat(audit(List.of(release("year", counts, false, result.hidden()))).findings()).isEmpty();
		assertThat(result.hidden().get(0)[0][0]).isTrue();
	}

	@Test
	void findingsWhenARecomputedFigureDiffersByTheOneCaseThatChangedThenTheChangeIsPinned() {
		long[][] before = { { 7 }, { 6 }, { 0 } };
		long[][] after = { { 8 }, { 6 }, { 0 } };
		DisclosureAudit.Release first = release("v1", before, false, List.<boolean[][]>of(visible(before)));
		DisclosureAudit.Release second = release("v2", after, false, List.<boolean[][]>of(visible(after)));
		// each on its own is fine: no count between 1 and 4
		assertThat(audit(List.of(second)).findings()).isEmpty();
		assertThat(audit(List.of(first, second)).findings()).extracting(DisclosureAudit.Finding::what)
			.anyMatch((what) -> what.startsWith("revision of o|CATEGORY|racism"));
		ReleaseProtection.Result result = ReleaseProtection.protect(List.of(first),
				release("v2", after, false, List.of()), List.of(year(after)), Map.of("o", K), Map.of("o", K - 1),
				List.of());
		assertThat(audit(List.of(first, release("v2", after, false, result.hidden()))).findings()).isEmpty();
	}

	@Test
	void findingsWhenAPoolMemberSubtractsItsOwnCountsThenAnotherMembersSmallCountIsPinnedAndProtectionHidesIt() {
		// members a, b, c: a 8 (published), b 3 and c 1 (hidden); the pool publishes 12
		DisclosureAudit.Release a = member("a", 8, false);
		DisclosureAudit.Release b = member("b", 3, true);
		DisclosureAudit.Release c = member("c", 1, true);
		ReleaseShape shape = new ReleaseShape(List.of(new ReleaseShape.TableShape(Dimension.CATEGORY,
				List.of(new ReleaseShape.Line("group-discrimination", List.of("a|racism", "b|racism", "c|racism"))),
				List.of(new ReleaseShape.Line("2026", List.of("2026-1"))), false)));
		Map<String, Long> atoms = Map.of("a|CATEGORY|racism|2026-1", 8L, "b|CATEGORY|racism|2026-1", 3L,
				"c|CATEGORY|racism|2026-1", 1L);
		DisclosureAudit.Release pool = new DisclosureAudit.Release("pool", shape, atoms,
				List.<boolean[][]>of(new boolean[2][2]), K, K - 1);
		Map<String, Integer> k = Map.of("a", K, "b", K, "c", K);
		Map<String, Integer> protection = Map.of("a", K - 1, "b", K - 1, "c", K - 1);
		DisclosureAudit outsider = new DisclosureAudit(List.of(a, b, c, pool), k, protection, List.of());
		assertThat(outsider.findings()).isEmpty();
		DisclosureAudit members = new DisclosureAudit(List.of(a, b, c, pool), k, protection, List.of("a", "b", "c"));
		assertThat(members.findings()).extracting(DisclosureAudit.Finding::what)
			.anyMatch((what) -> what.contains("c|CATEGORY|racism") && what.endsWith("(known to b)"));
		CountTable table = new CountTable("category", List.of("group-discrimination"), List.of("2026"),
				new long[][] { { 12 } });
		ReleaseProtection.Result result = ReleaseProtection.protect(List.of(a, b, c),
				new DisclosureAudit.Release("pool", shape, atoms, List.of(), K, K - 1), List.of(table), k, protection,
				List.of("a", "b", "c"));
		assertThat(result.hidden().get(0)[0][0]).as("the pooled 12 is hidden").isTrue();
		assertThat(new DisclosureAudit(
				List.of(a, b, c, new DisclosureAudit.Release("pool", shape, atoms, result.hidden(), K, K - 1)), k,
				protection, List.of("a", "b", "c"))
			.findings()).isEmpty();
	}

	private static DisclosureAudit.Release member(String scope, long count, boolean hidden) {
		ReleaseShape shape = new ReleaseShape(List.of(new ReleaseShape.TableShape(Dimension.CATEGORY,
				List.of(new ReleaseShape.Line("racism", List.of(scope + "|racism"))),
				List.of(new ReleaseShape.Line("2026", List.of("2026-1"))), false)));
		boolean[][] mask = new boolean[2][2];
		for (boolean[] row : mask) {
			java.util.Arrays.fill(row, hidden);
		}
		return new DisclosureAudit.Release(scope, shape, Map.of(scope + "|CATEGORY|racism|2026-1", count),
				List.<boolean[][]>of(mask), K, K - 1);
	}

	static DisclosureAudit audit(List<DisclosureAudit.Release> releases) {
		return new DisclosureAudit(releases, Map.of("o", K), Map.of("o", K - 1), List.of());
	}

	/**
	 * A category table of organisation {@code o}, 2026: in quarters, or the year in one
	 * column (atoms per quarter all the same: the counts stand in Q1).
	 */
	static DisclosureAudit.Release release(String id, long[][] counts, boolean inQuarters, List<boolean[][]> hidden) {
		List<ReleaseShape.Line> rows = new ArrayList<>();
		for (String row : ROWS) {
			rows.add(new ReleaseShape.Line(row, List.of("o|" + row)));
		}
		List<ReleaseShape.Line> columns = new ArrayList<>();
		if (inQuarters) {
			for (int q = 1; q <= 4; q++) {
				columns.add(new ReleaseShape.Line("Q" + q, List.of("2026-" + q)));
			}
		}
		else {
			columns.add(new ReleaseShape.Line("2026", List.of("2026-1", "2026-2", "2026-3", "2026-4")));
		}
		Map<String, Long> atoms = new LinkedHashMap<>();
		for (int r = 0; r < ROWS.size(); r++) {
			for (int q = 1; q <= 4; q++) {
				long value = inQuarters ? counts[r][q - 1] : ((q == 1) ? counts[r][0] : 0);
				atoms.put("o|CATEGORY|" + ROWS.get(r) + "|2026-" + q, value);
			}
		}
		ReleaseShape shape = new ReleaseShape(
				List.of(new ReleaseShape.TableShape(Dimension.CATEGORY, rows, columns, false)));
		return new DisclosureAudit.Release(id, shape, atoms, hidden, K, K - 1);
	}

	static CountTable quarters(long[][] counts) {
		return new CountTable("category", ROWS, List.of("Q1", "Q2", "Q3", "Q4"), counts);
	}

	static CountTable year(long[][] counts) {
		return new CountTable("category", ROWS, List.of("2026"), counts);
	}

	static boolean[][] primary(CountTable table) {
		boolean[][] mask = new boolean[table.rows() + 1][table.columns() + 1];
		for (int r = 0; r <= table.rows(); r++) {
			for (int c = 0; c <= table.columns(); c++) {
				mask[r][c] = table.value(r, c) >= 1 && table.value(r, c) < K;
			}
		}
		return mask;
	}

	static boolean[][] visible(long[][] counts) {
		return new boolean[counts.length + 1][counts[0].length + 1];
	}

}

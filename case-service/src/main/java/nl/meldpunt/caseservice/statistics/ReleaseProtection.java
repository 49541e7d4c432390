package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Suppression that survives the auditor. First every count from 1 to k − 1 is hidden, and
 * per table enough others that none can be recovered from its own rows and columns
 * ({@link CellSuppression#closeBridges}); then {@link DisclosureAudit} checks the
 * candidate together with every earlier release, and while it finds a disclosure, one
 * more cell of the candidate is hidden: the nearest visible cell to the leak, an interior
 * cell before a total, the smallest first. Hiding cells only ever widens what an attacker
 * cannot rule out, and hiding every cell of the candidate adds nothing to what was
 * published before, so this ends. A disclosure that no cell of the candidate touches
 * comes from earlier releases alone; it is reported, not blamed on the candidate.
 */
final class ReleaseProtection {

	/** The hidden cells, what was left over from earlier releases, and the effort. */
	record Result(List<boolean[][]> hidden, List<String> inherited, int cellsHiddenByAudit, int linearPrograms,
			int unknowns) {
	}

	private ReleaseProtection() {
	}

	/**
	 * @param earlier every release published before, in publication order
	 * @param candidate the release to protect, its {@code hidden} masks ignored
	 * @param tables the candidate's true counts, one per table of its shape
	 */
	static Result protect(List<DisclosureAudit.Release> earlier, DisclosureAudit.Release candidate,
			List<CountTable> tables, Map<String, Integer> minCellSize, Map<String, Integer> protection,
			List<String> viewpoints) {
		int k = candidate.minCellSize();
		List<boolean[][]> masks = new ArrayList<>();
		for (int t = 0; t < tables.size(); t++) {
			CountTable table = tables.get(t);
			boolean[][] mask = new boolean[table.rows() + 1][table.columns() + 1];
			for (int r = 0; r <= table.rows(); r++) {
				for (int c = 0; c <= table.columns(); c++) {
					long value = table.value(r, c);
					mask[r][c] = value >= 1 && value < k;
				}
			}
			if (candidate.shape().tables().get(t).dimension().aboutReporters()) {
				hideWhereOneValueIsAll(table, mask);
			}
			CellSuppression.closeBridges(table, mask);
			masks.add(mask);
		}
		List<DisclosureAudit.Release> all = new ArrayList<>(earlier);
		all.add(new DisclosureAudit.Release(candidate.id(), candidate.shape(), candidate.truth(), masks,
				candidate.minCellSize(), candidate.protection()));
		DisclosureAudit audit = new DisclosureAudit(all, minCellSize, protection, viewpoints);
		List<String> inherited = new ArrayList<>();
		int hiddenByAudit = 0;
		while (true) {
			List<DisclosureAudit.Finding> findings = audit.findings();
			inherited.clear();
			boolean fixedAny = false;
			for (DisclosureAudit.Finding finding : findings) {
				// cells hidden for an earlier finding of this pass may have answered it
				if (fixedAny && !audit.holds(finding)) {
					continue;
				}
				int[] next = cheapest(audit.closestCandidateCells(finding.variables()), tables);
				if (next == null) {
					inherited.add(finding.what());
					continue;
				}
				// hide, nearest and cheapest first, until this one is answered
				do {
					masks.get(next[0])[next[1]][next[2]] = true;
					CellSuppression.closeBridges(tables.get(next[0]), masks.get(next[0]));
					hiddenByAudit++;
					fixedAny = true;
					if (!audit.holds(finding)) {
						break;
					}
					next = cheapest(audit.closestCandidateCells(finding.variables()), tables);
				}
				while (next != null);
			}
			if (!fixedAny) {
				alignTotals(candidate.shape(), masks);
				return new Result(masks, List.copyOf(inherited), hiddenByAudit, audit.solved(), audit.variables());
			}
		}
	}

	/**
	 * The tables of one population count the same cases, so their totals row is the same
	 * numbers: where one table shows a total, every table of the population shows it (it
	 * tells nothing the shown one does not), rather than "< k" beside a number.
	 */
	static void alignTotals(ReleaseShape shape, List<boolean[][]> masks) {
		for (Population population : List.of(Population.RECEIVED, Population.CLOSED)) {
			List<Integer> tables = new ArrayList<>();
			for (int t = 0; t < shape.tables().size(); t++) {
				ReleaseShape.TableShape table = shape.tables().get(t);
				if (!table.isolated() && table.dimension().population() == population) {
					tables.add(t);
				}
			}
			if (tables.isEmpty()) {
				continue;
			}
			int columns = shape.tables().get(tables.get(0)).columns().size();
			for (int c = 0; c <= columns; c++) {
				boolean shown = false;
				for (int t : tables) {
					boolean[][] mask = masks.get(t);
					shown |= !mask[mask.length - 1][c];
				}
				if (shown) {
					for (int t : tables) {
						boolean[][] mask = masks.get(t);
						mask[mask.length - 1][c] = false;
					}
				}
			}
		}
	}

	/**
	 * A line (row or column) whose cases all share one value gives that away: its one
	 * non-zero cell is hidden together with a zero of the line, so that the zero may have
	 * been more. A first pass; the audit checks what is left.
	 */
	static void hideWhereOneValueIsAll(CountTable table, boolean[][] mask) {
		int rows = table.rows();
		int columns = table.columns();
		for (int r = 0; r <= rows && columns >= 2; r++) {
			int only = -1;
			int zero = -1;
			int nonZero = 0;
			for (int c = 0; c < columns; c++) {
				if (table.value(r, c) > 0) {
					nonZero++;
					only = c;
				}
				else if (zero < 0 || mask[r][c]) {
					zero = c;
				}
			}
			if (nonZero == 1) {
				mask[r][only] = true;
				mask[r][zero] = true;
			}
		}
		for (int c = 0; c <= columns && rows >= 2; c++) {
			int only = -1;
			int zero = -1;
			int nonZero = 0;
			for (int r = 0; r < rows; r++) {
				if (table.value(r, c) > 0) {
					nonZero++;
					only = r;
				}
				else if (zero < 0 || mask[r][c]) {
					zero = r;
				}
			}
			if (nonZero == 1) {
				mask[only][c] = true;
				mask[zero][c] = true;
			}
		}
	}

	private static int[] cheapest(List<int[]> cells, List<CountTable> tables) {
		int[] best = null;
		long bestCost = Long.MAX_VALUE;
		for (int[] cell : cells) {
			CountTable table = tables.get(cell[0]);
			int totals = ((cell[1] == table.rows()) ? 1 : 0) + ((cell[2] == table.columns()) ? 1 : 0);
			long cost = totals * (1L << 40) + table.value(cell[1], cell[2]);
			if (cost < bestCost) {
				bestCost = cost;
				best = cell;
			}
		}
		return best;
	}

}

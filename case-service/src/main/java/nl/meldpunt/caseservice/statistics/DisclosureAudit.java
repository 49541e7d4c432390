package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The auditor inside the product: it takes every release an organisation (or a pool)
 * published, plus the one about to be published, and asks what an attacker holding all of
 * them can work out, as linear programs over the true counts with non-negativity
 * ({@link LinearBounds}).
 * <p>
 * The unknowns are the atoms of {@link ReleaseShape}: one organisation's cases of one
 * quarter in one row of one dimension. Two releases that counted the same atom with the
 * same true value share the unknown (the attacker is granted that they are equal); a
 * revised value is a new unknown, and the change between the two is protected like a
 * count. The equations are every published (visible) cell, and for every release the fact
 * that all dimensions of one population add up to the same number per quarter and
 * organisation (margins and totals across tables). Shares are published only where their
 * part and whole are published, so they add nothing beyond those counts.
 * <p>
 * A disclosure is any of:
 * <ul>
 * <li>a count between 1 and k − 1 (an atom, a hidden cell, or a revision) whose interval
 * does not reach both 0 and the protection bound (by default k − 1);</li>
 * <li>a line (row or column) of a table about reporters in which every case is known to
 * share one value: every other cell of the line is pinned to 0 while the line is not
 * empty;</li>
 * <li>for a pooled release, any of the above for the other members when one member
 * subtracts its own true counts.</li>
 * </ul>
 */
final class DisclosureAudit {

	/** A published release (or the candidate), as the auditor sees it. */
	record Release(String id, ReleaseShape shape, Map<String, Long> truth, List<boolean[][]> hidden, int minCellSize,
			int protection) {
	}

	/**
	 * A disclosure: what leaks, the unknowns it concerns, and the question that failed.
	 */
	record Finding(String what, Set<Integer> variables, String viewpoint, Object question) {
	}

	/** One question to the linear programs: can {@code Σ terms} reach the bound? */
	private record Condition(String what, Map<Integer, Integer> terms, double bound, boolean atLeast) {
	}

	private final List<Release> releases;

	private final Map<String, Integer> variables = new LinkedHashMap<>();

	private final List<Long> values = new ArrayList<>();

	private final List<String> scopes = new ArrayList<>();

	/** Per release, per table: the unknowns of every cell of the grid. */
	private final List<List<Map<Integer, Integer>[][]>> cells = new ArrayList<>();

	private final List<Map<Integer, Integer>> linking = new ArrayList<>();

	private final Map<String, List<Condition>> conditions = new LinkedHashMap<>();

	private final Map<String, List<double[]>> witnesses = new HashMap<>();

	private final Map<String, Set<Condition>> answered = new HashMap<>();

	private int solved;

	/**
	 * @param releases every release in publication order, the candidate last
	 * @param minCellSize k of every organisation (scope); isolated scopes use their
	 * release's
	 * @param protection the upper end of the protection interval per scope
	 * @param viewpoints organisations that know their own true counts (the members of a
	 * pool), besides the outsider who knows only what was published
	 */
	DisclosureAudit(List<Release> releases, Map<String, Integer> minCellSize, Map<String, Integer> protection,
			List<String> viewpoints) {
		this.releases = List.copyOf(releases);
		for (Release release : this.releases) {
			List<Map<Integer, Integer>[][]> tables = new ArrayList<>();
			for (ReleaseShape.TableShape table : release.shape().tables()) {
				@SuppressWarnings("unchecked")
				Map<Integer, Integer>[][] grid = new Map[table.rows().size() + 1][table.columns().size() + 1];
				for (int r = 0; r <= table.rows().size(); r++) {
					for (int c = 0; c <= table.columns().size(); c++) {
						Map<Integer, Integer> terms = new TreeMap<>();
						for (String atom : table.atoms(r, c)) {
							terms.merge(variable(atom, release.truth().getOrDefault(atom, 0L)), 1, Integer::sum);
						}
						grid[r][c] = terms;
					}
				}
				tables.add(grid);
			}
			this.cells.add(tables);
			link(release);
		}
		this.conditions.put("", conditions(null, minCellSize, protection));
		for (String viewpoint : viewpoints) {
			this.conditions.put(viewpoint, conditions(viewpoint, minCellSize, protection));
		}
	}

	int variables() {
		return this.values.size();
	}

	/** How many linear programs the audit has solved so far. */
	int solved() {
		return this.solved;
	}

	/** The unknowns of one cell of one release's table. */
	Map<Integer, Integer> cell(int release, int table, int row, int column) {
		return this.cells.get(release).get(table)[row][column];
	}

	/**
	 * Every disclosure under the releases' current hidden cells. Hiding more cells only
	 * widens what the attacker cannot rule out, so a question answered once stays
	 * answered and its witnesses stay feasible: a repeated call only re-asks what failed.
	 */
	List<Finding> findings() {
		List<Finding> findings = new ArrayList<>();
		for (Map.Entry<String, List<Condition>> viewpoint : this.conditions.entrySet()) {
			List<Condition> open = new ArrayList<>();
			Set<Condition> done = this.answered.computeIfAbsent(viewpoint.getKey(), (v) -> new HashSet<>());
			for (Condition condition : viewpoint.getValue()) {
				if (!done.contains(condition)) {
					open.add(condition);
				}
			}
			if (open.isEmpty()) {
				continue;
			}
			LinearBounds bounds = bounds(viewpoint.getKey().isEmpty() ? null : viewpoint.getKey());
			List<double[]> kept = this.witnesses.computeIfAbsent(viewpoint.getKey(), (v) -> new ArrayList<>());
			kept.forEach(bounds::witness);
			// two programs that push every open question at once usually answer most of
			// them
			Map<Integer, Integer> up = new TreeMap<>();
			Map<Integer, Integer> down = new TreeMap<>();
			for (Condition condition : open) {
				condition.terms().forEach((v, c) -> (condition.atLeast() ? up : down).merge(v, c, Integer::sum));
			}
			if (open.size() > 2) {
				bounds.explore(up, true);
				bounds.explore(down, false);
			}
			for (Condition condition : open) {
				if (bounds.reaches(condition.terms(), condition.bound(), condition.atLeast())) {
					done.add(condition);
				}
				else {
					String who = viewpoint.getKey().isEmpty() ? "" : " (known to " + viewpoint.getKey() + ")";
					findings.add(new Finding(condition.what() + who, condition.terms().keySet(), viewpoint.getKey(),
							condition));
				}
			}
			kept.clear();
			kept.addAll(bounds.witnesses());
			this.solved += bounds.solved();
		}
		return findings;
	}

	/**
	 * Whether one finding still holds under the releases' current hidden cells (cheaper
	 * than asking every question again).
	 */
	boolean holds(Finding finding) {
		Condition condition = (Condition) finding.question();
		LinearBounds bounds = bounds(finding.viewpoint().isEmpty() ? null : finding.viewpoint());
		this.witnesses.getOrDefault(finding.viewpoint(), List.of()).forEach(bounds::witness);
		boolean answered = bounds.reaches(condition.terms(), condition.bound(), condition.atLeast());
		this.solved += bounds.solved();
		if (answered) {
			this.answered.computeIfAbsent(finding.viewpoint(), (v) -> new HashSet<>()).add(condition);
			List<double[]> kept = this.witnesses.computeIfAbsent(finding.viewpoint(), (v) -> new ArrayList<>());
			kept.clear();
			kept.addAll(bounds.witnesses());
		}
		return !answered;
	}

	/**
	 * The visible cells of the last release (the candidate) nearest to the given unknowns
	 * through the published equations, as {@code {table, row, column}}: hiding one of
	 * them is what can widen what those unknowns may be. Empty when no candidate cell is
	 * connected (the finding comes from earlier releases alone).
	 */
	List<int[]> closestCandidateCells(Set<Integer> start) {
		List<Map<Integer, Integer>> equations = new ArrayList<>();
		List<int[]> owners = new ArrayList<>();
		int last = this.releases.size() - 1;
		for (int r = 0; r <= last; r++) {
			Release release = this.releases.get(r);
			for (int t = 0; t < release.shape().tables().size(); t++) {
				Map<Integer, Integer>[][] grid = this.cells.get(r).get(t);
				for (int row = 0; row < grid.length; row++) {
					for (int column = 0; column < grid[row].length; column++) {
						if (!release.hidden().get(t)[row][column]) {
							equations.add(grid[row][column]);
							owners.add((r == last) ? new int[] { t, row, column } : null);
						}
					}
				}
			}
		}
		for (Map<Integer, Integer> equation : this.linking) {
			equations.add(equation);
			owners.add(null);
		}
		Map<Integer, List<Integer>> touching = new HashMap<>();
		for (int e = 0; e < equations.size(); e++) {
			for (int v : equations.get(e).keySet()) {
				touching.computeIfAbsent(v, (x) -> new ArrayList<>()).add(e);
			}
		}
		Set<Integer> seen = new HashSet<>(start);
		Set<Integer> used = new HashSet<>();
		List<Integer> frontier = new ArrayList<>(start);
		while (!frontier.isEmpty()) {
			List<int[]> found = new ArrayList<>();
			List<Integer> next = new ArrayList<>();
			for (int v : frontier) {
				for (int e : touching.getOrDefault(v, List.of())) {
					if (!used.add(e)) {
						continue;
					}
					if (owners.get(e) != null) {
						found.add(owners.get(e));
					}
					for (int other : equations.get(e).keySet()) {
						if (seen.add(other)) {
							next.add(other);
						}
					}
				}
			}
			if (!found.isEmpty()) {
				return found;
			}
			frontier = next;
		}
		return List.of();
	}

	/** The published equations (and the viewpoint's own counts) as linear programs. */
	private LinearBounds bounds(String viewpoint) {
		long[] truth = this.values.stream().mapToLong(Long::longValue).toArray();
		LinearBounds bounds = new LinearBounds(truth);
		for (int r = 0; r < this.releases.size(); r++) {
			Release release = this.releases.get(r);
			for (int t = 0; t < release.shape().tables().size(); t++) {
				boolean[][] hidden = release.hidden().get(t);
				Map<Integer, Integer>[][] grid = this.cells.get(r).get(t);
				for (int row = 0; row < grid.length; row++) {
					for (int column = 0; column < grid[row].length; column++) {
						if (!hidden[row][column]) {
							bounds.equation(grid[row][column]);
						}
					}
				}
			}
		}
		this.linking.forEach(bounds::equation);
		if (viewpoint != null) {
			for (int v = 0; v < this.values.size(); v++) {
				if (this.scopes.get(v).equals(viewpoint)) {
					bounds.equation(Map.of(v, 1));
				}
			}
		}
		return bounds;
	}

	private int variable(String atom, long value) {
		return this.variables.computeIfAbsent(atom + "=" + value, (key) -> {
			this.values.add(value);
			this.scopes.add(ReleaseShape.scopeOf(atom));
			return this.values.size() - 1;
		});
	}

	/**
	 * Within one release, every dimension of a population counts the same cases of one
	 * organisation in one quarter.
	 */
	private void link(Release release) {
		Map<String, List<ReleaseShape.TableShape>> byPopulation = new LinkedHashMap<>();
		for (ReleaseShape.TableShape table : release.shape().tables()) {
			if (!table.isolated() && table.dimension().population() != Population.OPEN) {
				byPopulation.computeIfAbsent(table.dimension().population().name(), (p) -> new ArrayList<>())
					.add(table);
			}
		}
		Set<Map<Integer, Integer>> seen = new HashSet<>(this.linking);
		for (List<ReleaseShape.TableShape> tables : byPopulation.values()) {
			for (String scope : tables.get(0).scopes()) {
				for (String period : tables.get(0).periods()) {
					Map<Integer, Integer> first = sum(release, tables.get(0), scope, period);
					for (int i = 1; i < tables.size(); i++) {
						Map<Integer, Integer> equation = new TreeMap<>(first);
						sum(release, tables.get(i), scope, period)
							.forEach((v, c) -> equation.merge(v, -c, Integer::sum));
						equation.values().removeIf((c) -> c == 0);
						if (!equation.isEmpty() && seen.add(equation)) {
							this.linking.add(equation);
						}
					}
				}
			}
		}
	}

	private Map<Integer, Integer> sum(Release release, ReleaseShape.TableShape table, String scope, String period) {
		Map<Integer, Integer> terms = new TreeMap<>();
		for (ReleaseShape.Line row : table.rows()) {
			for (String part : row.parts()) {
				if (part.startsWith(scope + "|")) {
					String atom = ReleaseShape.atom(scope, table.dimension(), part.substring(scope.length() + 1),
							period);
					terms.merge(variable(atom, release.truth().getOrDefault(atom, 0L)), 1, Integer::sum);
				}
			}
		}
		return terms;
	}

	private List<Condition> conditions(String viewpoint, Map<String, Integer> minCellSize,
			Map<String, Integer> protection) {
		Set<Condition> found = new LinkedHashSet<>();
		// every small atom, and every change of an atom between releases
		Map<String, List<Integer>> revisions = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> variable : this.variables.entrySet()) {
			int v = variable.getValue();
			String scope = this.scopes.get(v);
			if (scope.equals(viewpoint)) {
				continue;
			}
			String atom = variable.getKey().substring(0, variable.getKey().lastIndexOf('='));
			revisions.computeIfAbsent(atom, (a) -> new ArrayList<>()).add(v);
			int k = minCellSize.getOrDefault(scope, isolatedMinCellSize(scope));
			int upper = protection.getOrDefault(scope, k - 1);
			protect(found, "count " + atom, Map.of(v, 1), this.values.get(v), k, upper);
		}
		for (Map.Entry<String, List<Integer>> atom : revisions.entrySet()) {
			List<Integer> versions = atom.getValue();
			for (int i = 1; i < versions.size(); i++) {
				int before = versions.get(i - 1);
				int after = versions.get(i);
				String scope = this.scopes.get(after);
				int k = minCellSize.getOrDefault(scope, isolatedMinCellSize(scope));
				int upper = protection.getOrDefault(scope, k - 1);
				long change = this.values.get(after) - this.values.get(before);
				Map<Integer, Integer> terms = (change > 0) ? Map.of(after, 1, before, -1)
						: Map.of(before, 1, after, -1);
				protect(found, "revision of " + atom.getKey(), terms, Math.abs(change), k, upper);
			}
		}
		for (int r = 0; r < this.releases.size(); r++) {
			Release release = this.releases.get(r);
			for (int t = 0; t < release.shape().tables().size(); t++) {
				ReleaseShape.TableShape table = release.shape().tables().get(t);
				Map<Integer, Integer>[][] grid = this.cells.get(r).get(t);
				for (int row = 0; row < grid.length; row++) {
					for (int column = 0; column < grid[row].length; column++) {
						if (!release.hidden().get(t)[row][column]) {
							continue;
						}
						Map<Integer, Integer> terms = without(grid[row][column], viewpoint);
						protect(found,
								"hidden cell " + table.dimension().tableName() + "[" + row + "][" + column + "] of "
										+ release.id(),
								terms, truth(terms), release.minCellSize(), release.protection());
					}
				}
				if (viewpoint == null && table.dimension().aboutReporters()) {
					sharedByAll(found, release, table, grid);
				}
			}
		}
		return new ArrayList<>(found);
	}

	/** A count of 1 to k − 1 must be able to be 0, and as high as the protection. */
	private static void protect(Set<Condition> found, String what, Map<Integer, Integer> terms, long trueValue, int k,
			int upper) {
		if (trueValue >= 1 && trueValue <= k - 1 && !terms.isEmpty()) {
			found.add(new Condition(what + " could be pinned near its true value", terms, 0, false));
			found.add(new Condition(what + " could be shown to be below " + (upper + 1), terms, Math.max(upper, k - 1),
					true));
		}
	}

	/**
	 * Lines in which every case of the line truly shares one value must leave room for
	 * another value.
	 */
	private void sharedByAll(Set<Condition> found, Release release, ReleaseShape.TableShape table,
			Map<Integer, Integer>[][] grid) {
		int rows = table.rows().size();
		int columns = table.columns().size();
		for (int row = 0; row <= rows && columns >= 2; row++) {
			List<Map<Integer, Integer>> line = new ArrayList<>();
			for (int column = 0; column < columns; column++) {
				line.add(grid[row][column]);
			}
			shared(found, release.id() + " " + table.dimension().tableName() + " row " + row, line);
		}
		for (int column = 0; column <= columns && rows >= 2; column++) {
			List<Map<Integer, Integer>> line = new ArrayList<>();
			for (int row = 0; row < rows; row++) {
				line.add(grid[row][column]);
			}
			shared(found, release.id() + " " + table.dimension().tableName() + " column " + column, line);
		}
	}

	private void shared(Set<Condition> found, String what, List<Map<Integer, Integer>> line) {
		int nonZero = -1;
		for (int i = 0; i < line.size(); i++) {
			if (truth(line.get(i)) > 0) {
				if (nonZero >= 0) {
					return;
				}
				nonZero = i;
			}
		}
		if (nonZero < 0) {
			return;
		}
		Map<Integer, Integer> others = new TreeMap<>();
		for (int i = 0; i < line.size(); i++) {
			if (i != nonZero) {
				line.get(i).forEach((v, c) -> others.merge(v, c, Integer::sum));
			}
		}
		found.add(new Condition(what + ": every case shares one value", others, 1, true));
	}

	private Map<Integer, Integer> without(Map<Integer, Integer> terms, String viewpoint) {
		if (viewpoint == null) {
			return terms;
		}
		Map<Integer, Integer> rest = new TreeMap<>(terms);
		rest.keySet().removeIf((v) -> this.scopes.get(v).equals(viewpoint));
		return rest;
	}

	private long truth(Map<Integer, Integer> terms) {
		long sum = 0;
		for (Map.Entry<Integer, Integer> term : terms.entrySet()) {
			sum += term.getValue() * this.values.get(term.getKey());
		}
		return sum;
	}

	private int isolatedMinCellSize(String scope) {
		for (Release release : this.releases) {
			if (scope.equals("r:" + release.id())) {
				return release.minCellSize();
			}
		}
		return DisclosureSettings.DEFAULT_MIN_CELL_SIZE;
	}

}

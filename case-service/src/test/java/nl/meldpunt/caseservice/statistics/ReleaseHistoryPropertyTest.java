package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property over random small organisations (3 to 110 reports a year) and their release
 * histories, the way the publisher makes them: years stepped up until something shows,
 * quarters after a year published in quarters, corrections of published periods, and a
 * pooled release of three of them. After every publication an attacker written apart from
 * the product (its own model of the published equations, solved with Apache Commons
 * Math's simplex instead of ojAlgo) asks, for every count from 1 to k − 1 (a quarter's
 * count, a hidden cell, a revision, and for the pool whatever another member's own counts
 * leave), its smallest and largest value: it must still reach 0 and the protection bound.
 * A seeded loop (the seed is in the failure message), bounded so that it runs in seconds.
 */
class ReleaseHistoryPropertyTest {

	static final List<String> CATEGORIES = List.of("racism", "religion", "gender", "sexual-orientation", "disability",
			"age", "bullying", "aggression", "integrity", "other");

	static final int HISTORIES = 6;

	/** A published release as the attacker holds it (plus its truth, for the check). */
	record Published(DisclosureAudit.Release release, int k, int protection) {
	}

	@Test
	void historiesWhenRandomSmallOrganisationsPublishThenNoCountBelowKIsEverNarrowedPastItsProtection() {
		for (int history = 0; history < HISTORIES; history++) {
			long seed = 20261126L + history;
			Random random = new Random(seed);
			// from a 200-person employer to a large one: 3 to 110 reports a year
			int size = new int[] { 3, 8, 20, 45, 80, 110 }[history];
			Organisation organisation = new Organisation("o" + history, size, random);
			List<Published> published = new ArrayList<>();
			int k = 3 + random.nextInt(4);
			organisation.publishHistory(published, k, random, seed);
			// more releases only ever narrow: what holds after the last held after each
			new Attacker(published, Map.of(organisation.scope.id(), k), Map.of(organisation.scope.id(), k - 1), null)
				.assertProtected("seed " + seed);
		}
	}

	@Test
	void poolWhenThreeRandomMembersPublishThenNoMemberNarrowsAnotherPastItsProtection() {
		for (int history = 0; history < 1; history++) {
			long seed = 77_000L + history;
			Random random = new Random(seed);
			List<Published> published = new ArrayList<>();
			List<Organisation> members = new ArrayList<>();
			Map<String, Integer> k = new HashMap<>();
			Map<String, Integer> protection = new HashMap<>();
			for (int m = 0; m < 3; m++) {
				Organisation member = new Organisation("m" + history + "x" + m, 3 + random.nextInt(30), random);
				members.add(member);
				int memberK = 3 + random.nextInt(3);
				member.publishHistory(published, memberK, random, seed);
				k.put(member.scope.id(), memberK);
				protection.put(member.scope.id(), memberK - 1);
			}
			Period period = Period.year(2025);
			ReleaseShape shape = ReleaseDraft.shape(period, Granularity.YEAR_GROUPED,
					members.stream().map((m) -> m.scope).toList());
			Map<String, Long> atoms = new LinkedHashMap<>();
			members.forEach((m) -> atoms.putAll(m.atoms));
			int poolK = k.values().stream().max(Integer::compare).orElseThrow();
			List<CountTable> tables = ReleaseDraft.tables(shape, atoms);
			DisclosureAudit.Release candidate = new DisclosureAudit.Release("pool", shape, atoms, List.of(), poolK,
					poolK - 1);
			List<String> viewpoints = members.stream().map((m) -> m.scope.id()).toList();
			ReleaseProtection.Result result = ReleaseProtection.protect(
					published.stream().map(Published::release).toList(), candidate, tables, k, protection, viewpoints);
			published
				.add(new Published(new DisclosureAudit.Release("pool", shape, atoms, result.hidden(), poolK, poolK - 1),
						poolK, poolK - 1));
			for (String viewpoint : viewpoints) {
				new Attacker(published, k, protection, viewpoint).assertProtected("pool seed " + seed);
			}
			new Attacker(published, k, protection, null).assertProtected("pool seed " + seed);
		}
	}

	/** A random organisation: its true counts for 2024 and 2025. */
	static final class Organisation {

		final ReleaseDraft.Scope scope;

		final Map<String, Long> atoms = new LinkedHashMap<>();

		Organisation(String id, int reportsPerYear, Random random) {
			List<String> units = random.nextBoolean() ? List.of() : List.of("north", "south");
			this.scope = new ReleaseDraft.Scope(id, CATEGORIES, units);
			for (int year = 2024; year <= 2025; year++) {
				for (int quarter = 1; quarter <= 4; quarter++) {
					String period = year + "-" + quarter;
					int received = poisson(random, reportsPerYear / 4.0);
					int closed = poisson(random, reportsPerYear / 4.0);
					for (Dimension dimension : Dimension.values()) {
						List<String> codes = dimension.codes(CATEGORIES, units);
						int total = switch (dimension.population()) {
							case RECEIVED -> received;
							case CLOSED -> closed;
							case OPEN -> poisson(random, reportsPerYear / 8.0);
						};
						long[] split = new long[codes.size()];
						for (int i = 0; i < total; i++) {
							// skewed, as real categories are: a few common, most rare
							int pick = Math.min(codes.size() - 1,
									(int) Math.floor(-Math.log(1 - random.nextDouble()) * codes.size() / 3.0));
							split[pick]++;
						}
						for (int c = 0; c < codes.size(); c++) {
							this.atoms.put(ReleaseShape.atom(id, dimension, codes.get(c), period), split[c]);
						}
					}
				}
			}
		}

		/**
		 * 2024 stepped up, quarters of 2025 if 2024 showed quarters, 2025 stepped up, and
		 * a correction of 2024 (one more case in a random quarter) half of the time.
		 */
		void publishHistory(List<Published> published, int k, Random random, long seed) {
			Granularity year2024 = stepUp(published, 2024, k, seed);
			if (year2024 == Granularity.QUARTERS) {
				for (int quarter = 1; quarter <= 4; quarter++) {
					publish(published, Period.quarter(new YearQuarter(2025, quarter)), Granularity.QUARTER, k, seed);
				}
			}
			stepUp(published, 2025, k, seed);
			if (random.nextBoolean()) {
				String quarter = "2024-" + (1 + random.nextInt(4));
				String code = CATEGORIES.get(random.nextInt(3));
				this.atoms.merge(ReleaseShape.atom(this.scope.id(), Dimension.CATEGORY, code, quarter), 1L, Long::sum);
				for (Dimension dimension : List.of(Dimension.CHANNEL, Dimension.TRACK, Dimension.OUTCOME,
						Dimension.FEEDBACK, Dimension.UNIT)) {
					String first = dimension.codes(CATEGORIES, this.scope.units()).get(0);
					this.atoms.merge(ReleaseShape.atom(this.scope.id(), dimension, first, quarter), 1L, Long::sum);
				}
				Period period = (year2024 == Granularity.ROLLING_GROUPED) ? Period.rolling(2024) : Period.year(2024);
				publish(published, period, year2024, k, seed);
			}
		}

		private Granularity stepUp(List<Published> published, int year, int k, long seed) {
			for (Granularity granularity : Granularity.LADDER) {
				Period period = granularity.period(year, null);
				boolean last = granularity == Granularity.ROLLING_GROUPED;
				// as the publisher does: a level where no category reaches k is not
				// audited
				ReleaseShape shape = ReleaseDraft.shape(period, granularity, List.of(this.scope));
				if (!last && !ReleaseDraft.mayShowACategory(shape, ReleaseDraft.tables(shape, this.atoms), k)) {
					continue;
				}
				Published made = make(published, period, granularity, k, seed);
				if (last || informative(made)) {
					published.add(made);
					return granularity;
				}
			}
			throw new AssertionError("the ladder ends in the rolling window");
		}

		private void publish(List<Published> published, Period period, Granularity granularity, int k, long seed) {
			published.add(make(published, period, granularity, k, seed));
		}

		private Published make(List<Published> published, Period period, Granularity granularity, int k, long seed) {
			String id = this.scope.id() + "/" + period.key() + "/" + published.size();
			ReleaseShape shape = ReleaseDraft.shape(period, granularity, List.of(this.scope));
			Map<String, Long> truth = new LinkedHashMap<>(this.atoms);
			List<CountTable> tables = ReleaseDraft.tables(shape, truth);
			DisclosureAudit.Release candidate = new DisclosureAudit.Release(id, shape, truth, List.of(), k, k - 1);
			ReleaseProtection.Result result = ReleaseProtection.protect(
					published.stream().map(Published::release).toList(), candidate, tables, Map.of(this.scope.id(), k),
					Map.of(this.scope.id(), k - 1), List.of());
			return new Published(new DisclosureAudit.Release(id, shape, truth, result.hidden(), k, k - 1), k, k - 1);
		}

		private boolean informative(Published made) {
			ReleaseShape.TableShape category = made.release()
				.shape()
				.tables()
				.stream()
				.filter((t) -> t.dimension() == Dimension.CATEGORY)
				.findFirst()
				.orElseThrow();
			int t = made.release().shape().tables().indexOf(category);
			boolean[][] hidden = made.release().hidden().get(t);
			List<CountTable> tables = ReleaseDraft.tables(made.release().shape(), made.release().truth());
			for (int r = 0; r < category.rows().size(); r++) {
				for (int c = 0; c < category.columns().size(); c++) {
					if (!hidden[r][c] && tables.get(t).value(r, c) > 0) {
						return true;
					}
				}
			}
			return false;
		}

	}

	private static int poisson(Random random, double mean) {
		double limit = Math.exp(-mean);
		double product = random.nextDouble();
		int n = 0;
		while (product > limit) {
			product *= random.nextDouble();
			n++;
		}
		return n;
	}

	/**
	 * The independent attacker: every published cell is an equation over the true counts
	 * per quarter (two releases with the same true count share it), every population adds
	 * up the same in each of its tables, counts are never negative; a member of a pool
	 * also knows its own counts. Each question is solved over the unknowns connected to
	 * it.
	 */
	static final class Attacker {

		private final Map<String, Integer> index = new LinkedHashMap<>();

		private final List<Long> values = new ArrayList<>();

		private final List<String> scopes = new ArrayList<>();

		private final List<Map<Integer, Integer>> equations = new ArrayList<>();

		private final List<long[]> questions = new ArrayList<>();

		private final List<Map<Integer, Integer>> questionTerms = new ArrayList<>();

		private final List<String> names = new ArrayList<>();

		Attacker(List<Published> published, Map<String, Integer> k, Map<String, Integer> protection, String viewpoint) {
			Map<String, List<Integer>> revisions = new LinkedHashMap<>();
			for (Published release : published) {
				DisclosureAudit.Release r = release.release();
				for (int t = 0; t < r.shape().tables().size(); t++) {
					ReleaseShape.TableShape table = r.shape().tables().get(t);
					for (int row = 0; row <= table.rows().size(); row++) {
						for (int column = 0; column <= table.columns().size(); column++) {
							Map<Integer, Integer> terms = new TreeMap<>();
							for (String atom : table.atoms(row, column)) {
								int v = unknown(atom, r.truth().getOrDefault(atom, 0L), revisions);
								terms.merge(v, 1, Integer::sum);
							}
							if (!r.hidden().get(t)[row][column]) {
								this.equations.add(terms);
							}
							else {
								Map<Integer, Integer> rest = new TreeMap<>(terms);
								rest.keySet().removeIf((v) -> this.scopes.get(v).equals(viewpoint));
								ask("hidden " + r.id() + " " + table.dimension() + "[" + row + "][" + column + "]",
										rest, release.k(), release.protection(), 1);
							}
						}
					}
				}
				// every dimension of a population counts the same cases per quarter
				Map<String, Map<Integer, Integer>> sums = new LinkedHashMap<>();
				for (ReleaseShape.TableShape table : r.shape().tables()) {
					if (table.dimension().population() == Population.OPEN) {
						continue;
					}
					for (int row = 0; row < table.rows().size(); row++) {
						for (String part : table.rows().get(row).parts()) {
							String scope = part.substring(0, part.indexOf('|'));
							for (ReleaseShape.Line column : table.columns()) {
								for (String quarter : column.parts()) {
									String key = table.dimension() + "/" + scope + "/" + quarter;
									String atom = ReleaseShape.atom(scope, table.dimension(),
											part.substring(part.indexOf('|') + 1), quarter);
									sums.computeIfAbsent(key, (x) -> new TreeMap<>())
										.merge(unknown(atom, r.truth().getOrDefault(atom, 0L), revisions), 1,
												Integer::sum);
								}
							}
						}
					}
				}
				Map<String, Map<Integer, Integer>> first = new HashMap<>();
				for (Map.Entry<String, Map<Integer, Integer>> sum : sums.entrySet()) {
					String[] key = sum.getKey().split("/", 2);
					Dimension dimension = Dimension.valueOf(key[0]);
					String group = dimension.population() + "/" + key[1];
					Map<Integer, Integer> base = first.putIfAbsent(group, sum.getValue());
					if (base != null) {
						Map<Integer, Integer> equation = new TreeMap<>(base);
						sum.getValue().forEach((v, c) -> equation.merge(v, -c, Integer::sum));
						equation.values().removeIf((c) -> c == 0);
						if (!equation.isEmpty()) {
							this.equations.add(equation);
						}
					}
				}
			}
			for (int v = 0; v < this.values.size(); v++) {
				String scope = this.scopes.get(v);
				if (scope.equals(viewpoint)) {
					this.equations.add(Map.of(v, 1));
				}
				else {
					int kOf = k.getOrDefault(scope, 5);
					ask("count " + v, Map.of(v, 1), kOf, protection.getOrDefault(scope, kOf - 1), 1);
				}
			}
			for (List<Integer> versions : revisions.values()) {
				for (int i = 1; i < versions.size(); i++) {
					int before = versions.get(i - 1);
					int after = versions.get(i);
					if (this.scopes.get(after).equals(viewpoint)) {
						continue;
					}
					int kOf = k.getOrDefault(this.scopes.get(after), 5);
					boolean up = this.values.get(after) > this.values.get(before);
					Map<Integer, Integer> change = up ? Map.of(after, 1, before, -1) : Map.of(before, 1, after, -1);
					ask("revision " + versions, change, kOf, protection.getOrDefault(this.scopes.get(after), kOf - 1),
							1);
				}
			}
		}

		private int unknown(String atom, long value, Map<String, List<Integer>> revisions) {
			return this.index.computeIfAbsent(atom + "=" + value, (key) -> {
				this.values.add(value);
				this.scopes.add(atom.substring(0, atom.indexOf('|')));
				revisions.computeIfAbsent(atom, (a) -> new ArrayList<>()).add(this.values.size() - 1);
				return this.values.size() - 1;
			});
		}

		private void ask(String name, Map<Integer, Integer> terms, int k, int protection, int sign) {
			long truth = 0;
			for (Map.Entry<Integer, Integer> term : terms.entrySet()) {
				truth += term.getValue() * this.values.get(term.getKey());
			}
			if (truth >= 1 && truth <= k - 1 && !terms.isEmpty()) {
				this.questions.add(new long[] { truth, Math.max(k - 1, protection) });
				this.questionTerms.add(terms);
				this.names.add(name);
			}
		}

		void assertProtected(String context) {
			assertThat(failures()).as(context).isEmpty();
		}

		/** Every question whose interval does not reach 0 and its protection bound. */
		List<String> failures() {
			List<String> failures = new ArrayList<>();
			int n = this.values.size();
			int[] root = new int[n];
			for (int v = 0; v < n; v++) {
				root[v] = v;
			}
			for (Map<Integer, Integer> equation : this.equations) {
				int first = -1;
				for (int v : equation.keySet()) {
					if (first < 0) {
						first = find(root, v);
					}
					else {
						root[find(root, v)] = first;
					}
				}
			}
			Map<Integer, List<Integer>> members = new HashMap<>();
			Map<Integer, List<Map<Integer, Integer>>> equationsOf = new HashMap<>();
			for (int v = 0; v < n; v++) {
				members.computeIfAbsent(find(root, v), (r) -> new ArrayList<>()).add(v);
			}
			for (Map<Integer, Integer> equation : this.equations) {
				equationsOf.computeIfAbsent(find(root, equation.keySet().iterator().next()), (r) -> new ArrayList<>())
					.add(equation);
			}
			double[] truth = this.values.stream().mapToDouble(Long::doubleValue).toArray();
			List<double[]> points = new ArrayList<>();
			Map<Integer, Integer> all = new TreeMap<>();
			this.questionTerms.forEach((terms) -> terms.forEach((v, c) -> all.merge(v, 1, Integer::sum)));
			// two points that push every question at once answer most of them
			for (boolean maximise : new boolean[] { true, false }) {
				double[] point = truth.clone();
				for (Map.Entry<Integer, List<Integer>> component : members.entrySet()) {
					Map<Integer, Integer> part = new TreeMap<>(all);
					part.keySet().retainAll(component.getValue());
					if (!part.isEmpty()) {
						optimise(component.getValue(), equationsOf.getOrDefault(component.getKey(), List.of()), part,
								maximise, true, point);
					}
				}
				points.add(point);
			}
			for (int q = 0; q < this.questions.size(); q++) {
				Map<Integer, Integer> terms = this.questionTerms.get(q);
				long upper = this.questions.get(q)[1];
				for (boolean maximise : new boolean[] { false, true }) {
					double bound = maximise ? upper : 0;
					boolean answered = points.stream()
						.anyMatch((point) -> maximise ? value(terms, point) >= bound - 1e-6
								: value(terms, point) <= bound + 1e-6);
					if (answered) {
						continue;
					}
					double[] point = truth.clone();
					double optimum = 0;
					Map<Integer, Map<Integer, Integer>> parts = new HashMap<>();
					terms.forEach((v, c) -> parts.computeIfAbsent(find(root, v), (r) -> new TreeMap<>()).put(v, c));
					for (Map.Entry<Integer, Map<Integer, Integer>> part : parts.entrySet()) {
						optimum += optimise(members.get(part.getKey()),
								equationsOf.getOrDefault(part.getKey(), List.of()), part.getValue(), maximise, false,
								point);
					}
					points.add(point);
					if (maximise ? optimum < upper - 1e-6 : optimum > 1e-6) {
						failures.add(this.names.get(q) + " (true " + this.questions.get(q)[0] + ") "
								+ (maximise ? "cannot reach " + upper : "cannot be 0"));
					}
				}
			}
			return failures;
		}

		private static double value(Map<Integer, Integer> terms, double[] point) {
			double sum = 0;
			for (Map.Entry<Integer, Integer> term : terms.entrySet()) {
				sum += term.getValue() * point[term.getKey()];
			}
			return sum;
		}

		private static int find(int[] root, int v) {
			while (root[v] != v) {
				root[v] = root[root[v]];
				v = root[v];
			}
			return v;
		}

		/**
		 * The optimum of {@code objective} over one component (a fresh model with every
		 * equation of the component and nothing else; capped at a million per unknown
		 * when asked, so that an unbounded direction still gives a point); writes the
		 * point into {@code point}.
		 */
		private double optimise(List<Integer> local, List<Map<Integer, Integer>> used, Map<Integer, Integer> objective,
				boolean maximise, boolean capped, double[] point) {
			Map<Integer, Integer> position = new HashMap<>();
			for (int i = 0; i < local.size(); i++) {
				position.put(local.get(i), i);
			}
			ExpressionsBasedModel model = new ExpressionsBasedModel();
			Variable[] unknowns = new Variable[local.size()];
			for (int i = 0; i < unknowns.length; i++) {
				unknowns[i] = model.addVariable("x" + local.get(i)).lower(0);
				if (capped) {
					unknowns[i].upper(1_000_000);
				}
			}
			for (int e = 0; e < used.size(); e++) {
				Expression expression = model.addExpression("e" + e);
				long value = 0;
				for (Map.Entry<Integer, Integer> term : used.get(e).entrySet()) {
					expression.add(unknowns[position.get(term.getKey())], term.getValue());
					value += term.getValue() * this.values.get(term.getKey());
				}
				expression.level(value);
			}
			double truth = 0;
			for (Map.Entry<Integer, Integer> term : objective.entrySet()) {
				unknowns[position.get(term.getKey())].weight(term.getValue());
				truth += term.getValue() * this.values.get(term.getKey());
			}
			Optimisation.Result result = maximise ? model.maximise() : model.minimise();
			if (result.getState() == Optimisation.State.UNBOUNDED) {
				assertThat(capped).as("a capped program is never unbounded").isFalse();
				return maximise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
			}
			assertThat(result.getState().isFeasible()).as("the attacker's program has the true counts as a solution")
				.isTrue();
			assertThat(model.validate(result)).as("the attacker's solution satisfies every equation").isTrue();
			double optimum = 0;
			for (int i = 0; i < unknowns.length; i++) {
				point[local.get(i)] = Math.max(0, result.doubleValue(i));
			}
			for (Map.Entry<Integer, Integer> term : objective.entrySet()) {
				optimum += term.getValue() * point[term.getKey()];
			}
			assertThat(capped || (maximise ? optimum >= truth - 1e-6 : optimum <= truth + 1e-6))
				.as("the optimum lies beyond the true value")
				.isTrue();
			return optimum;
		}

	}

}

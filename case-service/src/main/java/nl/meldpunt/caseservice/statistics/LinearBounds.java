package nl.meldpunt.caseservice.statistics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * What an attacker can work out about linear combinations of non-negative unknowns from
 * published linear equations: the smallest and largest value each combination can take (a
 * linear program per question, solved with ojAlgo's simplex).
 * <p>
 * The true values are always a feasible point, which gives three things: a variable that
 * the equations pin (a zero sum of non-negatives, or a single unknown left) is known to
 * be its true value; the remaining unknowns fall apart into independent components, each
 * a small linear program; and every point a solver returns is itself feasible, so it is
 * kept as a witness that answers later questions without solving again. A solver answer
 * that contradicts the true values (which are feasible) is not trusted: the question
 * counts as unanswered, which callers treat as a disclosure.
 */
final class LinearBounds {

	/** Slack for floating-point answers of the solver; every true value is an integer. */
	static final double EPSILON = 1e-6;

	private final long[] truth;

	private final List<int[]> variablesOf = new ArrayList<>();

	private final List<int[]> coefficientsOf = new ArrayList<>();

	private final List<Long> constants = new ArrayList<>();

	private boolean[] pinned;

	private int[] component;

	private final Map<Integer, ComponentProgram> programs = new HashMap<>();

	private final List<double[]> witnesses = new ArrayList<>();

	private int solved;

	/** {@code truth[v]}: the true value of unknown v (never negative). */
	LinearBounds(long[] truth) {
		this.truth = truth.clone();
	}

	int size() {
		return this.truth.length;
	}

	/** How many linear programs this instance has solved so far. */
	int solved() {
		return this.solved;
	}

	/**
	 * Adds the published equation {@code Σ terms = value}; the value is the true one, as
	 * every published figure of an exact release is.
	 */
	void equation(Map<Integer, Integer> terms) {
		if (this.pinned != null) {
			throw new IllegalStateException("Every equation comes before the first question");
		}
		int[] variables = new int[terms.size()];
		int[] coefficients = new int[terms.size()];
		int i = 0;
		long value = 0;
		for (Map.Entry<Integer, Integer> term : terms.entrySet()) {
			variables[i] = term.getKey();
			coefficients[i] = term.getValue();
			value += term.getValue() * this.truth[term.getKey()];
			i++;
		}
		this.variablesOf.add(variables);
		this.coefficientsOf.add(coefficients);
		this.constants.add(value);
	}

	/**
	 * Keeps a point known to be feasible (one found under these equations or under a
	 * superset of them).
	 */
	void witness(double[] point) {
		this.witnesses.add(point.clone());
	}

	/** Every feasible point found or kept so far. */
	List<double[]> witnesses() {
		return List.copyOf(this.witnesses);
	}

	/** The smallest value of {@code Σ objective}, or null when it cannot be trusted. */
	Double minimum(Map<Integer, Integer> objective) {
		return optimum(objective, false);
	}

	/**
	 * The largest value of {@code Σ objective} (infinite when unbounded), or null when it
	 * cannot be trusted.
	 */
	Double maximum(Map<Integer, Integer> objective) {
		return optimum(objective, true);
	}

	/**
	 * Whether some feasible point has {@code Σ objective <= bound} (or {@code >=} when
	 * {@code atLeast}); answered from kept witnesses when one does, otherwise by solving.
	 */
	boolean reaches(Map<Integer, Integer> objective, double bound, boolean atLeast) {
		prepare();
		for (double[] witness : this.witnesses) {
			double value = evaluate(objective, witness);
			if (atLeast ? value >= bound - EPSILON : value <= bound + EPSILON) {
				return true;
			}
		}
		Double optimum = optimum(objective, atLeast);
		return optimum != null && (atLeast ? optimum >= bound - EPSILON : optimum <= bound + EPSILON);
	}

	private double evaluate(Map<Integer, Integer> objective, double[] point) {
		double value = 0;
		for (Map.Entry<Integer, Integer> term : objective.entrySet()) {
			value += term.getValue() * point[term.getKey()];
		}
		return value;
	}

	/**
	 * Looks for one feasible point that pushes the sum up (or down), every unknown capped
	 * at {@link #CAP} so that even an unbounded direction yields a point; the point is
	 * kept as a witness. One such program can answer many questions at once.
	 */
	void explore(Map<Integer, Integer> objective, boolean maximise) {
		prepare();
		Map<Integer, Map<Integer, Integer>> byComponent = new LinkedHashMap<>();
		for (Map.Entry<Integer, Integer> term : objective.entrySet()) {
			int variable = term.getKey();
			if (!this.pinned[variable] && this.component[variable] >= 0 && term.getValue() != 0) {
				byComponent.computeIfAbsent(this.component[variable], (c) -> new LinkedHashMap<>())
					.merge(variable, term.getValue(), Integer::sum);
			}
		}
		double[] witness = trueValues();
		for (Map.Entry<Integer, Integer> term : objective.entrySet()) {
			// unknowns in no equation: anything from 0 up
			if (!this.pinned[term.getKey()] && this.component[term.getKey()] < 0) {
				witness[term.getKey()] = (maximise == (term.getValue() > 0)) ? CAP : 0;
			}
		}
		for (Map.Entry<Integer, Map<Integer, Integer>> part : byComponent.entrySet()) {
			ComponentProgram program = this.programs.computeIfAbsent(part.getKey(), ComponentProgram::new);
			Optimisation.Result result = program.solveCapped(part.getValue(), maximise);
			this.solved++;
			if (!result.getState().isFeasible()) {
				continue;
			}
			for (int i = 0; i < program.variables.length; i++) {
				witness[program.variables[i]] = Math.max(0, result.doubleValue(i));
			}
		}
		if (feasible(witness)) {
			this.witnesses.add(witness);
		}
	}

	/**
	 * Whether a point satisfies every equation: a solver's answer is kept as a witness,
	 * or trusted as an optimum, only then.
	 */
	private boolean feasible(double[] point) {
		for (int e = 0; e < this.variablesOf.size(); e++) {
			int[] variables = this.variablesOf.get(e);
			int[] coefficients = this.coefficientsOf.get(e);
			double sum = 0;
			for (int i = 0; i < variables.length; i++) {
				sum += coefficients[i] * point[variables[i]];
			}
			if (Math.abs(sum - this.constants.get(e)) > 1e-6 * Math.max(1, Math.abs(this.constants.get(e)))) {
				return false;
			}
		}
		return true;
	}

	/** The cap of {@link #explore}: far above any count. */
	static final double CAP = 1_000_000;

	private Double optimum(Map<Integer, Integer> objective, boolean maximise) {
		prepare();
		double trueValue = 0;
		double value = 0;
		Map<Integer, Map<Integer, Integer>> byComponent = new LinkedHashMap<>();
		for (Map.Entry<Integer, Integer> term : objective.entrySet()) {
			int variable = term.getKey();
			int coefficient = term.getValue();
			trueValue += coefficient * (double) this.truth[variable];
			if (this.pinned[variable] || coefficient == 0) {
				value += coefficient * (double) this.truth[variable];
			}
			else if (this.component[variable] < 0) {
				// in no equation: anything from 0 up
				if (maximise == (coefficient > 0)) {
					value = maximise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
				}
			}
			else {
				byComponent.computeIfAbsent(this.component[variable], (c) -> new LinkedHashMap<>())
					.merge(variable, coefficient, Integer::sum);
			}
		}
		double[] witness = null;
		for (Map.Entry<Integer, Map<Integer, Integer>> part : byComponent.entrySet()) {
			ComponentProgram program = this.programs.computeIfAbsent(part.getKey(), ComponentProgram::new);
			Optimisation.Result result = program.solve(part.getValue(), maximise);
			this.solved++;
			if (result.getState() == Optimisation.State.UNBOUNDED) {
				value = maximise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
				continue;
			}
			if (!result.getState().isFeasible()) {
				return null;
			}
			if (witness == null) {
				witness = trueValues();
			}
			for (int i = 0; i < program.variables.length; i++) {
				witness[program.variables[i]] = Math.max(0, result.doubleValue(i));
				// the optimum as the point says, not as the solver reports it
				value += part.getValue().getOrDefault(program.variables[i], 0) * witness[program.variables[i]];
			}
		}
		if (witness != null) {
			if (!feasible(witness)) {
				return null;
			}
			this.witnesses.add(witness);
		}
		// the true point is feasible: an optimum on the wrong side of it is a solver
		// error
		if (maximise ? value < trueValue - EPSILON : value > trueValue + EPSILON) {
			return null;
		}
		return value;
	}

	private double[] trueValues() {
		double[] point = new double[this.truth.length];
		for (int v = 0; v < point.length; v++) {
			point[v] = this.truth[v];
		}
		return point;
	}

	/**
	 * Finds the pinned unknowns, then the components of the rest. Pinning only ever
	 * grows, so a fixed point is reached.
	 */
	private void prepare() {
		if (this.pinned != null) {
			return;
		}
		int n = this.truth.length;
		this.pinned = new boolean[n];
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int e = 0; e < this.variablesOf.size(); e++) {
				int[] variables = this.variablesOf.get(e);
				int[] coefficients = this.coefficientsOf.get(e);
				long rest = this.constants.get(e);
				int open = 0;
				boolean allPositive = true;
				for (int i = 0; i < variables.length; i++) {
					if (this.pinned[variables[i]]) {
						rest -= coefficients[i] * this.truth[variables[i]];
					}
					else if (coefficients[i] != 0) {
						open++;
						allPositive &= coefficients[i] > 0;
					}
				}
				// one unknown left, or non-negative unknowns that sum to zero
				if (open == 1 || (open > 1 && allPositive && rest == 0)) {
					for (int variable : variables) {
						if (!this.pinned[variable]) {
							this.pinned[variable] = true;
							changed = true;
						}
					}
				}
			}
		}
		int[] parent = new int[n];
		Arrays.fill(parent, -1);
		for (int e = 0; e < this.variablesOf.size(); e++) {
			int first = -1;
			for (int variable : this.variablesOf.get(e)) {
				if (this.pinned[variable]) {
					continue;
				}
				if (parent[variable] < 0) {
					parent[variable] = variable;
				}
				if (first < 0) {
					first = variable;
				}
				else {
					union(parent, first, variable);
				}
			}
		}
		this.component = new int[n];
		for (int v = 0; v < n; v++) {
			this.component[v] = (parent[v] < 0) ? -1 : find(parent, v);
		}
	}

	private static int find(int[] parent, int v) {
		int root = v;
		while (parent[root] != root) {
			root = parent[root];
		}
		while (parent[v] != root) {
			int next = parent[v];
			parent[v] = root;
			v = next;
		}
		return root;
	}

	private static void union(int[] parent, int a, int b) {
		int ra = find(parent, a);
		int rb = find(parent, b);
		if (ra != rb) {
			parent[ra] = rb;
		}
	}

	/** The equations of one component as an ojAlgo model, built once and re-used. */
	private final class ComponentProgram {

		final int[] variables;

		private final ExpressionsBasedModel model = new ExpressionsBasedModel();

		private final Variable[] modelled;

		ComponentProgram(int root) {
			List<Integer> members = new ArrayList<>();
			for (int v = 0; v < LinearBounds.this.truth.length; v++) {
				if (!LinearBounds.this.pinned[v] && LinearBounds.this.component[v] == root) {
					members.add(v);
				}
			}
			this.variables = members.stream().mapToInt(Integer::intValue).toArray();
			Map<Integer, Integer> index = new HashMap<>();
			this.modelled = new Variable[this.variables.length];
			for (int i = 0; i < this.variables.length; i++) {
				index.put(this.variables[i], i);
				this.modelled[i] = this.model.addVariable("x" + this.variables[i]).lower(0);
			}
			Deque<Integer> equations = new ArrayDeque<>();
			for (int e = 0; e < LinearBounds.this.variablesOf.size(); e++) {
				equations.add(e);
			}
			while (!equations.isEmpty()) {
				int e = equations.poll();
				int[] vars = LinearBounds.this.variablesOf.get(e);
				int[] coefficients = LinearBounds.this.coefficientsOf.get(e);
				long rest = LinearBounds.this.constants.get(e);
				Expression expression = null;
				for (int i = 0; i < vars.length; i++) {
					if (LinearBounds.this.pinned[vars[i]]) {
						rest -= coefficients[i] * LinearBounds.this.truth[vars[i]];
					}
					else if (index.containsKey(vars[i])) {
						if (expression == null) {
							expression = this.model.addExpression("e" + e);
						}
						expression.add(this.modelled[index.get(vars[i])], coefficients[i]);
					}
				}
				if (expression != null) {
					expression.level(rest);
				}
			}
		}

		Optimisation.Result solve(Map<Integer, Integer> objective, boolean maximise) {
			for (Variable variable : this.modelled) {
				variable.weight(0);
			}
			for (int i = 0; i < this.variables.length; i++) {
				Integer coefficient = objective.get(this.variables[i]);
				if (coefficient != null) {
					this.modelled[i].weight(coefficient);
				}
			}
			return maximise ? this.model.maximise() : this.model.minimise();
		}

		Optimisation.Result solveCapped(Map<Integer, Integer> objective, boolean maximise) {
			for (Variable variable : this.modelled) {
				variable.upper(CAP);
			}
			try {
				return solve(objective, maximise);
			}
			finally {
				for (Variable variable : this.modelled) {
					variable.upper(null);
				}
			}
		}

	}

}

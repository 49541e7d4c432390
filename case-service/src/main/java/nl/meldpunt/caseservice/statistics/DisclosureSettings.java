package nl.meldpunt.caseservice.statistics;

/**
 * An organisation's disclosure control. The minimum cell size k is the administrator's
 * organisation setting ({@code organisation.min_cell_size}, never below 3), read from
 * there and nowhere else; the rest are the statistics' own settings: the
 * differential-privacy budget ε per release (null: no noise), the settling delay between
 * the end of a period and its release, how far up a hidden count must be able to go
 * (null: k − 1), and the regional pool the organisation opted in to (null: none).
 */
public record DisclosureSettings(int minCellSize, Double epsilon, int settlingDays, Integer protectionUpTo,
		String pool) {

	/** k until the administrator chooses otherwise. */
	public static final int DEFAULT_MIN_CELL_SIZE = 5;

	/** Below this, a published count could too easily point at a person. */
	public static final int LOWEST_MIN_CELL_SIZE = 3;

	/**
	 * Two weeks after a period ends: every case of the period has passed its 7-day
	 * acknowledgement deadline.
	 */
	public static final int DEFAULT_SETTLING_DAYS = 14;

	public DisclosureSettings {
		if (minCellSize < LOWEST_MIN_CELL_SIZE) {
			throw new IllegalArgumentException("The minimum cell size is never below " + LOWEST_MIN_CELL_SIZE);
		}
		if (epsilon != null && !(epsilon > 0 && epsilon <= 10)) {
			throw new IllegalArgumentException("Epsilon must be above 0 and at most 10");
		}
		if (settlingDays < 7 || settlingDays > 366) {
			throw new IllegalArgumentException("The settling delay is 7 to 366 days");
		}
		if (protectionUpTo != null && (protectionUpTo < 0 || protectionUpTo > 100)) {
			throw new IllegalArgumentException("The protection reaches 0 to 100");
		}
		if (pool != null && !pool.matches("[a-z0-9][a-z0-9-]{1,62}")) {
			throw new IllegalArgumentException("A pool is named with lower-case letters, digits and dashes");
		}
	}

	static DisclosureSettings defaults(int minCellSize) {
		return new DisclosureSettings(minCellSize, null, DEFAULT_SETTLING_DAYS, null, null);
	}

	/** The highest value a hidden count of 1 to k − 1 must be able to take. */
	int protection() {
		return Math.max(this.minCellSize - 1, (this.protectionUpTo != null) ? this.protectionUpTo : 0);
	}

}

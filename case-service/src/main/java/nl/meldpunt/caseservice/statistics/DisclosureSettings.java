package nl.meldpunt.caseservice.statistics;

/**
 * An organisation's disclosure control: the minimum cell size k (never below 3) and, when
 * the organisation publishes its figures, the differential-privacy budget ε per release
 * (null: no noise).
 */
public record DisclosureSettings(int minCellSize, Double epsilon) {

	/** What an organisation gets until it chooses otherwise. */
	public static final DisclosureSettings DEFAULT = new DisclosureSettings(5, null);

	/** Below this, a published count could too easily point at a person. */
	public static final int LOWEST_MIN_CELL_SIZE = 3;

	public DisclosureSettings {
		if (minCellSize < LOWEST_MIN_CELL_SIZE) {
			throw new IllegalArgumentException("The minimum cell size is never below " + LOWEST_MIN_CELL_SIZE);
		}
		if (epsilon != null && !(epsilon > 0 && epsilon <= 10)) {
			throw new IllegalArgumentException("Epsilon must be above 0 and at most 10");
		}
	}

}

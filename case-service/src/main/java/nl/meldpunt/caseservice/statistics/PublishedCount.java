package nl.meldpunt.caseservice.statistics;

/**
 * One count as it may leave the server: either a number, or hidden ({@code count} is
 * null) and shown as {@code "< k"}. A hidden count is below k or was hidden as well so
 * that a count below k cannot be worked out from the totals; the true value is never
 * carried.
 */
public record PublishedCount(Long count, String display) {

	static PublishedCount shown(long count) {
		return new PublishedCount(count, Long.toString(count));
	}

	static PublishedCount hidden(int minCellSize) {
		return new PublishedCount(null, "< " + minCellSize);
	}

	public boolean suppressed() {
		return this.count == null;
	}

}

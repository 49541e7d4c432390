package nl.meldpunt.caseservice.statistics;

/**
 * A derived figure (a median in days, a share in percent) as it may leave the server:
 * {@code value} is null when too few cases stand behind it.
 */
public record PublishedFigure(Double value) {

	static final PublishedFigure HIDDEN = new PublishedFigure(null);

	public boolean suppressed() {
		return this.value == null;
	}

}

package nl.meldpunt.caseservice.statistics;

/**
 * The procedure figures of a release: median days to acknowledgement, and the shares (in
 * whole percent) acknowledged within 7 days and given feedback within 3 months.
 */
public record KeyFigures(PublishedFigure medianDaysToAcknowledge, PublishedFigure percentAcknowledgedWithin7Days,
		PublishedFigure percentFeedbackWithin3Months) {

	/**
	 * A median is shown only over at least k cases and without noise. A share is shown
	 * only when its part and the rest are both published counts of the release and the
	 * whole is at least k, so it tells nothing the counts do not.
	 */
	static KeyFigures of(StatisticsData.Median median, PublishedTable acknowledgement, PublishedTable feedback, int k,
			boolean noisy) {
		PublishedFigure days = (median != null && median.acknowledged() >= k && !noisy && median.days() != null)
				? new PublishedFigure(median.days()) : PublishedFigure.HIDDEN;
		return new KeyFigures(days, share(acknowledgement, k), share(feedback, k));
	}

	/** Row 0 against row 1 of the table's totals column. */
	static PublishedFigure share(PublishedTable table, int k) {
		if (table == null) {
			return PublishedFigure.HIDDEN;
		}
		PublishedCount part = table.totalsColumn().get(0);
		PublishedCount rest = table.totalsColumn().get(1);
		if (part.suppressed() || rest.suppressed() || part.count() + rest.count() < k) {
			return PublishedFigure.HIDDEN;
		}
		return new PublishedFigure((double) Math.round(100.0 * part.count() / (part.count() + rest.count())));
	}

}

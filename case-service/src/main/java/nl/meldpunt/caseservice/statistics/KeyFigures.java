package nl.meldpunt.caseservice.statistics;

/**
 * The procedure figures of one year: median days to acknowledgement, and the shares (in
 * whole percent) acknowledged within 7 days and given feedback within 3 months.
 */
public record KeyFigures(PublishedFigure medianDaysToAcknowledge, PublishedFigure percentAcknowledgedWithin7Days,
		PublishedFigure percentFeedbackWithin3Months) {

	/**
	 * A median is shown only over at least k cases. A share is shown only over at least k
	 * cases and when neither the part nor the rest is a count between 1 and k − 1,
	 * because a share times a known total is a count.
	 */
	static KeyFigures of(StatisticsQueries.Procedure procedure, int k, boolean noisy) {
		PublishedFigure median = (procedure.acknowledged() >= k && !noisy
				&& procedure.medianDaysToAcknowledge() != null)
						? new PublishedFigure(procedure.medianDaysToAcknowledge()) : PublishedFigure.HIDDEN;
		return new KeyFigures(median, share(procedure.acknowledgedWithin7Days(), procedure.acknowledgementDue(), k),
				share(procedure.feedbackOnTime(), procedure.feedbackDue(), k));
	}

	static PublishedFigure share(long part, long whole, int k) {
		long rest = whole - part;
		boolean small = (part > 0 && part < k) || (rest > 0 && rest < k);
		if (whole < k || part < 0 || rest < 0 || small) {
			return PublishedFigure.HIDDEN;
		}
		return new PublishedFigure((double) Math.round(100.0 * part / whole));
	}

}

package nl.meldpunt.caseservice.casefile;

import java.time.LocalDate;

/**
 * The procedure's two legal terms (EU 2019/1937 art. 9), written once: acknowledge within
 * 7 days of receipt, give feedback within 3 months of acknowledgement (or, while nobody
 * acknowledged, of the end of those 7 days). Statistics, the inbox and the deadline job
 * all count with these.
 */
public final class DueDates {

	/** Acknowledge within this many days. */
	public static final int ACKNOWLEDGE_WITHIN_DAYS = 7;

	/** Give feedback within this many months of acknowledgement. */
	public static final int FEEDBACK_WITHIN_MONTHS = 3;

	private DueDates() {
	}

	public static LocalDate acknowledgeBy(LocalDate receivedOn) {
		return receivedOn.plusDays(ACKNOWLEDGE_WITHIN_DAYS);
	}

	/**
	 * Feedback is due 3 months after acknowledgement, or after the acknowledge-by day.
	 */
	public static LocalDate feedbackBy(LocalDate receivedOn, LocalDate acknowledgedOn) {
		return feedbackAfter((acknowledgedOn != null) ? acknowledgedOn : acknowledgeBy(receivedOn));
	}

	/**
	 * Feedback is due 3 months after the case was acknowledged on {@code acknowledgedOn}.
	 */
	public static LocalDate feedbackAfter(LocalDate acknowledgedOn) {
		return acknowledgedOn.plusMonths(FEEDBACK_WITHIN_MONTHS);
	}

}

package nl.meldpunt.caseservice.casefile;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An open case and its next legal deadline, as the inbox and the deadline job see it.
 *
 * @param caseId the case
 * @param organisationId its organisation
 * @param state where it stands
 * @param channel advisers or hotline
 * @param receivedOn the day it was filed
 * @param dueOn the next deadline (null when feedback was given)
 * @param deadline which deadline {@code dueOn} is (null when none is left)
 * @param unseen how many of the reporter's items and attachments the asking recipient has
 * not seen (0 outside the inbox)
 * @param pendingDecisions how many proposals and minutes wait for the reporter (0 outside
 * the inbox)
 */
public record DueCase(UUID caseId, UUID organisationId, CaseState state, Channel channel, LocalDate receivedOn,
		LocalDate dueOn, Deadline deadline, int unseen, int pendingDecisions) {

	/** The two legal deadlines of an open case. */
	public enum Deadline {

		/** Acknowledge receipt (7 days). */
		ACKNOWLEDGE,
		/** Give feedback (3 months). */
		FEEDBACK

	}

	/** Past its deadline on {@code today}. */
	public boolean overdueOn(LocalDate today) {
		return this.dueOn != null && this.dueOn.isBefore(today);
	}

	/** Not overdue, and due within {@code days} of {@code today}. */
	public boolean dueWithin(int days, LocalDate today) {
		return this.dueOn != null && !this.dueOn.isBefore(today) && !this.dueOn.isAfter(today.plusDays(days));
	}

}

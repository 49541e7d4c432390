package nl.meldpunt.caseservice.deadlines;

/** A notice about a legal deadline; each goes out once per case. */
enum DeadlineNotice {

	/** Reminds the recipients that acknowledgement is due soon. */
	ACKNOWLEDGE_REMINDER,
	/** Tells the back-up advisers that acknowledgement is about to be late. */
	ACKNOWLEDGE_ESCALATION,
	/** Reminds the recipients that feedback is due soon. */
	FEEDBACK_REMINDER,
	/** Tells the back-up advisers that feedback is about to be late. */
	FEEDBACK_ESCALATION;

	boolean isEscalation() {
		return this == ACKNOWLEDGE_ESCALATION || this == FEEDBACK_ESCALATION;
	}

}

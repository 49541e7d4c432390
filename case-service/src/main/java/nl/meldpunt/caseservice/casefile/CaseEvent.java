package nl.meldpunt.caseservice.casefile;

/** What can happen to a case; the state machine decides where each may fire. */
public enum CaseEvent {

	/** An adviser confirms receipt to the reporter. */
	ACKNOWLEDGE,
	/** The adviser starts the informal, supportive conversation. */
	START_CONSULTATION,
	/** The adviser asks the reporter a question and waits for the answer. */
	ASK_REPORTER,
	/** The reporter answered a question. */
	REPORTER_ANSWERED,
	/** Nobody answered in time; the case resumes without the answer. */
	ANSWER_TIMED_OUT,
	/** Start mediation (requires recorded consent or a legal duty). */
	START_MEDIATION,
	/** Refer to the complaints committee (requires recorded consent or a legal duty). */
	FILE_FORMAL_COMPLAINT,
	/** Start an investigation (requires recorded consent or a legal duty). */
	START_INVESTIGATION,
	/**
	 * Hand the case to an external hotline (requires recorded consent or a legal duty).
	 */
	REFER_EXTERNAL,
	/** Tell the reporter what was done with the report. */
	GIVE_FEEDBACK,
	/** End the case (requires an outcome and a statistical classification). */
	CLOSE,
	/** The reporter withdraws the report. */
	WITHDRAW,
	/** Share the case with another adviser (never an excluded one). */
	REASSIGN

}

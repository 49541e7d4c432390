package nl.meldpunt.caseservice.casefile;

import java.util.Arrays;

/** Where a case stands in the procedure (see {@code shared/design/PROCEDURE.md}). */
public enum CaseState {

	/** Filed, nobody has opened it yet; acknowledgement due within 7 days. */
	RECEIVED,
	/** An adviser confirmed receipt to the reporter. */
	ACKNOWLEDGED,
	/** The confidential adviser listens, advises and supports (informal track). */
	IN_CONSULTATION,
	/** The adviser asked the reporter a question; resumes on an answer or a time-out. */
	WAITING_FOR_REPORTER,
	/** Informal resolution between parties, with the reporter's consent. */
	MEDIATION,
	/** Referred to the complaints committee, with the reporter's consent. */
	FORMAL_COMPLAINT,
	/** Integrity or misconduct investigation (Wbk track). */
	INVESTIGATION,
	/** Handed to an external hotline, which became a recipient. */
	REFERRED_EXTERNAL,
	/** The reporter got feedback on the follow-up. */
	FEEDBACK_GIVEN,
	/** Ended, with an outcome and a statistical classification. */
	CLOSED,
	/** The reporter withdrew the report before it was closed. */
	WITHDRAWN;

	/**
	 * Whether the case is still open: the one definition of "open" (the inbox, deadlines,
	 * statistics and the browsers all take it from here, the browsers as the {@code open}
	 * flag of the API).
	 */
	public boolean isOpen() {
		return this != CLOSED && this != WITHDRAWN;
	}

	/**
	 * The names of the open states in the procedure's order, for queries and the browser.
	 */
	public static String[] openNames() {
		return Arrays.stream(values()).filter(CaseState::isOpen).map(Enum::name).toArray(String[]::new);
	}

}

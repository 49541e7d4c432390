package nl.meldpunt.caseservice.casefile;

/** What an encrypted item of a case is (bound into its associated data). */
public enum ItemKind {

	/** The report itself, sealed when filing. */
	REPORT,
	/** A message between the reporter and the recipients. */
	MESSAGE,
	/** An internal note only recipients see, never the reporter. */
	NOTE,
	/** A recipient proposes a referral; the reporter agrees or declines. */
	PROPOSAL,
	/**
	 * A recipient's minutes of a meeting or call; the reporter approves or corrects them.
	 */
	MINUTES,
	/** The reporter's decision on a proposal or on minutes. */
	DECISION,
	/** The reporter asks for a meeting or a call. */
	MEETING_REQUEST

}

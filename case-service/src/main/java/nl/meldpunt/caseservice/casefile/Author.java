package nl.meldpunt.caseservice.casefile;

/**
 * Which side wrote an item or attachment (never which person, for the reporter's view).
 */
public enum Author {

	/** The reporter. */
	REPORTER,
	/** An internal confidential adviser. */
	ADVISER,
	/** A handler at an external hotline. */
	HOTLINE

}

package nl.meldpunt.caseservice.casefile;

/** What an encrypted item of a case is (bound into its associated data). */
public enum ItemKind {

	/** The report itself, sealed when filing. */
	REPORT,
	/** A message between the reporter and the recipients. */
	MESSAGE,
	/** An internal note only recipients see, never the reporter. */
	NOTE

}

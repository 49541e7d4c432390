package nl.meldpunt.caseservice.casefile;

/** Who a key envelope is sealed to. */
public enum RecipientKind {

	/** An internal confidential adviser (an account). */
	ADVISER,
	/** An external hotline (opened by its handler's key). */
	HOTLINE,
	/** The reporter, whose key comes from the token. */
	REPORTER

}

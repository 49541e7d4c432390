package nl.meldpunt.internalapi;

/** Who a key envelope is sealed to. */
public enum RecipientKind {

	/** A confidential adviser of the organisation (an account). */
	ADVISER,
	/** An external hotline (opened by its handler's key). */
	HOTLINE,
	/** The reporter, who opens it with the key derived from the token. */
	REPORTER

}

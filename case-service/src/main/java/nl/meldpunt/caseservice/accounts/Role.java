package nl.meldpunt.caseservice.accounts;

/** What a signed-in person may do; every account has exactly one. */
public enum Role {

	/**
	 * A confidential adviser (vertrouwenspersoon): reads and handles cases shared with
	 * them.
	 */
	ADVISER,
	/** A handler at an external hotline: sees only cases referred to that hotline. */
	HOTLINE,
	/** A director or I&D lead: anonymised statistics only, never a case. */
	DIRECTOR,
	/** Configuration and accounts, never case content. */
	ADMIN

}

package nl.meldpunt.caseservice.casefile;

/** Who handles a case, as the reporter chose when filing. */
public enum Channel {

	/** The organisation's own confidential advisers. */
	INTERNAL_ADVISER,
	/** An external hotline configured by the organisation. */
	EXTERNAL_HOTLINE

}

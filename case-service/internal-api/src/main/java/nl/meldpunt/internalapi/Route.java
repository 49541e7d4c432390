package nl.meldpunt.internalapi;

/** Where a reporter sends a report. */
public enum Route {

	/** To the organisation's confidential advisers (minus the excluded ones). */
	ADVISERS,
	/** Straight to one external hotline the organisation lists. */
	HOTLINE

}

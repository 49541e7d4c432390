package nl.meldpunt.caseservice.casefile;

/**
 * The legal ground under which a recipient takes a referral step without the reporter's
 * consent. A code only: the server needs to know <em>that</em> a duty was named to let
 * the step pass and to keep it on record; <em>why</em> in this case is the adviser's
 * explanation, which belongs in an internal note, sealed like any other item.
 */
public enum LegalDuty {

	/** A duty to report a crime (e.g. art. 160–162 Sv) or to notify an authority. */
	REPORTING_DUTY,
	/** Acute danger to someone's life, health or safety. */
	DANGER,
	/** An order of a court or a supervising authority. */
	ORDER,
	/** Another statutory duty, explained in an internal note. */
	OTHER

}

package nl.meldpunt.caseservice.casefile;

/** How a case ended, recorded by the adviser when closing. */
public enum Outcome {

	/** The reporter was heard and advised; no further steps wanted. */
	ADVICE_GIVEN,
	/** Resolved informally or through mediation. */
	RESOLVED,
	/** The complaint or investigation found the report substantiated. */
	SUBSTANTIATED,
	/** The complaint or investigation did not find it substantiated. */
	NOT_SUBSTANTIATED,
	/** Handed over to an external body, which continues. */
	REFERRED,
	/** The reporter withdrew or stopped responding. */
	WITHDRAWN,
	/** None of the above. */
	OTHER

}

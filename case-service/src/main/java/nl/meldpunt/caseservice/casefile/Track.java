package nl.meldpunt.caseservice.casefile;

/** The coarse route a case took, for statistics. */
public enum Track {

	/** Listening, advice and support by the confidential adviser. */
	INFORMAL,
	/** Mediation between parties. */
	MEDIATION,
	/** The complaints committee. */
	FORMAL_COMPLAINT,
	/** An integrity or misconduct investigation. */
	INVESTIGATION,
	/** Handled by an external hotline. */
	EXTERNAL

}

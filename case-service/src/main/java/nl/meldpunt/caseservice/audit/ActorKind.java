package nl.meldpunt.caseservice.audit;

/**
 * Who did something, as the audit log records it: a kind, never a reporter's identity.
 */
public enum ActorKind {

	/** The reporter: kept at day precision, like every other fact about a reporter. */
	REPORTER,
	/** A confidential adviser. */
	ADVISER,
	/** A handler at an external hotline. */
	HOTLINE,
	/** A director (statistics only). */
	DIRECTOR,
	/** An administrator (configuration and accounts). */
	ADMIN,
	/** The service itself: deadlines, retention, invitations. */
	SYSTEM;

	/** Whether entries by this kind of actor keep only the day. */
	boolean dayPrecision() {
		return this == REPORTER;
	}

}

package nl.meldpunt.caseservice.accounts;

import nl.meldpunt.caseservice.audit.ActorKind;

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
	ADMIN;

	/** How the audit log records a person with this role. */
	public ActorKind actorKind() {
		return switch (this) {
			case ADVISER -> ActorKind.ADVISER;
			case HOTLINE -> ActorKind.HOTLINE;
			case DIRECTOR -> ActorKind.DIRECTOR;
			case ADMIN -> ActorKind.ADMIN;
		};
	}

}

package nl.meldpunt.caseservice.casefile;

/**
 * A timeline entry that is no step of the procedure: what passed between the recipients
 * and the reporter about consent, minutes and meetings. Both the reporter's and the
 * recipients' timelines show it, day precision.
 */
public enum Milestone {

	/** A recipient proposed a referral. */
	REFERRAL_PROPOSED,
	/** The reporter agreed to a proposed referral. */
	REFERRAL_AGREED,
	/** The reporter declined a proposed referral. */
	REFERRAL_DECLINED,
	/** A recipient recorded minutes of a meeting or call. */
	MINUTES_RECORDED,
	/** The reporter approved minutes. */
	MINUTES_APPROVED,
	/** The reporter asked for corrections to minutes. */
	MINUTES_CORRECTIONS_REQUESTED,
	/** The reporter asked for a meeting or call. */
	MEETING_REQUESTED;

	static Milestone of(Decision decision) {
		return switch (decision) {
			case AGREED -> REFERRAL_AGREED;
			case DECLINED -> REFERRAL_DECLINED;
			case APPROVED -> MINUTES_APPROVED;
			case CORRECTIONS_REQUESTED -> MINUTES_CORRECTIONS_REQUESTED;
		};
	}

}

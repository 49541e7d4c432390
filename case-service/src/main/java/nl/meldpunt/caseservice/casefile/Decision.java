package nl.meldpunt.caseservice.casefile;

/** The reporter's decision on a {@link Proposal}; each fits one kind of proposal. */
public enum Decision {

	/** The reporter consents to the proposed referral. */
	AGREED(Proposal.Kind.REFERRAL),
	/** The reporter does not consent. */
	DECLINED(Proposal.Kind.REFERRAL),
	/** The reporter approves the minutes as a true record. */
	APPROVED(Proposal.Kind.MINUTES),
	/** The reporter asks for corrections (what to correct is in the sealed decision). */
	CORRECTIONS_REQUESTED(Proposal.Kind.MINUTES);

	private final Proposal.Kind answers;

	Decision(Proposal.Kind answers) {
		this.answers = answers;
	}

	/** Whether this decision answers a proposal of {@code kind}. */
	public boolean answers(Proposal.Kind kind) {
		return this.answers == kind;
	}

}

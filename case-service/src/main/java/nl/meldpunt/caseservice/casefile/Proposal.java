package nl.meldpunt.caseservice.casefile;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Something the recipients put to the reporter for a decision: a referral (to whom, why:
 * the reason is sealed in the {@link ItemKind#PROPOSAL} item) or minutes of a meeting or
 * call ({@link ItemKind#MINUTES}). The server keeps only what the procedure needs in
 * plain: which step a referral is for, the hotline it names, the reporter's decision and
 * the days. The reporter's own {@link ItemKind#DECISION} item, sealed and bound to the
 * exact ciphertext it answers, is what the recipients' browsers check.
 *
 * @param itemId the sealed proposal or minutes
 * @param kind referral or minutes
 * @param event the step a referral is for (null for minutes)
 * @param hotlineId the hotline a referral to a hotline names (null otherwise)
 * @param proposedOn the day it was put to the reporter
 * @param decision the reporter's decision (null while pending)
 * @param decidedOn the day of the decision
 * @param decisionItemId the reporter's sealed decision
 */
public record Proposal(UUID itemId, Kind kind, CaseEvent event, UUID hotlineId, LocalDate proposedOn, Decision decision,
		LocalDate decidedOn, UUID decisionItemId) {

	/** What is put to the reporter. */
	public enum Kind {

		/** A referral out of the informal track, or a re-share, needing consent. */
		REFERRAL,
		/** Minutes of a meeting or call (an oral report), for approval. */
		MINUTES

	}

	/** The steps that need the reporter's consent (or a legal duty). */
	static boolean needsConsent(CaseEvent event) {
		return switch (event) {
			case START_MEDIATION, FILE_FORMAL_COMPLAINT, START_INVESTIGATION, REFER_EXTERNAL -> true;
			default -> false;
		};
	}

	public boolean pending() {
		return this.decision == null;
	}

	/** Whether the reporter agreed to exactly this step (and hotline). */
	boolean agreesTo(CaseEvent step, UUID hotline) {
		return this.kind == Kind.REFERRAL && this.decision == Decision.AGREED && this.event == step
				&& (step != CaseEvent.REFER_EXTERNAL || (this.hotlineId != null && this.hotlineId.equals(hotline)));
	}

}

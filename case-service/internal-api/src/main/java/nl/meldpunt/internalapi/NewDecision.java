package nl.meldpunt.internalapi;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import nl.meldpunt.crypto.SealedItem;

/**
 * The reporter's decision on a proposal or on minutes ({@code POST
 * /mailbox/proposals/{proposalItemId}/decision}).
 *
 * @param itemId the sealed decision, chosen by the browser
 * @param decision what the reporter decided (AGREED or DECLINED for a referral, APPROVED
 * or CORRECTIONS_REQUESTED for minutes)
 * @param ciphertext the sealed decision: what it answers, a digest of it, the decision
 * and the reporter's comment
 */
public record NewDecision(@NotNull UUID itemId, @NotNull Decision decision, @NotNull SealedItem ciphertext) {

	/** What a reporter can decide. */
	public enum Decision {

		/** Consent to the proposed referral. */
		AGREED,
		/** No consent. */
		DECLINED,
		/** The minutes are a true record. */
		APPROVED,
		/** The minutes need corrections. */
		CORRECTIONS_REQUESTED

	}

}

package nl.meldpunt.internalapi;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 * @param epoch the case key it is sealed with (refused unless the current one); absent
 * from older browsers
 */
public record NewDecision(@NotNull UUID itemId, @NotNull Decision decision, @NotNull SealedItem ciphertext,
		@Min(0) @Max(Limits.MAX_EPOCH) Integer epoch) {

	/**
	 * A decision that names no epoch (sealed with the first case key, as before
	 * re-keying).
	 */
	public NewDecision(UUID itemId, Decision decision, SealedItem ciphertext) {
		this(itemId, decision, ciphertext, null);
	}

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

package nl.meldpunt.internalapi;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import nl.meldpunt.crypto.SealedItem;

/**
 * A reporter's message ({@code POST /mailbox/messages}).
 *
 * @param itemId the message, chosen by the browser
 * @param ciphertext the sealed message
 * @param epoch the epoch of the case key that sealed it (absent: the case's current one;
 * any other than the current one is refused)
 */
public record NewMessage(@NotNull UUID itemId, @NotNull SealedItem ciphertext,
		@Min(0) @Max(Limits.MAX_EPOCH) Integer epoch) {

	public NewMessage(UUID itemId, SealedItem ciphertext) {
		this(itemId, ciphertext, null);
	}

}

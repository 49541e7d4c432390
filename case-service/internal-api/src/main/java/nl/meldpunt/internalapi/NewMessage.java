package nl.meldpunt.internalapi;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import nl.meldpunt.crypto.SealedItem;

/**
 * A reporter's message ({@code POST /mailbox/messages}).
 *
 * @param itemId the message, chosen by the browser
 * @param ciphertext the sealed message
 */
public record NewMessage(@NotNull UUID itemId, @NotNull SealedItem ciphertext) {
}

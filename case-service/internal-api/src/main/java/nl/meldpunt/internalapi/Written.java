package nl.meldpunt.internalapi;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the case service answers (201) when the reporter's message, decision ({@code POST
 * /mailbox/proposals/{id}/decision}) or meeting request ({@code POST /mailbox/meetings})
 * is stored: the item and the day it counts from (day precision, like everything stored
 * of a reporter's action).
 *
 * @param itemId the stored item
 * @param createdOn the day
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Written(UUID itemId, LocalDate createdOn) {
}

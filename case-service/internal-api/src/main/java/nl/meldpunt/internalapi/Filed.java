package nl.meldpunt.internalapi;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the case service answers to a filing ({@code POST /organisations/{slug}/cases}):
 * 201 for a new case, 200 with the same answer when the same filing comes again. The
 * portal forwards these bytes to the browser unread.
 *
 * @param caseId the case
 * @param state where it stands ({@link MailboxView.State#RECEIVED} when new)
 * @param receivedOn the day it was filed
 * @param acknowledgeBy the legal acknowledgement deadline
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Filed(UUID caseId, MailboxView.State state, LocalDate receivedOn, LocalDate acknowledgeBy) {
}

package nl.meldpunt.internalapi;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the case service answers to {@code POST /mailbox/withdraw}: the state the case is
 * in now ({@link MailboxView.State#WITHDRAWN}).
 *
 * @param state the case's new state
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Withdrawal(MailboxView.State state) {
}

package nl.meldpunt.internalapi;

import java.util.UUID;

/**
 * What the case service answers (201) to {@code POST /mailbox/attachments}: the
 * attachment whose chunks may now follow.
 *
 * @param attachmentId the announced attachment
 */
public record AnnouncedAttachment(UUID attachmentId) {
}

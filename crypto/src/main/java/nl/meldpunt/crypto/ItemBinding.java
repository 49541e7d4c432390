package nl.meldpunt.crypto;

import java.util.Objects;
import java.util.UUID;

/**
 * Where an item belongs: its organisation, case, item id and kind. All of it goes into
 * the item's associated data, so a ciphertext moved to another row does not open.
 * Attachment chunks are bound through {@link AttachmentBinding} instead.
 *
 * @param organisationId the organisation (tenant)
 * @param caseId the case
 * @param itemId the item's own id
 * @param kind what the item is, never {@link ItemKind#ATTACHMENT_CHUNK}
 */
public record ItemBinding(UUID organisationId, UUID caseId, UUID itemId, ItemKind kind) {

	public ItemBinding {
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(itemId, "itemId");
		Objects.requireNonNull(kind, "kind");
		if (kind == ItemKind.ATTACHMENT_CHUNK) {
			throw new IllegalArgumentException("Attachment chunks are sealed through CaseKey.sealAttachment");
		}
	}

}

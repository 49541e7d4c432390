package nl.meldpunt.crypto;

import java.util.Objects;
import java.util.UUID;

/**
 * Where an attachment belongs. Its chunks are bound to it together with their index and
 * whether they are the last one, so that truncation and reordering are detected; its meta
 * data item uses the attachment id as item id.
 *
 * @param organisationId the organisation (tenant)
 * @param caseId the case
 * @param attachmentId the attachment
 */
public record AttachmentBinding(UUID organisationId, UUID caseId, UUID attachmentId) {

	public AttachmentBinding {
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(attachmentId, "attachmentId");
	}

	/** The binding of this attachment's meta data item. */
	public ItemBinding meta() {
		return new ItemBinding(this.organisationId, this.caseId, this.attachmentId, ItemKind.ATTACHMENT_META);
	}

}

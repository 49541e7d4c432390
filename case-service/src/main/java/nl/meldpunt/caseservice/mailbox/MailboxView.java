package nl.meldpunt.caseservice.mailbox;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.meldpunt.caseservice.casefile.Author;
import nl.meldpunt.caseservice.casefile.CaseState;
import nl.meldpunt.caseservice.casefile.CaseView;
import nl.meldpunt.caseservice.casefile.ItemKind;

/** What {@code GET /internal/v1/mailbox} answers (CONTRACTS.md 3). */
record MailboxView(UUID caseId, UUID organisationId, OrganisationView organisation, CaseState state, boolean open,
		LocalDate receivedOn, LocalDate acknowledgeBy, LocalDate feedbackBy, HotlineView hotline,
		String reporterKeyEnvelope, List<CaseView.Step> timeline, List<ItemView> items,
		List<AttachmentView> attachments) {

	static MailboxView of(CaseView kase, OrganisationView organisation, HotlineView hotline) {
		return new MailboxView(kase.caseId(), kase.organisationId(), organisation, kase.state(), kase.open(),
				kase.receivedOn(), kase.acknowledgeBy(), kase.feedbackBy(), hotline, kase.myKeyEnvelope().base64Url(),
				kase.timeline(), kase.items().stream().map(ItemView::of).toList(),
				kase.attachments().stream().map(AttachmentView::of).toList());
	}

	record OrganisationView(String slug, String name) {
	}

	record HotlineView(String name, String contact) {
	}

	record ItemView(UUID itemId, ItemKind kind, Author author, LocalDate createdOn, String ciphertext) {

		static ItemView of(CaseView.Item item) {
			return new ItemView(item.itemId(), item.kind(), item.author(), item.createdOn(),
					item.ciphertext().base64Url());
		}

	}

	record AttachmentView(UUID attachmentId, String metaCiphertext, int chunkCount, long totalBytes, Author author,
			LocalDate createdOn) {

		static AttachmentView of(CaseView.Attachment attachment) {
			return new AttachmentView(attachment.attachmentId(), attachment.metaCiphertext().base64Url(),
					attachment.chunkCount(), attachment.totalBytes(), attachment.author(), attachment.createdOn());
		}

	}

}

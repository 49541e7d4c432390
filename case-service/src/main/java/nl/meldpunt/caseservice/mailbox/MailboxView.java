package nl.meldpunt.caseservice.mailbox;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import java.util.function.Function;

import nl.meldpunt.caseservice.casefile.Author;
import nl.meldpunt.caseservice.casefile.CaseEvent;
import nl.meldpunt.caseservice.casefile.Decision;
import nl.meldpunt.caseservice.casefile.Proposal;
import nl.meldpunt.caseservice.casefile.CaseState;
import nl.meldpunt.caseservice.casefile.CaseView;
import nl.meldpunt.caseservice.casefile.ItemKind;

/**
 * What {@code GET /internal/v1/mailbox} answers (CONTRACTS.md 3). {@code keyBook} (and
 * {@code hotlineKeyBook} for a report to a hotline) are the books as stored today: the
 * reporter's browser checks that they extend the heads it sealed to (kept inside the
 * sealed report, where the service cannot change them). {@code proposals} are what the
 * recipients put to the reporter (referrals needing consent, minutes to approve); a
 * referral to a hotline names it, with the contact the reporter may use.
 */
record MailboxView(UUID caseId, UUID organisationId, OrganisationView organisation, CaseState state, boolean open,
		LocalDate receivedOn, LocalDate acknowledgeBy, LocalDate feedbackBy, HotlineView hotline,
		String reporterKeyEnvelope, List<KeyView> reporterKeys, int currentEpoch, List<CaseView.Step> timeline,
		List<ItemView> items, List<AttachmentView> attachments, List<String> keyBook, List<String> hotlineKeyBook,
		List<ProposalView> proposals) {

	static MailboxView of(CaseView kase, OrganisationView organisation, HotlineView hotline, List<String> keyBook,
			List<String> hotlineKeyBook, Function<UUID, HotlineView> hotlines) {
		return new MailboxView(kase.caseId(), kase.organisationId(), organisation, kase.state(), kase.open(),
				kase.receivedOn(), kase.acknowledgeBy(), kase.feedbackBy(), hotline, kase.myKeyEnvelope().base64Url(),
				kase.myKeys().stream().map((k) -> new KeyView(k.key().epoch(), k.envelope().base64Url())).toList(),
				kase.currentCaseKey().epoch(), kase.timeline(), kase.items().stream().map(ItemView::of).toList(),
				kase.attachments().stream().map(AttachmentView::of).toList(), keyBook, hotlineKeyBook,
				kase.proposals().stream().map((p) -> ProposalView.of(p, hotlines)).toList());
	}

	record ProposalView(UUID itemId, Proposal.Kind kind, CaseEvent event, HotlineView hotline, LocalDate proposedOn,
			Decision decision, LocalDate decidedOn) {

		static ProposalView of(Proposal proposal, Function<UUID, HotlineView> hotlines) {
			return new ProposalView(proposal.itemId(), proposal.kind(), proposal.event(),
					(proposal.hotlineId() != null) ? hotlines.apply(proposal.hotlineId()) : null, proposal.proposedOn(),
					proposal.decision(), proposal.decidedOn());
		}
	}

	record OrganisationView(String slug, String name) {
	}

	record HotlineView(UUID id, String name, String contact) {
	}

	/** The case key of one epoch sealed to the reporter. */
	record KeyView(int epoch, String envelope) {
	}

	record ItemView(UUID itemId, ItemKind kind, Author author, LocalDate createdOn, int epoch, String ciphertext) {

		static ItemView of(CaseView.Item item) {
			return new ItemView(item.itemId(), item.kind(), item.author(), item.createdOn(), item.key().epoch(),
					item.ciphertext().base64Url());
		}

	}

	record AttachmentView(UUID attachmentId, String metaCiphertext, int chunkCount, long totalBytes, Author author,
			LocalDate createdOn, int epoch) {

		static AttachmentView of(CaseView.Attachment attachment) {
			return new AttachmentView(attachment.attachmentId(), attachment.metaCiphertext().base64Url(),
					attachment.chunkCount(), attachment.totalBytes(), attachment.author(), attachment.createdOn(),
					attachment.epoch());
		}

	}

}

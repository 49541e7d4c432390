package nl.meldpunt.caseservice.workspace;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.meldpunt.caseservice.casefile.Author;
import nl.meldpunt.caseservice.casefile.CaseEvent;
import nl.meldpunt.caseservice.casefile.CaseState;
import nl.meldpunt.caseservice.casefile.CaseView;
import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.ItemKind;
import nl.meldpunt.caseservice.casefile.Proposal;

/**
 * One case as its recipient's browser needs it to decrypt and act; {@code open} and
 * {@code legalEvents} come from the procedure, so the browser repeats none of its rules.
 */
record CaseDetail(UUID caseId, UUID organisationId, CaseState state, boolean open, Channel channel,
		LocalDate receivedOn, LocalDate acknowledgeBy, LocalDate feedbackBy, LocalDate closedOn,
		boolean consentRecorded, Set<CaseEvent> legalEvents, String myKeyEnvelope, String reporterPublicKey,
		List<String> recipients, List<UUID> excludedAdvisers, List<CaseView.Step> timeline, List<Item> items,
		List<Attachment> attachments, List<Proposal> proposals) {

	static CaseDetail of(CaseView kase) {
		return new CaseDetail(kase.caseId(), kase.organisationId(), kase.state(), kase.open(), kase.channel(),
				kase.receivedOn(), kase.acknowledgeBy(), kase.feedbackBy(), kase.closedOn(), kase.consentRecorded(),
				kase.legalEvents(), kase.myKeyEnvelope().base64Url(), kase.reporterPublicKey().base64Url(),
				kase.recipients().stream().map((r) -> r.kind() + ":" + r.id()).toList(), kase.excludedAdvisers(),
				kase.timeline(),
				kase.items()
					.stream()
					.map((i) -> new Item(i.itemId(), i.kind(), i.author(), i.authorAccountId(), i.createdOn(),
							i.ciphertext().base64Url()))
					.toList(),
				kase.attachments()
					.stream()
					.map((a) -> new Attachment(a.attachmentId(), a.metaCiphertext().base64Url(), a.chunkCount(),
							a.totalBytes(), a.author(), a.createdOn()))
					.toList(),
				kase.proposals());
	}

	record Item(UUID itemId, ItemKind kind, Author author, UUID authorAccountId, LocalDate createdOn,
			String ciphertext) {
	}

	record Attachment(UUID attachmentId, String metaCiphertext, int chunkCount, long totalBytes, Author author,
			LocalDate createdOn) {
	}

}

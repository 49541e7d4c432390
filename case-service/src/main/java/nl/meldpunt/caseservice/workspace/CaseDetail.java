package nl.meldpunt.caseservice.workspace;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.meldpunt.caseservice.casefile.Author;
import nl.meldpunt.caseservice.casefile.CaseEvent;
import nl.meldpunt.caseservice.casefile.CaseState;
import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.ItemKind;
import nl.meldpunt.caseservice.casefile.Timeline;

/** One case as its recipient's browser needs it to decrypt and act. */
record CaseDetail(UUID caseId, UUID organisationId, CaseState state, Channel channel, LocalDate receivedOn,
		LocalDate acknowledgeBy, LocalDate feedbackBy, LocalDate closedOn, boolean consentRecorded,
		Set<CaseEvent> legalEvents, String myKeyEnvelope, String reporterPublicKey, List<String> recipients,
		List<UUID> excludedAdvisers, List<Timeline.Entry> timeline, List<Item> items, List<Attachment> attachments) {

	record Item(UUID itemId, ItemKind kind, Author author, UUID authorAccountId, LocalDate createdOn,
			String ciphertext) {
	}

	record Attachment(UUID attachmentId, String metaCiphertext, int chunkCount, long totalBytes, Author author,
			LocalDate createdOn) {
	}

}

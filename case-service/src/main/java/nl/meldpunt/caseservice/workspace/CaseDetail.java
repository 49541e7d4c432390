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
import nl.meldpunt.caseservice.casefile.KeyRef;
import nl.meldpunt.caseservice.casefile.Proposal;
import nl.meldpunt.caseservice.casefile.Recipient;
import nl.meldpunt.crypto.KeyEnvelope;
import nl.meldpunt.crypto.KeyPurpose;
import nl.meldpunt.crypto.RecipientPublicKey;
import nl.meldpunt.crypto.SealedItem;

/**
 * One case as its recipient's browser needs it to decrypt and act; {@code open} and
 * {@code legalEvents} come from the procedure, so the browser repeats none of its rules.
 * {@code myKeys} holds every key of the case sealed to the caller with who holds it: the
 * browser checks, against the key book, that the key it writes with is held only by
 * current members (and re-keys when {@code rekeyNeeded}). Envelopes, keys and ciphertexts
 * are the crypto module's types, written as base64url by {@code CryptoJson}.
 */
record CaseDetail(UUID caseId, UUID organisationId, CaseState state, boolean open, Channel channel, UUID hotlineId,
		LocalDate receivedOn, LocalDate acknowledgeBy, LocalDate feedbackBy, LocalDate closedOn,
		boolean consentRecorded, Set<CaseEvent> legalEvents, KeyEnvelope myKeyEnvelope, List<Key> myKeys,
		KeyRef currentCaseKey, KeyRef currentStaffKey, boolean rekeyNeeded, RecipientPublicKey reporterPublicKey,
		List<String> recipients, List<UUID> excludedAdvisers, List<CaseView.Step> timeline, List<Item> items,
		List<Attachment> attachments, List<Proposal> proposals) {

	static CaseDetail of(CaseView kase) {
		return new CaseDetail(kase.caseId(), kase.organisationId(), kase.state(), kase.open(), kase.channel(),
				kase.hotlineId(), kase.receivedOn(), kase.acknowledgeBy(), kase.feedbackBy(), kase.closedOn(),
				kase.consentRecorded(), kase.legalEvents(), kase.myKeyEnvelope(),
				kase.myKeys()
					.stream()
					.map((k) -> new Key(k.key().purpose(), k.key().epoch(), k.envelope(),
							k.holders().stream().map(CaseDetail::name).toList()))
					.toList(),
				kase.currentCaseKey(), kase.currentStaffKey(), kase.rekeyNeeded(), kase.reporterPublicKey(),
				kase.recipients().stream().map(CaseDetail::name).toList(), kase.excludedAdvisers(), kase.timeline(),
				kase.items()
					.stream()
					.map((i) -> new Item(i.itemId(), i.kind(), i.author(), i.authorAccountId(), i.createdOn(),
							i.key().purpose(), i.key().epoch(), i.ciphertext()))
					.toList(),
				kase.attachments()
					.stream()
					.map((a) -> new Attachment(a.attachmentId(), a.metaCiphertext(), a.chunkCount(), a.totalBytes(),
							a.author(), a.createdOn(), a.epoch()))
					.toList(),
				kase.proposals());
	}

	private static String name(Recipient recipient) {
		return recipient.kind() + ":" + recipient.id();
	}

	/** One key of the case sealed to the caller; {@code holders} as "KIND:id". */
	record Key(KeyPurpose purpose, int epoch, KeyEnvelope envelope, List<String> holders) {
	}

	record Item(UUID itemId, ItemKind kind, Author author, UUID authorAccountId, LocalDate createdOn,
			KeyPurpose purpose, int epoch, SealedItem ciphertext) {
	}

	record Attachment(UUID attachmentId, SealedItem metaCiphertext, int chunkCount, long totalBytes, Author author,
			LocalDate createdOn, int epoch) {
	}

}

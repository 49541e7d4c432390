package nl.meldpunt.caseservice.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.meldpunt.crypto.KeyEnvelope;
import nl.meldpunt.crypto.RecipientPublicKey;
import nl.meldpunt.crypto.SealedItem;

/**
 * One case as its actor may see it: the reporter never sees notes, recipients, staff keys
 * or exclusions; a recipient sees the envelopes sealed to them and who holds each key.
 * {@code open} and {@code legalEvents} come from the procedure, so no caller repeats its
 * rules.
 *
 * @param caseId the case
 * @param organisationId its organisation
 * @param state where it stands
 * @param open whether anything can still be added (not closed, not withdrawn)
 * @param channel advisers or hotline
 * @param hotlineId the hotline chosen when filing (null for advisers)
 * @param receivedOn the day it was filed
 * @param acknowledgeBy legal acknowledgement deadline
 * @param feedbackBy legal feedback deadline
 * @param closedOn the day it was closed or withdrawn
 * @param consentRecorded whether a referral is allowed (consent or legal duty)
 * @param legalEvents the events the procedure allows in {@code state}
 * @param myKeys every key of the case sealed to this actor, oldest first
 * @param currentCaseKey the key new messages and attachments are sealed with
 * @param currentStaffKey the key new internal notes are sealed with (null until the first
 * note; recipients only)
 * @param rekeyNeeded whether a removed recipient still holds a current key (recipients
 * only): a remaining recipient's browser must seal new ones before anyone writes
 * @param reporterPublicKey the reporter's public key (recipients only)
 * @param recipients every recipient of the case (recipients only)
 * @param excludedAdvisers the advisers the reporter excluded (recipients only)
 * @param timeline the procedure's steps, day precision
 * @param items the encrypted items in the order written (notes for recipients only)
 * @param attachments the encrypted attachments
 * @param proposals what was put to the reporter for a decision, and the decisions
 */
public record CaseView(UUID caseId, UUID organisationId, CaseState state, boolean open, Channel channel, UUID hotlineId,
		LocalDate receivedOn, LocalDate acknowledgeBy, LocalDate feedbackBy, LocalDate closedOn,
		boolean consentRecorded, Set<CaseEvent> legalEvents, List<Key> myKeys, KeyRef currentCaseKey,
		KeyRef currentStaffKey, boolean rekeyNeeded, RecipientPublicKey reporterPublicKey, List<Recipient> recipients,
		List<UUID> excludedAdvisers, List<Step> timeline, List<Item> items, List<Attachment> attachments,
		List<Proposal> proposals) {

	/**
	 * The envelope of the case's original key sealed to this actor (every recipient of
	 * the case's first epoch holds one, and everyone added later gets it too).
	 */
	public KeyEnvelope myKeyEnvelope() {
		return this.myKeys.stream()
			.filter((k) -> k.key().equals(KeyRef.ORIGINAL))
			.map(Key::envelope)
			.findFirst()
			.orElseThrow();
	}

	/**
	 * One key of the case as this actor holds it.
	 *
	 * @param key purpose and epoch
	 * @param envelope the key sealed to this actor
	 * @param holders who holds this key (recipients only; empty for the reporter)
	 */
	public record Key(KeyRef key, KeyEnvelope envelope, List<Recipient> holders) {
	}

	/**
	 * One step of the procedure: the event ({@code FILED} first) and the new state.
	 *
	 * @param on the day
	 * @param event {@code FILED} or a {@link CaseEvent} name
	 * @param state the state after the step
	 */
	public record Step(LocalDate on, String event, CaseState state) {
	}

	/**
	 * One encrypted item; {@code authorAccountId} is null for the reporter.
	 *
	 * @param itemId the item
	 * @param caseId its case
	 * @param kind report, message or note
	 * @param author which side wrote it
	 * @param authorAccountId the writing adviser's or handler's account
	 * @param createdOn the day
	 * @param key the key that sealed it
	 * @param ciphertext the sealed item
	 */
	public record Item(UUID itemId, UUID caseId, ItemKind kind, Author author, UUID authorAccountId,
			LocalDate createdOn, KeyRef key, SealedItem ciphertext) {
	}

	/**
	 * One encrypted attachment: a sealed meta item and numbered sealed chunks.
	 *
	 * @param attachmentId the attachment
	 * @param caseId its case
	 * @param author which side added it
	 * @param metaCiphertext sealed file name, type and size
	 * @param chunkCount how many chunks
	 * @param totalBytes announced plaintext size
	 * @param createdOn the day
	 * @param epoch the epoch of the case key that sealed it
	 */
	public record Attachment(UUID attachmentId, UUID caseId, Author author, SealedItem metaCiphertext, int chunkCount,
			long totalBytes, LocalDate createdOn, int epoch) {
	}

}

package nl.meldpunt.internalapi;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import nl.meldpunt.crypto.KeyEnvelope;
import nl.meldpunt.crypto.SealedItem;

/**
 * What {@code GET /mailbox} answers: the reporter's case as the token's holder may see it
 * (docs/CONTRACTS.md section 3). The case service writes it, the portal reads it into
 * this record and gives it to the browser; both write every field, absent ones as
 * {@code null}, so the browser sees the case service's JSON unchanged. Ciphertexts and
 * envelopes are the crypto module's types, written and read by {@link CryptoJson}: a
 * value the crypto module refuses fails as a {@link MalformedValue} on the portal's side.
 * <p>
 * {@code keyBook} (and {@code hotlineKeyBook} for a report to a hotline) are the books as
 * stored today, base64url entries like {@link OrganisationPortal#keyBook()}: the browser
 * checks that they extend the heads it sealed to (kept inside the sealed report, where
 * the service cannot change them); neither service parses them.
 *
 * @param caseId the case
 * @param organisationId its organisation
 * @param organisation its slug and name
 * @param state where the case stands
 * @param open whether the reporter can still add anything (the one definition of "open":
 * the browser reads this flag, it does not repeat the list of states)
 * @param receivedOn the day it was filed
 * @param acknowledgeBy legal acknowledgement deadline
 * @param feedbackBy legal feedback deadline
 * @param hotline the hotline the report was filed to (null for the advisers)
 * @param reporterKeyEnvelope the case's original key sealed to the reporter
 * @param reporterKeys every key of the case sealed to the reporter, oldest first
 * @param currentEpoch the epoch new messages and attachments are sealed with
 * @param timeline the procedure's steps, day precision
 * @param items the sealed items the reporter may see, in the order written
 * @param attachments the sealed attachments
 * @param keyBook the organisation's key book as stored (base64url entries)
 * @param hotlineKeyBook the hotline's key book as stored (empty for the advisers)
 * @param proposals referrals and minutes put to the reporter, with the decisions
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MailboxView(UUID caseId, UUID organisationId, Organisation organisation, State state, boolean open,
		LocalDate receivedOn, LocalDate acknowledgeBy, LocalDate feedbackBy, Hotline hotline,
		KeyEnvelope reporterKeyEnvelope, List<Key> reporterKeys, int currentEpoch, List<Step> timeline,
		List<Item> items, List<Attachment> attachments, List<String> keyBook, List<String> hotlineKeyBook,
		List<Proposal> proposals) {

	public MailboxView {
		reporterKeys = copy(reporterKeys);
		timeline = copy(timeline);
		items = copy(items);
		attachments = copy(attachments);
		keyBook = copy(keyBook);
		hotlineKeyBook = copy(hotlineKeyBook);
		proposals = copy(proposals);
	}

	private static <T> List<T> copy(List<T> list) {
		return (list != null) ? List.copyOf(list) : List.of();
	}

	/** Where a case stands in the procedure (shared/design/PROCEDURE.md). */
	public enum State {

		RECEIVED, ACKNOWLEDGED, IN_CONSULTATION, WAITING_FOR_REPORTER, MEDIATION, FORMAL_COMPLAINT, INVESTIGATION,
		REFERRED_EXTERNAL, FEEDBACK_GIVEN, CLOSED, WITHDRAWN

	}

	/** What can happen to a case (a referral names the step it asks consent for). */
	public enum Event {

		ACKNOWLEDGE, START_CONSULTATION, ASK_REPORTER, REPORTER_ANSWERED, ANSWER_TIMED_OUT, START_MEDIATION,
		FILE_FORMAL_COMPLAINT, START_INVESTIGATION, REFER_EXTERNAL, GIVE_FEEDBACK, CLOSE, WITHDRAW, REASSIGN

	}

	/** What a sealed item is (bound into its associated data). */
	public enum ItemKind {

		REPORT, MESSAGE, NOTE, PROPOSAL, MINUTES, DECISION, MEETING_REQUEST

	}

	/** Which side wrote an item or attachment (never which person). */
	public enum Author {

		REPORTER, ADVISER, HOTLINE

	}

	/** What is put to the reporter. */
	public enum ProposalKind {

		/** A referral needing consent. */
		REFERRAL,
		/** Minutes of a meeting or call, for approval. */
		MINUTES

	}

	/**
	 * @param slug the path segment of its portal
	 * @param name its display name
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Organisation(String slug, String name) {
	}

	/**
	 * A hotline the report went to, or a referral names.
	 *
	 * @param id the hotline
	 * @param name its name
	 * @param contact the contact the reporter may use
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Hotline(UUID id, String name, String contact) {
	}

	/**
	 * The case key of one epoch sealed to the reporter.
	 *
	 * @param epoch the epoch
	 * @param envelope the key sealed to the reporter
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Key(int epoch, KeyEnvelope envelope) {
	}

	/**
	 * One step of the procedure. {@code event} is {@code FILED}, a procedure event or a
	 * milestone (what the reporter decided): an open list the browser translates, so it
	 * stays text.
	 *
	 * @param on the day
	 * @param event what happened
	 * @param state the state after the step
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Step(LocalDate on, String event, State state) {
	}

	/**
	 * One sealed item.
	 *
	 * @param itemId the item
	 * @param kind what it is
	 * @param author which side wrote it
	 * @param createdOn the day
	 * @param epoch the epoch of the case key that sealed it
	 * @param ciphertext the sealed item
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Item(UUID itemId, ItemKind kind, Author author, LocalDate createdOn, int epoch,
			SealedItem ciphertext) {
	}

	/**
	 * One sealed attachment; its chunks are fetched one by one.
	 *
	 * @param attachmentId the attachment
	 * @param metaCiphertext sealed file name, type and size
	 * @param chunkCount how many chunks
	 * @param totalBytes announced plaintext size
	 * @param author which side added it
	 * @param createdOn the day
	 * @param epoch the epoch of the case key that sealed it
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Attachment(UUID attachmentId, SealedItem metaCiphertext, int chunkCount, long totalBytes,
			Author author, LocalDate createdOn, int epoch) {
	}

	/**
	 * A referral or minutes put to the reporter; the reason or the minutes are the sealed
	 * item {@code itemId}.
	 *
	 * @param itemId the sealed proposal or minutes
	 * @param kind referral or minutes
	 * @param event the step a referral is for (null for minutes)
	 * @param hotline the hotline a referral to a hotline names, with its contact
	 * @param proposedOn the day it was put to the reporter
	 * @param decision the reporter's decision (null while pending)
	 * @param decidedOn the day of the decision
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Proposal(UUID itemId, ProposalKind kind, Event event, Hotline hotline, LocalDate proposedOn,
			NewDecision.Decision decision, LocalDate decidedOn) {
	}

}

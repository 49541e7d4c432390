package nl.meldpunt.caseservice.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.audit.ActorKind;
import nl.meldpunt.caseservice.audit.AuditAction;
import nl.meldpunt.caseservice.audit.AuditLog;
import nl.meldpunt.caseservice.ids.CaseId;
import nl.meldpunt.caseservice.ids.OrganisationId;
import nl.meldpunt.caseservice.organisations.Organisations;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.KeyPurpose;
import nl.meldpunt.crypto.SealedItem;
import nl.meldpunt.internalapi.Limits;

/**
 * The front door of a case: every other package reads, writes and moves cases through
 * here, naming the {@link Actor}. Which case an actor may reach, and what each may add,
 * is decided in this one place: a reporter reaches only the case of their credential and
 * adds only while it is open; a recipient reaches only cases of their organisation that
 * they hold a key envelope for (any other case does not exist for them), and may add a
 * note to a closed case but nothing else. Procedure steps go to the state machine.
 */
@Service
public class CaseFile {

	/**
	 * A stored filing. {@code created} is false when it was a repeat of an earlier one.
	 *
	 * @param caseId the case
	 * @param state its state
	 * @param receivedOn the day it was filed
	 * @param acknowledgeBy the acknowledgement deadline
	 * @param created whether this call stored it
	 */
	public record Filed(UUID caseId, CaseState state, LocalDate receivedOn, LocalDate acknowledgeBy, boolean created) {
	}

	private final Cases cases;

	private final CaseFiling filing;

	private final KeyEnvelopes envelopes;

	private final Exclusions exclusions;

	private final CaseItems items;

	private final Attachments attachments;

	private final Timeline timeline;

	private final DueCases due;

	private final CaseLifecycle lifecycle;

	private final RecipientDirectory directory;

	private final Proposals proposals;

	private final Readings readings;

	private final Organisations organisations;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CaseFile(Cases cases, CaseFiling filing, KeyEnvelopes envelopes, Exclusions exclusions, CaseItems items,
			Attachments attachments, Timeline timeline, DueCases due, CaseLifecycle lifecycle,
			RecipientDirectory directory, Proposals proposals, Readings readings, Organisations organisations,
			AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.filing = filing;
		this.envelopes = envelopes;
		this.exclusions = exclusions;
		this.items = items;
		this.attachments = attachments;
		this.timeline = timeline;
		this.due = due;
		this.lifecycle = lifecycle;
		this.directory = directory;
		this.proposals = proposals;
		this.readings = readings;
		this.organisations = organisations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Starts a batch of filings (group commit): it knows what is stored under these case
	 * ids and credentials already, so that intake can tell retries from new cases;
	 * {@link #store} writes what was added to it. Call both in one transaction.
	 */
	@Transactional
	public FilingBatch startFiling(Collection<UUID> caseIds, Collection<String> credentialHashes) {
		return new FilingBatch(LocalDate.now(this.clock), this.filing.known(caseIds, credentialHashes));
	}

	/**
	 * Writes every filing added to the batch, in {@link CaseState#RECEIVED}, with a fixed
	 * number of round trips; answers nothing until the caller's transaction commits.
	 */
	@Transactional
	public void store(FilingBatch batch) {
		this.filing.storeAll(batch.added(), batch.today());
	}

	/**
	 * Stores one filing intake has checked, in {@link CaseState#RECEIVED} (a batch of
	 * one); a retry of a stored filing is answered as such and stores nothing.
	 */
	@Transactional
	public Filed file(NewFiling filing) {
		FilingBatch batch = startFiling(List.of(filing.caseId()), List.of(filing.credentialHash()));
		Optional<Filed> repeat = batch.repeatOf(filing.caseId(), filing.organisationId(), filing.credentialHash());
		if (repeat.isPresent()) {
			return repeat.get();
		}
		Filed filed = batch.add(filing);
		store(batch);
		return filed;
	}

	/** The case as {@code actor} may see it; recorded in the audit log as a read. */
	@Transactional
	public CaseView open(Actor actor, UUID caseId) {
		Case kase = resolve(actor, caseId);
		audit(actor, kase, actor.isReporter() ? AuditAction.MAILBOX_READ : AuditAction.CASE_READ);
		boolean recipient = actor.isRecipient();
		List<CaseView.Key> keys = this.envelopes.of(kase.id(), actor.asRecipient())
			.stream()
			.map((sealed) -> new CaseView.Key(sealed.key(), sealed.envelope(),
					recipient ? sorted(this.envelopes.holders(kase.id(), sealed.key())) : List.of()))
			.toList();
		List<Recipient> recipients = recipient ? sorted(this.envelopes.recipients(kase.id())) : List.of();
		List<UUID> excluded = recipient ? this.exclusions.of(kase.id()).stream().sorted().toList() : List.of();
		return new CaseView(kase.id(), kase.organisationId(), kase.state(), kase.isOpen(), kase.channel(),
				kase.hotlineId(), kase.receivedOn(), kase.acknowledgeBy(), kase.feedbackBy(), kase.closedOn(),
				kase.mayBeReferred(), this.lifecycle.eventsFrom(kase.state()), keys, kase.currentCaseKey(),
				recipient ? kase.currentStaffKey().orElse(null) : null, recipient && rekeyNeeded(kase),
				recipient ? Stored.publicKey(kase.reporterPublicKey()) : null, recipients, excluded,
				this.timeline.of(kase.id()), this.items.of(kase.id(), recipient), this.attachments.of(kase.id()),
				this.proposals.of(kase.id()));
	}

	/**
	 * Adds a message (or, for a recipient, an internal note) sealed with the case's
	 * current key of its purpose (the case key; the staff key for a note); a reporter's
	 * message answers a question the case waits on. {@code key} null means that current
	 * key. Returns the day it was written.
	 */
	@Transactional
	public LocalDate write(Actor actor, UUID caseId, UUID itemId, ItemKind kind, KeyRef key, SealedItem ciphertext) {
		Case kase = resolve(actor, caseId);
		if (kind != ItemKind.MESSAGE && (kind != ItemKind.NOTE || !actor.isRecipient())) {
			throw Refusal.invalid("kind", actor.isRecipient() ? "must be MESSAGE or NOTE" : "must be MESSAGE");
		}
		if (kind != ItemKind.NOTE) {
			requireOpen(kase);
		}
		KeyRef current = (kind == ItemKind.NOTE)
				? kase.currentStaffKey()
					.orElseThrow(() -> new Refusal(Problem.STAFF_KEY_REQUIRED,
							"Internal notes need the case's staff key: seal one to the case's recipients first."))
				: kase.currentCaseKey();
		requireCurrent(key, current);
		if (actor.isRecipient() && rekeyNeeded(kase)) {
			throw rekeyRequired();
		}
		if (this.items.find(itemId).isPresent()) {
			throw new Refusal(Problem.ITEM_ID_TAKEN, "This item id is already in use.");
		}
		LocalDate today = LocalDate.now(this.clock);
		this.items.store(kase.organisationId(), new CaseView.Item(itemId, kase.id(), kind, actor.asAuthor(),
				actor.accountId(), today, current, ciphertext));
		audit(actor, kase, (kind == ItemKind.NOTE) ? AuditAction.NOTE_WRITTEN : AuditAction.MESSAGE_WRITTEN);
		if (actor.isReporter()) {
			this.lifecycle.reporterWrote(kase);
		}
		return today;
	}

	/**
	 * A recipient's browser seals a new key of the case: the next epoch of the case key
	 * (re-keying after a removal: to the remaining recipients and the reporter) or of the
	 * staff key (to the remaining recipients only; the first staff key before the first
	 * internal note). The envelopes must go to exactly the current holders of the case
	 * key who are still members of their key book (and, for the case key, the reporter):
	 * never to anyone new, never to a removed recipient. Returns the new key.
	 */
	@Transactional
	public KeyRef addKey(Actor actor, UUID caseId, KeyRef key, List<SealedKey> sealed) {
		if (!actor.isRecipient()) {
			throw new Refusal(Problem.NOT_A_RECIPIENT, "Only a recipient of the case seals its keys.");
		}
		Case kase = this.cases.lock(resolve(actor, caseId).id()).orElseThrow();
		KeyRef next = kase.nextKey(key.purpose());
		if (!key.equals(next)) {
			throw new Refusal(Problem.WRONG_EPOCH,
					"The next key of this purpose is " + next.purpose() + " epoch " + next.epoch() + ".");
		}
		Set<Recipient> expected = this.envelopes.holders(kase.id(), kase.currentCaseKey())
			.stream()
			.filter((r) -> !r.isReporter() && this.directory.mayReceive(kase.organisationId(), r))
			.collect(Collectors.toCollection(HashSet::new));
		if (!expected.contains(actor.asRecipient())) {
			throw new Refusal(Problem.NOT_A_RECIPIENT, "Only a current member holding the case key seals its keys.");
		}
		if (key.purpose() == KeyPurpose.CASE) {
			expected.add(Recipient.reporter());
		}
		Set<Recipient> covered = new HashSet<>();
		for (SealedKey envelope : sealed) {
			if (!envelope.key().equals(key) || !covered.add(envelope.recipient())) {
				throw new Refusal(Problem.RECIPIENTS_MISMATCH,
						"Each recipient gets exactly one envelope of the new key.");
			}
		}
		if (!covered.equals(expected)) {
			throw new Refusal(Problem.RECIPIENTS_MISMATCH,
					"The new key must be sealed to exactly the remaining members holding the case"
							+ ((key.purpose() == KeyPurpose.CASE) ? " and the reporter." : " (never the reporter)."));
		}
		this.envelopes.store(kase.organisationId(), kase.id(), sealed, LocalDate.now(this.clock));
		kase.useKey(key);
		this.audit.record(OrganisationId.of(kase.organisationId()), actor.auditKind(), actor.auditId(),
				AuditAction.CASE_KEY_ADDED, CaseId.of(kase.id()), key.purpose() + ":" + key.epoch());
		return key;
	}

	/**
	 * A recipient proposes a step that needs the reporter's consent (to a hotline, where
	 * it is a referral to one); the reason is sealed. The reporter decides on their page.
	 */
	@Transactional
	public LocalDate propose(Actor actor, UUID caseId, UUID itemId, CaseEvent event, UUID hotlineId,
			SealedItem ciphertext, Integer epoch) {
		Case kase = writable(actor, caseId, itemId, true);
		requireCurrent(epoch, kase);
		LocalDate today = LocalDate.now(this.clock);
		this.proposals.propose(kase, actor, itemId, event, hotlineId, ciphertext, today);
		return today;
	}

	/** A recipient records sealed minutes of a meeting or call for the reporter. */
	@Transactional
	public LocalDate recordMinutes(Actor actor, UUID caseId, UUID itemId, SealedItem ciphertext, Integer epoch) {
		Case kase = writable(actor, caseId, itemId, true);
		requireCurrent(epoch, kase);
		LocalDate today = LocalDate.now(this.clock);
		this.proposals.recordMinutes(kase, actor, itemId, ciphertext, today);
		return today;
	}

	/**
	 * The reporter decides on a proposal or on minutes of their case; the decision is
	 * sealed too (it names the exact item it answers).
	 */
	@Transactional
	public LocalDate decide(Actor actor, UUID proposalItemId, UUID itemId, Decision decision, SealedItem ciphertext,
			Integer epoch) {
		Case kase = writable(actor, null, itemId, false);
		requireCurrent(epoch, kase);
		LocalDate today = LocalDate.now(this.clock);
		this.proposals.decide(kase, actor, proposalItemId, itemId, decision, ciphertext, today);
		return today;
	}

	/** The reporter asks for a meeting or a call (how and when, sealed). */
	@Transactional
	public LocalDate requestMeeting(Actor actor, UUID itemId, SealedItem ciphertext, Integer epoch) {
		Case kase = writable(actor, null, itemId, false);
		requireCurrent(epoch, kase);
		LocalDate today = LocalDate.now(this.clock);
		this.proposals.requestMeeting(kase, actor, itemId, ciphertext, today);
		return today;
	}

	/** The recipient has seen everything the reporter sent (clears the inbox marker). */
	@Transactional
	public void markSeen(Actor actor, UUID caseId) {
		if (!actor.isRecipient()) {
			throw new Refusal(Problem.NOT_A_RECIPIENT, "Only a recipient of the case reads it in the workspace.");
		}
		this.readings.seen(resolve(actor, caseId).id(), actor.accountId());
	}

	/**
	 * Announces an attachment whose sealed chunks follow; only while the case is open.
	 */
	@Transactional
	public void attach(Actor actor, UUID caseId, UUID attachmentId, SealedItem metaCiphertext, int chunkCount,
			long totalBytes, Integer epoch) {
		Case kase = resolve(actor, caseId);
		requireOpen(kase);
		requireCurrent((epoch != null) ? KeyRef.caseKey(epoch) : null, kase.currentCaseKey());
		if (actor.isRecipient() && rekeyNeeded(kase)) {
			throw rekeyRequired();
		}
		if (totalBytes > this.organisations.getReferenceById(kase.organisationId()).maxAttachmentBytes()) {
			throw new Refusal(Problem.ATTACHMENT_TOO_LARGE, "The attachment is larger than this organisation allows.");
		}
		if (this.attachments.find(kase.id(), attachmentId).isPresent()) {
			throw new Refusal(Problem.ITEM_ID_TAKEN, "This attachment id is already in use.");
		}
		if (this.attachments.countOf(kase.id()) >= Limits.MAX_ATTACHMENTS_PER_CASE) {
			throw new Refusal(Problem.TOO_MANY_ATTACHMENTS, "This case has as many attachments as it can have.");
		}
		this.attachments.create(kase.organisationId(),
				new CaseView.Attachment(attachmentId, kase.id(), actor.asAuthor(), metaCiphertext, chunkCount,
						totalBytes, LocalDate.now(this.clock), kase.currentCaseKey().epoch()));
		audit(actor, kase, AuditAction.ATTACHMENT_ADDED);
	}

	/**
	 * Stores chunk {@code n} of an attachment of the actor's own side (the reporter's, or
	 * the recipients'); the reporter only while the case is open.
	 */
	@Transactional
	public void putChunk(Actor actor, UUID caseId, UUID attachmentId, int n, byte[] bytes) {
		Case kase = resolve(actor, caseId);
		if (actor.isReporter()) {
			requireOpen(kase);
		}
		CaseView.Attachment attachment = this.attachments.find(kase.id(), attachmentId)
			.filter((a) -> (a.author() == Author.REPORTER) == actor.isReporter())
			.orElseThrow(CaseFile::unknownAttachment);
		checkIndex(attachment, n);
		this.attachments.putChunk(kase.organisationId(), attachment, n, sealedChunk(bytes));
	}

	/** Reads chunk {@code n} of any attachment of the case. */
	@Transactional
	public SealedItem chunk(Actor actor, UUID caseId, UUID attachmentId, int n) {
		Case kase = resolve(actor, caseId);
		checkIndex(this.attachments.find(kase.id(), attachmentId).orElseThrow(CaseFile::unknownAttachment), n);
		SealedItem chunk = this.attachments.chunk(attachmentId, n)
			.orElseThrow(() -> new Refusal(Problem.UNKNOWN_CHUNK, "This chunk has not been uploaded."));
		audit(actor, kase, AuditAction.ATTACHMENT_READ);
		return chunk;
	}

	/** Fires a procedure step for the transition's actor; returns the new state. */
	@Transactional
	public CaseState fire(UUID caseId, Transition transition) {
		return this.lifecycle.fire(resolve(transition.actor(), caseId), transition);
	}

	/** The events the procedure allows in {@code state} (guards aside). */
	public Set<CaseEvent> legalEvents(CaseState state) {
		return this.lifecycle.eventsFrom(state);
	}

	/** The recipient's open cases, ordered by the next legal deadline. */
	@Transactional(readOnly = true)
	public List<DueCase> inbox(Actor recipient) {
		if (!recipient.isRecipient() || recipient.organisationId() == null) {
			throw new IllegalArgumentException("only a recipient of an organisation has an inbox");
		}
		if (this.directory.wasRemoved(recipient.organisationId(), recipient.asRecipient())) {
			return List.of();
		}
		return this.due.openFor(recipient.organisationId(), recipient.asRecipient(), recipient.accountId());
	}

	/** Open cases whose acknowledgement is due on or before {@code by}. */
	@Transactional(readOnly = true)
	public List<DueCase> acknowledgementDueBy(LocalDate by) {
		return this.due.acknowledgeDueBy(by);
	}

	/** Open cases whose feedback is due on or before {@code by}. */
	@Transactional(readOnly = true)
	public List<DueCase> feedbackDueBy(LocalDate by) {
		return this.due.feedbackDueBy(by);
	}

	/** Cases waiting for the reporter's answer since before {@code askedBefore}. */
	@Transactional(readOnly = true)
	public List<UUID> unansweredSince(LocalDate askedBefore) {
		return this.due.waitingSince(askedBefore);
	}

	/** Who holds a key envelope of the case (the reporter included). */
	@Transactional(readOnly = true)
	public Set<Recipient> recipients(UUID caseId) {
		return this.envelopes.recipients(caseId);
	}

	/** The advisers the reporter excluded from the case (never told about it). */
	@Transactional(readOnly = true)
	public Set<UUID> excludedAdvisers(UUID caseId) {
		return this.exclusions.of(caseId);
	}

	/** Closed or withdrawn cases whose retention period ended before {@code today}. */
	@Transactional(readOnly = true)
	public List<UUID> pastRetention(LocalDate today, int limit) {
		return this.due.pastRetention(today, limit);
	}

	/**
	 * Deletes a case for good, with everything stored with it (its key envelopes go too:
	 * crypto-shredding), and publishes {@link CaseDeleted}.
	 */
	@Transactional
	public void deleteForRetention(UUID caseId) {
		this.cases.findById(caseId).ifPresent((kase) -> {
			this.due.delete(kase.id());
			this.events.publishEvent(new CaseDeleted(kase.organisationId(), kase.id()));
			this.audit.record(OrganisationId.of(kase.organisationId()), ActorKind.SYSTEM, null,
					AuditAction.CASE_DELETED, CaseId.of(kase.id()), "retention");
		});
	}

	private Case resolve(Actor actor, UUID caseId) {
		return switch (actor.kind()) {
			case REPORTER -> Optional.ofNullable(actor.credentialHash())
				.flatMap(this.cases::findByCredentialHash)
				.orElseThrow(Refusal::unknownToken);
			case ADVISER,
					HOTLINE ->
				Optional.ofNullable(actor.organisationId())
					.flatMap((organisationId) -> this.cases.findByIdAndOrganisationId(caseId, organisationId))
					.filter((kase) -> this.envelopes.holds(kase.id(), actor.asRecipient())
							&& !this.directory.wasRemoved(kase.organisationId(), actor.asRecipient()))
					.orElseThrow(() -> new Refusal(Problem.UNKNOWN_CASE, "There is no such case."));
			case SYSTEM -> this.cases.findById(caseId)
				.orElseThrow(() -> new Refusal(Problem.UNKNOWN_CASE, "There is no such case."));
		};
	}

	/**
	 * The actor's case, open, with {@code itemId} still free; written by a recipient
	 * (when {@code byRecipient}) or by the reporter.
	 */
	private Case writable(Actor actor, UUID caseId, UUID itemId, boolean byRecipient) {
		if (actor.isRecipient() != byRecipient) {
			throw byRecipient ? new Refusal(Problem.NOT_A_RECIPIENT, "Only a recipient of the case can do this.")
					: new Refusal(Problem.REPORTER_ONLY, "Only the reporter can do this.");
		}
		Case kase = resolve(actor, caseId);
		requireOpen(kase);
		if (actor.isRecipient() && rekeyNeeded(kase)) {
			throw rekeyRequired();
		}
		if (this.items.find(itemId).isPresent()) {
			throw new Refusal(Problem.ITEM_ID_TAKEN, "This item id is already in use.");
		}
		return kase;
	}

	/** A chunk arrives as raw bytes: it must be a sealed item like any other. */
	static SealedItem sealedChunk(byte[] bytes) {
		try {
			return SealedItem.parse(bytes);
		}
		catch (CryptoException ex) {
			throw Refusal.malformedCiphertext("chunk");
		}
	}

	/**
	 * Whether a recipient who was removed from its key book still holds the case's
	 * current case key or staff key: then nothing new may be sealed with it.
	 */
	private boolean rekeyNeeded(Case kase) {
		List<KeyRef> current = new ArrayList<>(List.of(kase.currentCaseKey()));
		kase.currentStaffKey().ifPresent(current::add);
		return current.stream()
			.flatMap((key) -> this.envelopes.holders(kase.id(), key).stream())
			.anyMatch((r) -> !r.isReporter() && this.directory.wasRemoved(kase.organisationId(), r));
	}

	private static Refusal rekeyRequired() {
		return new Refusal(Problem.REKEY_REQUIRED,
				"A removed recipient still holds this case's key: a remaining recipient must seal a new one first.");
	}

	/**
	 * A proposal, minutes, decision or meeting request sealed with another case key than
	 * the current one is refused (it would be stored under an epoch it cannot be opened
	 * with); an older browser that names no epoch is taken at its word.
	 */
	private static void requireCurrent(Integer epoch, Case kase) {
		requireCurrent((epoch != null) ? KeyRef.caseKey(epoch) : null, kase.currentCaseKey());
	}

	/** A value sealed with another key than the current one of its purpose is refused. */
	private static void requireCurrent(KeyRef given, KeyRef current) {
		if (given != null && !given.equals(current)) {
			throw new Refusal(Problem.WRONG_EPOCH, "New values are sealed with the current " + current.purpose()
					+ " key, epoch " + current.epoch() + ".");
		}
	}

	private static List<Recipient> sorted(Set<Recipient> recipients) {
		return recipients.stream().sorted(Comparator.comparing((Recipient r) -> r.kind() + ":" + r.id())).toList();
	}

	private static void requireOpen(Case kase) {
		if (!kase.isOpen()) {
			throw new Refusal(Problem.CASE_CLOSED, "This case is closed.");
		}
	}

	private static void checkIndex(CaseView.Attachment attachment, int n) {
		if (n < 0 || n >= attachment.chunkCount()) {
			throw Refusal.invalid("n", "must be between 0 and " + (attachment.chunkCount() - 1));
		}
	}

	private static Refusal unknownAttachment() {
		return new Refusal(Problem.UNKNOWN_ATTACHMENT, "There is no such attachment.");
	}

	private void audit(Actor actor, Case kase, AuditAction action) {
		this.audit.record(OrganisationId.of(kase.organisationId()), actor.auditKind(), actor.auditId(), action,
				CaseId.of(kase.id()), null);
	}

}

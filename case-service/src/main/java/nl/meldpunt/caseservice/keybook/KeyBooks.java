package nl.meldpunt.caseservice.keybook;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.audit.ActorKind;
import nl.meldpunt.caseservice.audit.AuditAction;
import nl.meldpunt.caseservice.audit.AuditLog;
import nl.meldpunt.caseservice.ids.AccountId;
import nl.meldpunt.caseservice.ids.OrganisationId;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.KeyBook;
import nl.meldpunt.crypto.KeyBookApproval;
import nl.meldpunt.crypto.KeyBookChange;
import nl.meldpunt.crypto.KeyBookMember;

/**
 * The front door of the key books. The service <em>stores, verifies and serves</em>:
 * every entry is checked against the stored book before it is appended
 * ({@link KeyBook#append}), every approval as it arrives ({@link KeyBook#checkApproval}),
 * and an entry is appended only once the threshold of current members signed it. It can
 * <em>propose</em> a change, never approve one: it holds no member's signing key.
 * <p>
 * A verified book is cached per book and reused as long as a digest of the stored entries
 * is unchanged (one query hashing a few kilobytes in the database), so that filing
 * verifies a book's signatures once per head, not per report. A stored book that no
 * longer verifies (someone wrote to the table) is refused with the precise reason
 * wherever it is used; its entries are still served, so that browsers can say why they
 * refuse.
 */
@Service
public class KeyBooks {

	/** A book verified once, valid while the stored entries still have {@code digest}. */
	private record Verified(byte[] digest, KeyBook book) {
	}

	/** The outcome of one approval. */
	public record Approved(boolean appended, long sequence, int approvals, int threshold) {
	}

	private final BookEntries entries;

	private final Drafts drafts;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Map<UUID, Verified> verified = new ConcurrentHashMap<>();

	KeyBooks(BookEntries entries, Drafts drafts, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.entries = entries;
		this.drafts = drafts;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The organisation's verified book; empty while it has none. Refused with the reason
	 * when the stored book does not verify.
	 */
	public Optional<KeyBook> organisationBook(UUID organisationId) {
		return book(organisationId, Optional.empty());
	}

	/** A hotline's own verified book (its handlers), empty while it has none. */
	public Optional<KeyBook> hotlineBook(UUID organisationId, UUID hotlineId) {
		return book(organisationId, Optional.of(hotlineId));
	}

	/** The organisation's book or one of its hotlines' books. */
	public Optional<KeyBook> book(UUID organisationId, Optional<UUID> hotlineId) {
		UUID book = hotlineId.orElse(organisationId);
		Optional<BookEntries.Stored> stored = this.entries.stored(organisationId, book);
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		Verified cached = this.verified.get(book);
		if (cached != null && Arrays.equals(cached.digest(), stored.get().digest())) {
			return Optional.of(cached.book());
		}
		List<byte[]> all = this.entries.all(organisationId, book);
		try {
			KeyBook verifiedBook = hotlineId.isPresent() ? KeyBook.verifyHotline(organisationId, hotlineId.get(), all)
					: KeyBook.verify(organisationId, all);
			this.verified.put(book, new Verified(stored.get().digest(), verifiedBook));
			return Optional.of(verifiedBook);
		}
		catch (CryptoException ex) {
			this.verified.remove(book);
			throw Refusal.keyBook(ex);
		}
	}

	/** The stored entries as they are (verified or not), for browsers to verify. */
	public List<byte[]> entries(UUID organisationId, Optional<UUID> hotlineId) {
		return this.entries.all(organisationId, hotlineId.orElse(organisationId));
	}

	/** The hotlines of the organisation that have a book of their own. */
	public List<UUID> hotlinesWithBooks(UUID organisationId) {
		return this.entries.hotlineBooks(organisationId);
	}

	/**
	 * The current handlers of a hotline whose book is pinned in the organisation's book
	 * and extends every pin; empty otherwise (or when either book does not verify).
	 */
	public List<KeyBookMember> hotlineMembers(UUID organisationId, UUID hotlineId) {
		try {
			Optional<KeyBook> organisation = organisationBook(organisationId);
			if (organisation.isEmpty() || !organisation.get().pinnedHotlines().containsKey(hotlineId)) {
				return List.of();
			}
			Optional<KeyBook> hotline = hotlineBook(organisationId, hotlineId);
			return hotline.isPresent() ? organisation.get().hotlineMembers(hotline.get()) : List.of();
		}
		catch (Refusal | CryptoException ex) {
			return List.of();
		}
	}

	/**
	 * Starts a book with its first member's genesis, made in that member's browser.
	 * Refused when the book has an entry already, when the genesis does not verify, or
	 * when it does not name {@code expected} (the enrolling account with its keys).
	 */
	@Transactional
	public KeyBook start(UUID organisationId, Optional<UUID> hotlineId, byte[] genesis, KeyBookMember expected) {
		UUID book = hotlineId.orElse(organisationId);
		this.entries.lock(book);
		if (this.entries.stored(organisationId, book).isPresent()) {
			throw new Refusal(Problem.KEY_BOOK_STARTED, "This key book has its first entry already.");
		}
		KeyBook started;
		try {
			started = hotlineId.isPresent() ? KeyBook.verifyHotline(organisationId, hotlineId.get(), List.of(genesis))
					: KeyBook.verify(organisationId, List.of(genesis));
		}
		catch (CryptoException ex) {
			throw Refusal.keyBook(ex);
		}
		if (!started.members().equals(List.of(expected))) {
			throw Refusal.invalid("genesis", "must name this account with its display name and both public keys");
		}
		this.entries.append(organisationId, book, 0, genesis);
		record(organisationId, expected.hotlineId().isPresent() ? ActorKind.HOTLINE : ActorKind.ADVISER,
				expected.recipientId(), AuditAction.KEY_BOOK_STARTED, "0 " + KeyBookAnchors.anchor(book, genesis));
		this.events.publishEvent(new KeyBookChanged(organisationId, hotlineId, 0, new KeyBookChange.Genesis(expected)));
		return started;
	}

	/**
	 * Proposes a change to a book: checked against the book as it is now (a newcomer's
	 * id, keys and name new to it, a removal leaving enough approvers, …), stored as a
	 * draft for members to approve. The service may propose; only members approve.
	 */
	@Transactional
	public Draft propose(UUID organisationId, Optional<UUID> hotlineId, KeyBookChange change, Optional<UUID> subject,
			ActorKind proposedBy, UUID proposerId) {
		UUID book = hotlineId.orElse(organisationId);
		this.entries.lock(book);
		KeyBook current = book(organisationId, hotlineId)
			.orElseThrow(() -> new Refusal(Problem.KEY_BOOK_MISSING, "This key book has no entries yet."));
		if (subject.isPresent() && this.drafts.existsFor(book, subject.get())) {
			throw new Refusal(Problem.CONFLICT, "A change about this recipient is already waiting for approval.");
		}
		Drafts.Row row;
		try {
			row = new Drafts.Row(UUID.randomUUID(), organisationId, book, current.propose(change), subject.orElse(null),
					proposedBy.name(), LocalDate.now(this.clock));
		}
		catch (CryptoException ex) {
			throw Refusal.keyBook(ex);
		}
		this.drafts.insert(row);
		record(organisationId, proposedBy, proposerId, AuditAction.KEY_BOOK_PROPOSED, kind(change));
		return view(row, current);
	}

	/** The open drafts of a book, oldest first. */
	public List<Draft> drafts(UUID organisationId, Optional<UUID> hotlineId) {
		Optional<KeyBook> current = book(organisationId, hotlineId);
		if (current.isEmpty()) {
			return List.of();
		}
		return this.drafts.of(hotlineId.orElse(organisationId))
			.stream()
			.filter((row) -> row.organisationId().equals(organisationId))
			.map((row) -> view(row, current.get()))
			.toList();
	}

	/** Whether a change about {@code subject} waits for approval in the book. */
	public boolean waitsForApproval(UUID organisationId, Optional<UUID> hotlineId, UUID subject) {
		return this.drafts.existsFor(hotlineId.orElse(organisationId), subject);
	}

	/**
	 * Records one member's approval of a draft, checked against the book (a current
	 * member, a signature over exactly this draft, not twice); appends the entry once the
	 * threshold is met. Other drafts of the book are then proposed again on the new head.
	 */
	@Transactional
	public Approved approve(UUID organisationId, UUID draftId, UUID signerId, byte[] signature) {
		Drafts.Row row = draft(organisationId, draftId);
		this.entries.lock(row.book());
		Optional<UUID> hotlineId = hotlineOf(row);
		KeyBook current = book(organisationId, hotlineId).orElseThrow();
		KeyBookApproval approval;
		try {
			approval = KeyBookApproval.of(signerId, signature);
		}
		catch (CryptoException ex) {
			throw Refusal.keyBook(ex);
		}
		List<KeyBookApproval> approvals = this.drafts.approvals(row.id());
		if (approvals.stream().anyMatch((a) -> a.signerId().equals(signerId))) {
			throw new Refusal(Problem.KEY_BOOK_DUPLICATE_APPROVAL, "You approved this change already.");
		}
		try {
			current.checkApproval(row.draft(), approval);
		}
		catch (CryptoException ex) {
			throw Refusal.keyBook(ex);
		}
		this.drafts.approve(row.id(), approval);
		record(organisationId, hotlineId.isPresent() ? ActorKind.HOTLINE : ActorKind.ADVISER, signerId,
				AuditAction.KEY_BOOK_APPROVED, kind(row.draft().change()));
		List<KeyBookApproval> all = this.drafts.approvals(row.id());
		if (all.size() < current.threshold()) {
			return new Approved(false, row.draft().sequence(), all.size(), current.threshold());
		}
		byte[] entry = row.draft().entry(all);
		KeyBook longer;
		try {
			longer = current.append(entry);
		}
		catch (CryptoException ex) {
			throw Refusal.keyBook(ex);
		}
		this.entries.append(organisationId, row.book(), row.draft().sequence(), entry);
		this.drafts.delete(row.id());
		record(organisationId, ActorKind.SYSTEM, null, AuditAction.KEY_BOOK_APPENDED, row.draft().sequence() + " "
				+ kind(row.draft().change()) + " " + KeyBookAnchors.anchor(row.book(), entry));
		this.events
			.publishEvent(new KeyBookChanged(organisationId, hotlineId, row.draft().sequence(), row.draft().change()));
		proposeAgain(row.book(), longer);
		return new Approved(true, row.draft().sequence(), all.size(), current.threshold());
	}

	/** A member refuses a draft: it is discarded (and not proposed again by itself). */
	@Transactional
	public void reject(UUID organisationId, UUID draftId, UUID memberId) {
		Drafts.Row row = draft(organisationId, draftId);
		this.entries.lock(row.book());
		Optional<UUID> hotlineId = hotlineOf(row);
		KeyBook current = book(organisationId, hotlineId).orElseThrow();
		if (current.member(memberId).isEmpty()) {
			throw new Refusal(Problem.KEY_BOOK_NOT_A_SIGNER,
					"Only a current member of this key book can refuse a change.");
		}
		this.drafts.delete(row.id());
		record(organisationId, hotlineId.isPresent() ? ActorKind.HOTLINE : ActorKind.ADVISER, memberId,
				AuditAction.KEY_BOOK_REJECTED, kind(row.draft().change()));
		this.events.publishEvent(new DraftRejected(organisationId, hotlineId, Optional.ofNullable(row.subject())));
	}

	/**
	 * Withdraws the waiting addition of {@code subject} (its account was removed before
	 * enough members approved it); whether there was one. Other drafts stay.
	 */
	@Transactional
	public boolean withdrawAddition(UUID organisationId, Optional<UUID> hotlineId, UUID subject, ActorKind by,
			UUID actor) {
		UUID book = hotlineId.orElse(organisationId);
		this.entries.lock(book);
		boolean withdrawn = false;
		for (Drafts.Row row : this.drafts.of(book)) {
			if (subject.equals(row.subject()) && row.organisationId().equals(organisationId)
					&& row.draft().change() instanceof KeyBookChange.RecipientAdded) {
				this.drafts.delete(row.id());
				record(organisationId, by, actor, AuditAction.KEY_BOOK_WITHDRAWN, kind(row.draft().change()));
				withdrawn = true;
			}
		}
		return withdrawn;
	}

	/**
	 * After an append the other drafts no longer fit (they name the old head): each is
	 * proposed again on the new head, without its approvals, or dropped when its change
	 * is no longer allowed.
	 */
	private void proposeAgain(UUID book, KeyBook longer) {
		for (Drafts.Row other : this.drafts.of(book)) {
			try {
				this.drafts.replace(other.id(), longer.propose(other.draft().change()));
			}
			catch (CryptoException ex) {
				this.drafts.delete(other.id());
			}
		}
	}

	private Drafts.Row draft(UUID organisationId, UUID draftId) {
		return this.drafts.find(organisationId, draftId)
			.orElseThrow(() -> new Refusal(Problem.UNKNOWN_DRAFT, "There is no such proposed change."));
	}

	private static Optional<UUID> hotlineOf(Drafts.Row row) {
		return row.book().equals(row.organisationId()) ? Optional.empty() : Optional.of(row.book());
	}

	private Draft view(Drafts.Row row, KeyBook current) {
		return new Draft(row.id(), hotlineOf(row), row.draft(), Optional.ofNullable(row.subject()), row.proposedBy(),
				row.proposedOn(), this.drafts.approvals(row.id()).stream().map(KeyBookApproval::signerId).toList(),
				current.threshold());
	}

	private static String kind(KeyBookChange change) {
		return change.getClass().getSimpleName();
	}

	private void record(UUID organisationId, ActorKind kind, UUID actor, AuditAction action, String detail) {
		this.audit.record(OrganisationId.of(organisationId), kind, AccountId.ofNullable(actor), action, null, detail);
	}

}

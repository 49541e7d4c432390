package nl.meldpunt.caseservice.accounts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.audit.ActorKind;
import nl.meldpunt.caseservice.keybook.Draft;
import nl.meldpunt.caseservice.keybook.DraftRejected;
import nl.meldpunt.caseservice.keybook.KeyBookChanged;
import nl.meldpunt.caseservice.keybook.KeyBooks;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.KeyBook;
import nl.meldpunt.crypto.KeyBookChange;

/**
 * How accounts become key-book members, and stop being ones. <em>Admins propose, members
 * approve</em>: an invited person who enrolled (or an adviser who added a signing key at
 * sign-in) is proposed for their book by the service, and is a recipient only once enough
 * members signed the entry in their browsers. The first member of a book signs its
 * genesis in their own browser; a hotline's book, once started, is proposed for pinning
 * in the organisation's book, which advisers approve.
 */
@Service
public class KeyBookMembership {

	private final KeyBooks books;

	private final Accounts accounts;

	private final Clock clock;

	KeyBookMembership(KeyBooks books, Accounts accounts, Clock clock) {
		this.books = books;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** Whether the book this account belongs to has its genesis already. */
	public boolean bookStarted(Account account) {
		return !this.books.entries(account.organisationId(), bookOf(account)).isEmpty();
	}

	/**
	 * An account's keys are stored: it starts its book with the genesis its browser
	 * signed (the book's first member), or its addition is proposed to the book's
	 * members.
	 */
	@Transactional
	public void joined(Account account, byte[] genesis) {
		Optional<UUID> hotline = bookOf(account);
		if (!bookStarted(account)) {
			if (genesis == null) {
				throw new Refusal(Problem.KEY_BOOK_MISSING,
						"You are the first member of this key book: your browser signs its first entry.");
			}
			this.books.start(account.organisationId(), hotline, genesis, account.asMember());
			return;
		}
		if (genesis != null) {
			throw new Refusal(Problem.KEY_BOOK_STARTED,
					"This key book has its first entry already; your addition is proposed to its members instead.");
		}
		this.books.propose(account.organisationId(), hotline, new KeyBookChange.RecipientAdded(account.asMember()),
				Optional.of(account.id()), ActorKind.SYSTEM, null);
	}

	/**
	 * Proposes to remove a member from its book (an administrator or a fellow member).
	 */
	@Transactional
	public Draft proposeRemoval(UUID organisationId, UUID recipientId, ActorKind by, UUID proposer) {
		Account member = this.accounts.findByIdAndOrganisationId(recipientId, organisationId)
			.filter(Account::holdsKeys)
			.orElseThrow(() -> new Refusal(Problem.KEY_BOOK_UNKNOWN_RECIPIENT, "There is no such recipient."));
		return this.books.propose(organisationId, bookOf(member), new KeyBookChange.RecipientRemoved(recipientId),
				Optional.of(recipientId), by, proposer);
	}

	/**
	 * An administrator removed {@code account}: it leaves its key book too. A waiting
	 * addition is withdrawn; a member's removal is proposed to the book's members (admins
	 * propose, members approve — until they sign it, the account is a member no one seals
	 * to, because it is no longer active). Nothing happens for an account outside any
	 * book.
	 */
	@Transactional
	public void accountRemoved(Account account, UUID admin) {
		if (!account.holdsKeys()) {
			return;
		}
		UUID organisation = account.organisationId();
		Optional<UUID> book = bookOf(account);
		if (this.books.withdrawAddition(organisation, book, account.id(), ActorKind.ADMIN, admin)) {
			return;
		}
		KeyBookChange removal = new KeyBookChange.RecipientRemoved(account.id());
		boolean allowed = this.books.book(organisation, book).map((current) -> allows(current, removal)).orElse(false);
		if (allowed && !this.books.waitsForApproval(organisation, book, account.id())) {
			this.books.propose(organisation, book, removal, Optional.of(account.id()), ActorKind.ADMIN, admin);
		}
	}

	/**
	 * Whether the book allows {@code change} now (a removal of its last member, or below
	 * its threshold, is not: the account then stays a member no one seals to).
	 */
	private static boolean allows(KeyBook book, KeyBookChange change) {
		try {
			book.propose(change);
			return true;
		}
		catch (CryptoException ex) {
			return false;
		}
	}

	/**
	 * Proposes the organisation's approval threshold m (0: the default rule, 1 while one
	 * adviser, 2 from two on).
	 */
	@Transactional
	public Draft proposeThreshold(UUID organisationId, int threshold, ActorKind by, UUID proposer) {
		if (threshold < 0 || threshold > KeyBook.MAX_APPROVALS) {
			throw Refusal.invalid("keyBookThreshold", "must be 0 (the default rule) to " + KeyBook.MAX_APPROVALS);
		}
		return this.books.propose(organisationId, Optional.empty(), new KeyBookChange.ThresholdChanged(threshold),
				Optional.empty(), by, proposer);
	}

	/**
	 * Every appended entry: a removed member's account is marked (never a recipient
	 * again); a started book gets its pins proposed (a hotline's book into the
	 * organisation's; the organisation's book pins hotlines started before it).
	 */
	@EventListener
	void changed(KeyBookChanged changed) {
		if (changed.change() instanceof KeyBookChange.RecipientRemoved removed) {
			this.accounts.findByIdAndOrganisationId(removed.recipientId(), changed.organisationId())
				.ifPresent((account) -> account.markRemoved(LocalDate.now(this.clock)));
		}
		if (changed.change() instanceof KeyBookChange.Genesis) {
			List<UUID> hotlines = changed.hotlineId()
				.map(List::of)
				.orElseGet(() -> this.books.hotlinesWithBooks(changed.organisationId()));
			hotlines.forEach((hotline) -> proposePin(changed.organisationId(), hotline));
		}
	}

	/** A refused newcomer stays out; it is not proposed again by itself. */
	@EventListener
	void rejected(DraftRejected rejected) {
		rejected.subject()
			.flatMap((subject) -> this.accounts.findByIdAndOrganisationId(subject, rejected.organisationId()))
			.ifPresent((account) -> account.markRejected(LocalDate.now(this.clock)));
	}

	private void proposePin(UUID organisationId, UUID hotlineId) {
		Optional<KeyBook> organisation = this.books.organisationBook(organisationId);
		Optional<KeyBook> hotline = this.books.hotlineBook(organisationId, hotlineId);
		if (organisation.isEmpty() || hotline.isEmpty() || organisation.get().pinnedHotlines().containsKey(hotlineId)
				|| this.books.waitsForApproval(organisationId, Optional.empty(), hotlineId)) {
			return;
		}
		this.books.propose(organisationId, Optional.empty(),
				new KeyBookChange.HotlinePinned(hotlineId, hotline.get().head()), Optional.of(hotlineId),
				ActorKind.SYSTEM, null);
	}

	private static Optional<UUID> bookOf(Account account) {
		return (account.role() == Role.HOTLINE) ? Optional.of(account.hotlineId()) : Optional.empty();
	}

}

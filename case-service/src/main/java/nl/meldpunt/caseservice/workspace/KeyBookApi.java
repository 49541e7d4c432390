package nl.meldpunt.caseservice.workspace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import nl.meldpunt.caseservice.accounts.Account;
import nl.meldpunt.caseservice.accounts.Accounts;
import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.accounts.KeyBookMembership;
import nl.meldpunt.caseservice.accounts.Role;
import nl.meldpunt.caseservice.audit.ActorKind;
import nl.meldpunt.caseservice.keybook.Draft;
import nl.meldpunt.caseservice.keybook.KeyBooks;
import nl.meldpunt.caseservice.organisations.Hotlines;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.KeyBook;
import nl.meldpunt.crypto.KeyBookDraft;
import nl.meldpunt.internalapi.CryptoJson;

/**
 * The members' side of the key books (advisers: the organisation's; handlers: their
 * hotline's). The service serves the books as stored and the drafts waiting for approval;
 * the member's browser verifies the book, shows each draft's change and the newcomer's
 * fingerprint, and signs only after the member compared it out of band. The service
 * checks each approval and appends once enough members signed.
 */
@RestController
@RequestMapping("/api/keybook")
class KeyBookApi {

	/** Who the caller is in the books. */
	record Me(UUID recipientId, Role role, UUID hotlineId) {
	}

	record HotlineBook(UUID hotlineId, String name, List<String> entries) {
	}

	record DraftView(UUID draftId, UUID hotlineId, KeyBookDraft draft, List<UUID> approvedBy, int threshold,
			String proposedBy, LocalDate proposedOn) {

		static DraftView of(Draft draft) {
			return new DraftView(draft.id(), draft.hotlineId().orElse(null), draft.draft(), draft.approvedBy(),
					draft.threshold(), draft.proposedBy(), draft.proposedOn());
		}

	}

	/** A recipient of the organisation who is in no book (yet): never sealed to. */
	record Pending(UUID accountId, String displayName, Role role, UUID hotlineId, State state) {

		enum State {

			/** Invited, not enrolled yet. */
			INVITED,
			/** Enrolled before signing keys existed: adds one at the next sign-in. */
			NO_SIGNING_KEY,
			/** Enrolled; its addition waits for members' approvals. */
			WAITING_FOR_APPROVAL,
			/** A member refused its addition. */
			REJECTED

		}

	}

	/**
	 * The key books' entries (each browser verifies them itself), and {@code receiving}:
	 * the recipients whose accounts are active. A browser seals only to verified members
	 * that are also receiving, so the server can leave a disabled or removed member out
	 * of a share or a re-keying, but never add a reader.
	 */
	record View(UUID organisationId, Me me, List<String> entries, List<HotlineBook> hotlineBooks,
			List<DraftView> drafts, List<Pending> pending, List<UUID> receiving) {
	}

	record NewApproval(@NotBlank @Size(max = 100) String signature) {
	}

	record Removal(@NotNull UUID recipientId) {
	}

	private final KeyBooks books;

	private final KeyBookMembership membership;

	private final Accounts accounts;

	private final Hotlines hotlines;

	KeyBookApi(KeyBooks books, KeyBookMembership membership, Accounts accounts, Hotlines hotlines) {
		this.books = books;
		this.membership = membership;
		this.accounts = accounts;
		this.hotlines = hotlines;
	}

	@GetMapping
	@Transactional(readOnly = true)
	View view(@AuthenticationPrincipal Caller caller) {
		Account me = this.accounts.findById(caller.accountId()).orElseThrow();
		UUID organisation = caller.organisationId();
		Optional<UUID> myBook = Optional.ofNullable(me.hotlineId());
		List<HotlineBook> hotlineBooks = this.hotlines.findByOrganisationIdOrderByName(organisation)
			.stream()
			.map((h) -> new HotlineBook(h.id(), h.name(),
					encoded(this.books.entries(organisation, Optional.of(h.id())))))
			.filter((h) -> !h.entries().isEmpty())
			.toList();
		return new View(organisation, new Me(me.id(), me.role(), me.hotlineId()),
				encoded(this.books.entries(organisation, Optional.empty())), hotlineBooks, drafts(organisation, myBook),
				pending(organisation, me),
				this.accounts.enrolledRecipients(organisation).stream().map(Account::id).toList());
	}

	@PostMapping("/drafts/{draftId}/approvals")
	KeyBooks.Approved approve(@AuthenticationPrincipal Caller caller, @PathVariable UUID draftId,
			@Valid @RequestBody NewApproval approval) {
		byte[] signature = CryptoJson.decode(approval.signature());
		if (signature == null) {
			throw Refusal.malformedCiphertext("signature");
		}
		return this.books.approve(caller.organisationId(), draftId, caller.accountId(), signature);
	}

	@DeleteMapping("/drafts/{draftId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reject(@AuthenticationPrincipal Caller caller, @PathVariable UUID draftId) {
		this.books.reject(caller.organisationId(), draftId, caller.accountId());
	}

	/** A member proposes to remove a fellow member of their own book. */
	@PostMapping("/removals")
	@ResponseStatus(HttpStatus.CREATED)
	DraftView propose(@AuthenticationPrincipal Caller caller, @Valid @RequestBody Removal removal) {
		Account me = this.accounts.findById(caller.accountId()).orElseThrow();
		Account other = this.accounts.findByIdAndOrganisationId(removal.recipientId(), caller.organisationId())
			.filter((a) -> a.role() == me.role() && java.util.Objects.equals(a.hotlineId(), me.hotlineId()))
			.orElseThrow(() -> new Refusal(Problem.KEY_BOOK_UNKNOWN_RECIPIENT,
					"You can propose to remove a member of your own key book only."));
		return DraftView
			.of(this.membership.proposeRemoval(caller.organisationId(), other.id(), me.role().actorKind(), me.id()));
	}

	private List<DraftView> drafts(UUID organisation, Optional<UUID> book) {
		try {
			return this.books.drafts(organisation, book).stream().map(DraftView::of).toList();
		}
		catch (Refusal refusal) {
			// the stored book does not verify: the browser says why; nothing can be
			// signed
			return List.of();
		}
	}

	private List<Pending> pending(UUID organisation, Account me) {
		Optional<KeyBook> organisationBook = verified(organisation, Optional.empty());
		List<Pending> pending = new ArrayList<>();
		for (Account account : this.accounts.findByOrganisationIdOrderByDisplayName(organisation)) {
			boolean mine = (me.role() == Role.ADVISER) || java.util.Objects.equals(account.hotlineId(), me.hotlineId());
			if (!account.holdsKeys() || account.isRemoved() || !mine) {
				continue;
			}
			Optional<KeyBook> book = (account.role() == Role.HOTLINE)
					? verified(organisation, Optional.of(account.hotlineId())) : organisationBook;
			if (book.flatMap((b) -> b.member(account.id())).isPresent()) {
				continue;
			}
			Pending.State state = !account.isEnrolled() ? Pending.State.INVITED
					: !account.hasSigningKey() ? Pending.State.NO_SIGNING_KEY
							: account.isRejected() ? Pending.State.REJECTED : Pending.State.WAITING_FOR_APPROVAL;
			pending.add(new Pending(account.id(), account.displayName(), account.role(), account.hotlineId(), state));
		}
		return pending;
	}

	private Optional<KeyBook> verified(UUID organisation, Optional<UUID> hotline) {
		try {
			return this.books.book(organisation, hotline);
		}
		catch (Refusal refusal) {
			return Optional.empty();
		}
	}

	private static List<String> encoded(List<byte[]> entries) {
		return entries.stream().map(CryptoJson::encode).toList();
	}

}

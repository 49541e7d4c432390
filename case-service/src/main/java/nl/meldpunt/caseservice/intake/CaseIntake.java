package nl.meldpunt.caseservice.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.accounts.Account;
import nl.meldpunt.caseservice.accounts.Accounts;
import nl.meldpunt.caseservice.casefile.CaseFile;
import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.FilingBatch;
import nl.meldpunt.caseservice.casefile.NewFiling;
import nl.meldpunt.caseservice.casefile.Recipient;
import nl.meldpunt.caseservice.casefile.RecipientKind;
import nl.meldpunt.caseservice.casefile.SealedKey;
import nl.meldpunt.caseservice.keybook.KeyBooks;
import nl.meldpunt.caseservice.organisations.Organisation;
import nl.meldpunt.caseservice.organisations.Organisations;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.KeyBook;
import nl.meldpunt.crypto.KeyBookMember;
import nl.meldpunt.internalapi.FilingRequest;
import nl.meldpunt.internalapi.Route;

/**
 * Accepts filed reports, a batch at a time: checks each against its organisation (access
 * code, well-formed ciphertext) and its key book — the envelopes must go to exactly the
 * current members the verified book lists for the route (minus the excluded advisers)
 * whose accounts are active, plus the reporter — and stores the accepted ones together,
 * in one transaction. Each organisation of a batch, its active recipients and its book
 * (and each chosen hotline's) are looked up once per batch, with queries of one value
 * each (Hibernate translates a query with a list parameter anew on every call), and a
 * book is verified once per digest of its stored entries and cached, so this check costs
 * a few indexed queries per organisation (and hotline) of a batch. Filing again with the
 * same case id and credential is answered with the stored case and stores nothing, also
 * when both arrive in one batch. A refused filing stores nothing and leaves the others of
 * its batch alone.
 */
@Service
class CaseIntake {

	/**
	 * One filing of a batch.
	 *
	 * @param slug the organisation it was filed to
	 * @param request the filing
	 */
	record Pending(String slug, FilingRequest request) {
	}

	/**
	 * What became of one filing: stored (or found stored), or refused.
	 *
	 * @param filed the stored case, null when refused
	 * @param refusal why it was refused, null when stored
	 */
	record Outcome(CaseFile.Filed filed, Refusal refusal) {
	}

	/**
	 * What one batch knows of its organisations, each looked up once: their enrolled,
	 * active recipients (one query per organisation) and their verified key books (or why
	 * a stored book does not verify), and the handlers of the hotlines chosen.
	 */
	private final class BatchView {

		private final Set<UUID> active = new HashSet<>();

		private final Map<UUID, Book> books = new HashMap<>();

		private final Map<List<UUID>, List<UUID>> handlers = new HashMap<>();

		BatchView(Collection<Organisation> organisations) {
			// one query per organisation (a batch seldom has more than one): a query with
			// a
			// list parameter is translated anew on every call, which cost more CPU than
			// the rest of the batch's writing
			for (Organisation organisation : organisations) {
				CaseIntake.this.accounts.enrolledRecipients(organisation.id())
					.stream()
					.map(Account::id)
					.forEach(this.active::add);
			}
		}

		boolean isActive(UUID accountId) {
			return this.active.contains(accountId);
		}

		KeyBook book(UUID organisationId) {
			Book book = this.books.computeIfAbsent(organisationId, (id) -> {
				try {
					return new Book(CaseIntake.this.books.organisationBook(id).orElse(null), null);
				}
				catch (Refusal refusal) {
					return new Book(null, refusal);
				}
			});
			if (book.refusal() != null) {
				throw book.refusal();
			}
			return book.book();
		}

		/** The hotline's current handlers with an active account. */
		List<UUID> handlers(UUID organisationId, UUID hotlineId) {
			return this.handlers.computeIfAbsent(List.of(organisationId, hotlineId),
					(key) -> CaseIntake.this.books.hotlineMembers(organisationId, hotlineId)
						.stream()
						.map(KeyBookMember::recipientId)
						.filter(this::isActive)
						.toList());
		}

	}

	/** An organisation's verified book (null while it has none), or why it is refused. */
	private record Book(KeyBook book, Refusal refusal) {
	}

	private final Organisations organisations;

	private final Accounts accounts;

	private final KeyBooks books;

	private final CaseFile caseFile;

	CaseIntake(Organisations organisations, Accounts accounts, KeyBooks books, CaseFile caseFile) {
		this.organisations = organisations;
		this.accounts = accounts;
		this.books = books;
		this.caseFile = caseFile;
	}

	/**
	 * Checks and stores a batch; the outcomes are in the order of {@code batch}. Nothing
	 * of it is visible (or acknowledged) before the transaction commits.
	 */
	@Transactional
	public List<Outcome> fileAll(List<Pending> batch) {
		Map<String, Organisation> bySlug = new HashMap<>();
		for (Pending pending : batch) {
			if (!bySlug.containsKey(pending.slug())) {
				bySlug.put(pending.slug(), this.organisations.findBySlug(pending.slug()).orElse(null));
			}
		}
		BatchView view = new BatchView(bySlug.values().stream().filter(Objects::nonNull).toList());
		FilingBatch filings = this.caseFile.startFiling(
				batch.stream().map((pending) -> pending.request().caseId()).toList(),
				batch.stream().map((pending) -> pending.request().mailboxCredential().storageHash()).toList());
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		for (Pending pending : batch) {
			try {
				outcomes.add(new Outcome(file(pending, bySlug.get(pending.slug()), view, filings), null));
			}
			catch (Refusal refusal) {
				outcomes.add(new Outcome(null, refusal));
			}
		}
		this.caseFile.store(filings);
		return outcomes;
	}

	private CaseFile.Filed file(Pending pending, Organisation organisation, BatchView view, FilingBatch filings) {
		if (organisation == null) {
			throw new Refusal(Problem.UNKNOWN_ORGANISATION, "There is no such organisation.");
		}
		FilingRequest request = pending.request();
		String credentialHash = request.mailboxCredential().storageHash();
		Optional<CaseFile.Filed> repeat = filings.repeatOf(request.caseId(), organisation.id(), credentialHash);
		if (repeat.isPresent()) {
			return repeat.get();
		}
		if (!organisation.acceptsAccessCode(request.accessCode())) {
			throw new Refusal(Problem.WRONG_ACCESS_CODE, "The access code is not correct.");
		}
		KeyBook book = view.book(organisation.id());
		if (book == null || book.members().stream().noneMatch((member) -> view.isActive(member.recipientId()))) {
			throw new Refusal(Problem.NOT_ACCEPTING_REPORTS,
					"This organisation does not accept reports yet: its key book has no active adviser.");
		}
		Set<Recipient> expected = expectedRecipients(organisation, request, book, view);
		List<SealedKey> envelopes = envelopes(request, expected);
		Channel channel = (request.route() == Route.HOTLINE) ? Channel.EXTERNAL_HOTLINE : Channel.INTERNAL_ADVISER;
		List<UUID> excluded = (request.excludedAdviserIds() != null)
				? List.copyOf(new HashSet<>(request.excludedAdviserIds())) : List.of();
		return filings.add(new NewFiling(request.caseId(), organisation.id(), channel, request.hotlineId(),
				credentialHash, request.reporterPublicKey(), request.language(), request.report().itemId(),
				request.report().ciphertext(), envelopes, excluded));
	}

	private static Set<Recipient> expectedRecipients(Organisation organisation, FilingRequest request, KeyBook book,
			BatchView view) {
		Set<Recipient> expected = new HashSet<>();
		Set<UUID> excluded = (request.excludedAdviserIds() != null) ? new HashSet<>(request.excludedAdviserIds())
				: Set.of();
		if (request.route() == Route.HOTLINE) {
			List<UUID> handlers = view.handlers(organisation.id(), request.hotlineId());
			if (handlers.isEmpty()) {
				throw new Refusal(Problem.RECIPIENTS_MISMATCH,
						"The chosen hotline has no active handlers in a key book the organisation pinned.");
			}
			handlers.forEach((handler) -> expected.add(Recipient.handler(handler)));
		}
		else {
			if (request.hotlineId() != null) {
				throw Refusal.invalid("hotlineId", "must be absent when route is ADVISERS");
			}
			Set<UUID> members = new HashSet<>();
			book.members().forEach((member) -> members.add(member.recipientId()));
			if (!members.containsAll(excluded)) {
				throw new Refusal(Problem.RECIPIENTS_MISMATCH,
						"An excluded adviser is not in the organisation's key book.");
			}
			for (UUID member : members) {
				if (!excluded.contains(member) && view.isActive(member)) {
					expected.add(Recipient.adviser(member));
				}
			}
			if (expected.isEmpty()) {
				throw new Refusal(Problem.ALL_ADVISERS_EXCLUDED,
						"Every adviser is excluded; choose an external hotline instead.");
			}
		}
		expected.add(Recipient.reporter());
		return expected;
	}

	private static List<SealedKey> envelopes(FilingRequest request, Set<Recipient> expected) {
		List<SealedKey> envelopes = new ArrayList<>();
		Set<Recipient> covered = new HashSet<>();
		for (FilingRequest.Envelope envelope : request.keyEnvelopes()) {
			Recipient recipient = new Recipient(kindOf(envelope.recipientKind()), envelope.recipientId());
			if (!covered.add(recipient)) {
				throw new Refusal(Problem.RECIPIENTS_MISMATCH, "A recipient has more than one key envelope.");
			}
			envelopes.add(SealedKey.original(recipient, envelope.envelope()));
		}
		if (!covered.equals(expected)) {
			throw new Refusal(Problem.RECIPIENTS_MISMATCH,
					"The key envelopes do not go to exactly the active members the organisation's key book lists for this route.");
		}
		return envelopes;
	}

	private static RecipientKind kindOf(nl.meldpunt.internalapi.RecipientKind kind) {
		return switch (kind) {
			case ADVISER -> RecipientKind.ADVISER;
			case HOTLINE -> RecipientKind.HOTLINE;
			case REPORTER -> RecipientKind.REPORTER;
		};
	}

}

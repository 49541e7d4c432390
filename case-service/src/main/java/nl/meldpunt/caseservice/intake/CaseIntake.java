package nl.meldpunt.caseservice.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.organisations.Organisation;
import nl.meldpunt.caseservice.organisations.Organisations;
import nl.meldpunt.caseservice.casefile.CaseFile;
import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.NewFiling;
import nl.meldpunt.caseservice.casefile.Recipient;
import nl.meldpunt.caseservice.casefile.RecipientKind;
import nl.meldpunt.caseservice.casefile.SealedBytes;
import nl.meldpunt.caseservice.casefile.SealedKey;
import nl.meldpunt.caseservice.keybook.KeyBooks;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.KeyBook;
import nl.meldpunt.crypto.KeyBookMember;
import nl.meldpunt.internalapi.FilingRequest;
import nl.meldpunt.internalapi.Route;

/**
 * Accepts a filed report: checks it against the organisation (access code, well-formed
 * ciphertext) and its key book — the envelopes must go to exactly the current members the
 * verified book lists for the route (minus the excluded advisers), plus the reporter —
 * and stores it in one transaction. The book is verified once per head and cached, so
 * this check costs one indexed query per filing. Filing again with the same case id and
 * credential is answered with the stored case and stores nothing.
 */
@Service
class CaseIntake {

	private final Organisations organisations;

	private final KeyBooks books;

	private final CaseFile caseFile;

	CaseIntake(Organisations organisations, KeyBooks books, CaseFile caseFile) {
		this.organisations = organisations;
		this.books = books;
		this.caseFile = caseFile;
	}

	@Transactional
	public CaseFile.Filed file(String slug, FilingRequest request) {
		Organisation organisation = this.organisations.findBySlug(slug)
			.orElseThrow(() -> new Refusal(Problem.UNKNOWN_ORGANISATION, "There is no such organisation."));
		String credentialHash = request.mailboxCredential().storageHash();
		Optional<CaseFile.Filed> repeat = this.caseFile.filedBefore(request.caseId(), organisation.id(),
				credentialHash);
		if (repeat.isPresent()) {
			return repeat.get();
		}
		if (!organisation.acceptsAccessCode(request.accessCode())) {
			throw new Refusal(Problem.WRONG_ACCESS_CODE, "The access code is not correct.");
		}
		KeyBook book = this.books.organisationBook(organisation.id())
			.orElseThrow(() -> new Refusal(Problem.NOT_ACCEPTING_REPORTS,
					"This organisation does not accept reports yet: its advisers have not started its key book."));
		Set<Recipient> expected = expectedRecipients(organisation, request, book);
		List<SealedKey> envelopes = envelopes(request, expected);
		Channel channel = (request.route() == Route.HOTLINE) ? Channel.EXTERNAL_HOTLINE : Channel.INTERNAL_ADVISER;
		List<UUID> excluded = (request.excludedAdviserIds() != null)
				? List.copyOf(new HashSet<>(request.excludedAdviserIds())) : List.of();
		return this.caseFile.file(new NewFiling(request.caseId(), organisation.id(), channel, request.hotlineId(),
				credentialHash, SealedBytes.of(request.reporterPublicKey().toBytes()), request.language(),
				request.report().itemId(), SealedBytes.of(request.report().ciphertext().toBytes()), envelopes,
				excluded));
	}

	private Set<Recipient> expectedRecipients(Organisation organisation, FilingRequest request, KeyBook book) {
		Set<Recipient> expected = new HashSet<>();
		Set<UUID> excluded = (request.excludedAdviserIds() != null) ? new HashSet<>(request.excludedAdviserIds())
				: Set.of();
		if (request.route() == Route.HOTLINE) {
			List<KeyBookMember> handlers = this.books.hotlineMembers(organisation.id(), request.hotlineId());
			if (handlers.isEmpty()) {
				throw new Refusal(Problem.RECIPIENTS_MISMATCH,
						"The chosen hotline has no handlers in a key book the organisation pinned.");
			}
			handlers.forEach((handler) -> expected.add(Recipient.handler(handler.recipientId())));
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
				if (!excluded.contains(member)) {
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
			envelopes.add(SealedKey.original(recipient, SealedBytes.of(envelope.envelope().toBytes())));
		}
		if (!covered.equals(expected)) {
			throw new Refusal(Problem.RECIPIENTS_MISMATCH,
					"The key envelopes do not go to exactly the members the organisation's key book lists for this route.");
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

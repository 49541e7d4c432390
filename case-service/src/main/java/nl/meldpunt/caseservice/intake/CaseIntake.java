package nl.meldpunt.caseservice.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.accounts.Account;
import nl.meldpunt.caseservice.accounts.Accounts;
import nl.meldpunt.caseservice.organisations.Organisation;
import nl.meldpunt.caseservice.organisations.Organisations;
import nl.meldpunt.caseservice.casefile.CaseFile;
import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.NewFiling;
import nl.meldpunt.caseservice.casefile.Recipient;
import nl.meldpunt.caseservice.casefile.RecipientKind;
import nl.meldpunt.caseservice.casefile.SealedBytes;
import nl.meldpunt.caseservice.casefile.Transition;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.internalapi.FilingRequest;
import nl.meldpunt.internalapi.Route;

/**
 * Accepts a filed report: checks it against the organisation (access code, recipients,
 * well-formed ciphertext) and stores it in one transaction. Filing again with the same
 * case id and credential is answered with the stored case and stores nothing.
 */
@Service
class CaseIntake {

	private final Organisations organisations;

	private final Accounts accounts;

	private final CaseFile caseFile;

	CaseIntake(Organisations organisations, Accounts accounts, CaseFile caseFile) {
		this.organisations = organisations;
		this.accounts = accounts;
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
		List<Account> advisers = this.accounts.enrolledAdvisers(organisation.id());
		if (advisers.isEmpty()) {
			throw new Refusal(Problem.NOT_ACCEPTING_REPORTS, "This organisation does not accept reports yet.");
		}
		Set<Recipient> expected = expectedRecipients(organisation, request, advisers);
		List<Transition.Share> envelopes = envelopes(request, expected);
		Channel channel = (request.route() == Route.HOTLINE) ? Channel.EXTERNAL_HOTLINE : Channel.INTERNAL_ADVISER;
		List<UUID> excluded = (request.excludedAdviserIds() != null)
				? List.copyOf(new HashSet<>(request.excludedAdviserIds())) : List.of();
		return this.caseFile.file(new NewFiling(request.caseId(), organisation.id(), channel, request.hotlineId(),
				credentialHash, SealedBytes.of(request.reporterPublicKey().toBytes()), request.language(),
				request.report().itemId(), SealedBytes.of(request.report().ciphertext().toBytes()), envelopes,
				excluded));
	}

	private Set<Recipient> expectedRecipients(Organisation organisation, FilingRequest request,
			List<Account> advisers) {
		Set<Recipient> expected = new HashSet<>();
		Set<UUID> excluded = (request.excludedAdviserIds() != null) ? new HashSet<>(request.excludedAdviserIds())
				: Set.of();
		if (request.route() == Route.HOTLINE) {
			boolean offered = this.accounts.enrolledHotlineHandlers(organisation.id())
				.stream()
				.anyMatch((handler) -> handler.hotlineId().equals(request.hotlineId()));
			if (!offered) {
				throw new Refusal(Problem.RECIPIENTS_MISMATCH, "The chosen hotline cannot receive reports.");
			}
			expected.add(Recipient.hotline(request.hotlineId()));
		}
		else {
			if (request.hotlineId() != null) {
				throw Refusal.invalid("hotlineId", "must be absent when route is ADVISERS");
			}
			Set<UUID> known = new HashSet<>();
			advisers.forEach((adviser) -> known.add(adviser.id()));
			if (!known.containsAll(excluded)) {
				throw new Refusal(Problem.RECIPIENTS_MISMATCH,
						"An excluded adviser is not an adviser of this organisation.");
			}
			for (Account adviser : advisers) {
				if (!excluded.contains(adviser.id())) {
					expected.add(Recipient.adviser(adviser.id()));
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

	private static List<Transition.Share> envelopes(FilingRequest request, Set<Recipient> expected) {
		List<Transition.Share> envelopes = new ArrayList<>();
		Set<Recipient> covered = new HashSet<>();
		for (FilingRequest.Envelope envelope : request.keyEnvelopes()) {
			Recipient recipient = new Recipient(kindOf(envelope.recipientKind()), envelope.recipientId());
			if (!covered.add(recipient)) {
				throw new Refusal(Problem.RECIPIENTS_MISMATCH, "A recipient has more than one key envelope.");
			}
			envelopes.add(new Transition.Share(recipient, SealedBytes.of(envelope.envelope().toBytes())));
		}
		if (!covered.equals(expected)) {
			throw new Refusal(Problem.RECIPIENTS_MISMATCH,
					"The key envelopes do not cover exactly the recipients of this report.");
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

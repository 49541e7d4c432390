package nl.meldpunt.caseservice.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.accounts.Account;
import nl.meldpunt.caseservice.accounts.Accounts;
import nl.meldpunt.caseservice.accounts.Role;
import nl.meldpunt.caseservice.casefile.CaseFile;
import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.FilingBatch;
import nl.meldpunt.caseservice.casefile.NewFiling;
import nl.meldpunt.caseservice.casefile.Recipient;
import nl.meldpunt.caseservice.casefile.RecipientKind;
import nl.meldpunt.caseservice.casefile.SealedBytes;
import nl.meldpunt.caseservice.casefile.Transition;
import nl.meldpunt.caseservice.organisations.Organisation;
import nl.meldpunt.caseservice.organisations.Organisations;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.internalapi.FilingRequest;
import nl.meldpunt.internalapi.Route;

/**
 * Accepts filed reports, a batch at a time: checks each against its organisation (access
 * code, recipients, well-formed ciphertext) and stores the accepted ones together, in one
 * transaction. The organisations and their recipients are read once per batch, in that
 * transaction. Filing again with the same case id and credential is answered with the
 * stored case and stores nothing, also when both arrive in one batch. A refused filing
 * stores nothing and leaves the others of its batch alone.
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

	/** An organisation's enrolled recipients, as a filing is checked against them. */
	private record Roster(Set<UUID> advisers, Set<UUID> hotlines) {
	}

	private final Organisations organisations;

	private final Accounts accounts;

	private final CaseFile caseFile;

	CaseIntake(Organisations organisations, Accounts accounts, CaseFile caseFile) {
		this.organisations = organisations;
		this.accounts = accounts;
		this.caseFile = caseFile;
	}

	/**
	 * Checks and stores a batch; the outcomes are in the order of {@code batch}. Nothing
	 * of it is visible (or acknowledged) before the transaction commits.
	 */
	@Transactional
	public List<Outcome> fileAll(List<Pending> batch) {
		Map<String, Organisation> bySlug = this.organisations
			.findBySlugIn(batch.stream().map(Pending::slug).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Organisation::slug, Function.identity()));
		Map<UUID, Roster> rosters = rosters(bySlug.values().stream().map(Organisation::id).toList());
		FilingBatch filings = this.caseFile.startFiling(
				batch.stream().map((pending) -> pending.request().caseId()).toList(),
				batch.stream().map((pending) -> pending.request().mailboxCredential().storageHash()).toList());
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		for (Pending pending : batch) {
			try {
				outcomes.add(new Outcome(file(pending, bySlug.get(pending.slug()), rosters, filings), null));
			}
			catch (Refusal refusal) {
				outcomes.add(new Outcome(null, refusal));
			}
		}
		this.caseFile.store(filings);
		return outcomes;
	}

	private CaseFile.Filed file(Pending pending, Organisation organisation, Map<UUID, Roster> rosters,
			FilingBatch filings) {
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
		Roster roster = rosters.getOrDefault(organisation.id(), new Roster(Set.of(), Set.of()));
		if (roster.advisers().isEmpty()) {
			throw new Refusal(Problem.NOT_ACCEPTING_REPORTS, "This organisation does not accept reports yet.");
		}
		Set<Recipient> expected = expectedRecipients(request, roster);
		List<Transition.Share> envelopes = envelopes(request, expected);
		Channel channel = (request.route() == Route.HOTLINE) ? Channel.EXTERNAL_HOTLINE : Channel.INTERNAL_ADVISER;
		List<UUID> excluded = (request.excludedAdviserIds() != null)
				? List.copyOf(new HashSet<>(request.excludedAdviserIds())) : List.of();
		return filings.add(new NewFiling(request.caseId(), organisation.id(), channel, request.hotlineId(),
				credentialHash, SealedBytes.of(request.reporterPublicKey().toBytes()), request.language(),
				request.report().itemId(), SealedBytes.of(request.report().ciphertext().toBytes()), envelopes,
				excluded));
	}

	private Map<UUID, Roster> rosters(List<UUID> organisationIds) {
		Map<UUID, Roster> rosters = new HashMap<>();
		if (organisationIds.isEmpty()) {
			return rosters;
		}
		for (Account account : this.accounts.enrolledRecipients(organisationIds)) {
			Roster roster = rosters.computeIfAbsent(account.organisationId(),
					(id) -> new Roster(new HashSet<>(), new HashSet<>()));
			if (account.role() == Role.ADVISER) {
				roster.advisers().add(account.id());
			}
			else if (account.hotlineId() != null) {
				roster.hotlines().add(account.hotlineId());
			}
		}
		return rosters;
	}

	private static Set<Recipient> expectedRecipients(FilingRequest request, Roster roster) {
		Set<Recipient> expected = new HashSet<>();
		Set<UUID> excluded = (request.excludedAdviserIds() != null) ? new HashSet<>(request.excludedAdviserIds())
				: Set.of();
		if (request.route() == Route.HOTLINE) {
			if (!roster.hotlines().contains(request.hotlineId())) {
				throw new Refusal(Problem.RECIPIENTS_MISMATCH, "The chosen hotline cannot receive reports.");
			}
			expected.add(Recipient.hotline(request.hotlineId()));
		}
		else {
			if (request.hotlineId() != null) {
				throw Refusal.invalid("hotlineId", "must be absent when route is ADVISERS");
			}
			if (!roster.advisers().containsAll(excluded)) {
				throw new Refusal(Problem.RECIPIENTS_MISMATCH,
						"An excluded adviser is not an adviser of this organisation.");
			}
			for (UUID adviser : roster.advisers()) {
				if (!excluded.contains(adviser)) {
					expected.add(Recipient.adviser(adviser));
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

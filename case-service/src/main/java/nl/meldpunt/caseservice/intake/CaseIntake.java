package nl.meldpunt.caseservice.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.accounts.Account;
import nl.meldpunt.caseservice.accounts.Accounts;
import nl.meldpunt.caseservice.casefile.Case;
import nl.meldpunt.caseservice.casefile.CaseFiling;
import nl.meldpunt.caseservice.casefile.CaseItems;
import nl.meldpunt.caseservice.casefile.Cases;
import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.Author;
import nl.meldpunt.caseservice.casefile.Ciphertexts;
import nl.meldpunt.caseservice.casefile.ItemKind;
import nl.meldpunt.caseservice.casefile.KeyEnvelopes;
import nl.meldpunt.caseservice.casefile.Recipient;
import nl.meldpunt.caseservice.casefile.RecipientKind;
import nl.meldpunt.caseservice.casefile.SealedBytes;
import nl.meldpunt.caseservice.organisations.Organisation;
import nl.meldpunt.caseservice.organisations.Organisations;
import nl.meldpunt.caseservice.web.Refusal;

/**
 * Accepts a filed report: checks it against the organisation (access code, recipients,
 * well-formed ciphertext) and stores it in one transaction. Filing again with the same
 * case id and credential is answered with the stored case and stores nothing.
 */
@Service
class CaseIntake {

	/** A filing's result: {@code created} is false when it was a repeat. */
	record Result(Filed filed, boolean created) {
	}

	private final Organisations organisations;

	private final Accounts accounts;

	private final Cases cases;

	private final CaseFiling filing;

	private final Clock clock;

	CaseIntake(Organisations organisations, Accounts accounts, Cases cases, CaseFiling filing, Clock clock) {
		this.organisations = organisations;
		this.accounts = accounts;
		this.cases = cases;
		this.filing = filing;
		this.clock = clock;
	}

	@Transactional
	public Result file(String slug, FilingRequest request) {
		Organisation organisation = this.organisations.findBySlug(slug)
			.orElseThrow(() -> Refusal.notFound("unknown-organisation", "There is no such organisation."));
		String credentialHash = Ciphertexts.credentialHash(SealedBytes.fromBase64Url(request.mailboxCredential()));
		if (credentialHash == null) {
			throw Refusal.invalid("mailboxCredential", "must be base64url of 32 bytes");
		}
		Optional<Case> existing = this.cases.findById(request.caseId());
		if (existing.isPresent()) {
			Case kase = existing.get();
			if (kase.organisationId().equals(organisation.id()) && kase.credentialHash().equals(credentialHash)) {
				return new Result(Filed.of(kase), false);
			}
			throw new Refusal(HttpStatus.CONFLICT, "case-id-taken", "This case id is already in use.");
		}
		if (!organisation.acceptsAccessCode(request.accessCode())) {
			throw new Refusal(HttpStatus.FORBIDDEN, "wrong-access-code", "The access code is not correct.");
		}
		List<Account> advisers = this.accounts.enrolledAdvisers(organisation.id());
		if (advisers.isEmpty()) {
			throw new Refusal(HttpStatus.CONFLICT, "not-accepting-reports",
					"This organisation does not accept reports yet.");
		}
		Set<Recipient> expected = expectedRecipients(organisation, request, advisers);
		SealedBytes reporterKey = Ciphertexts.publicKey("reporterPublicKey",
				SealedBytes.fromBase64Url(request.reporterPublicKey()));
		SealedBytes report = Ciphertexts.item("report.ciphertext",
				SealedBytes.fromBase64Url(request.report().ciphertext()));
		List<KeyEnvelopes.Sealed> envelopes = envelopes(request, expected);
		LocalDate today = LocalDate.now(this.clock);
		Channel channel = (request.route() == FilingRequest.Route.HOTLINE) ? Channel.EXTERNAL_HOTLINE
				: Channel.INTERNAL_ADVISER;
		Case kase = new Case(request.caseId(), organisation.id(), channel, request.hotlineId(), credentialHash,
				reporterKey.bytes(), request.language(), today);
		CaseItems.Item item = new CaseItems.Item(request.report().itemId(), kase.id(), ItemKind.REPORT, Author.REPORTER,
				null, today, report);
		List<UUID> excluded = (request.excludedAdviserIds() != null)
				? List.copyOf(new HashSet<>(request.excludedAdviserIds())) : List.of();
		this.filing.store(new CaseFiling.NewCase(kase, item, envelopes, excluded));
		return new Result(Filed.of(kase), true);
	}

	private Set<Recipient> expectedRecipients(Organisation organisation, FilingRequest request,
			List<Account> advisers) {
		Set<Recipient> expected = new HashSet<>();
		Set<UUID> excluded = (request.excludedAdviserIds() != null) ? new HashSet<>(request.excludedAdviserIds())
				: Set.of();
		if (request.route() == FilingRequest.Route.HOTLINE) {
			if (request.hotlineId() == null) {
				throw Refusal.invalid("hotlineId", "is required when route is HOTLINE");
			}
			boolean offered = this.accounts.enrolledHotlineHandlers(organisation.id())
				.stream()
				.anyMatch((handler) -> handler.hotlineId().equals(request.hotlineId()));
			if (!offered) {
				throw new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, "recipients-mismatch",
						"The chosen hotline cannot receive reports.");
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
				throw new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, "recipients-mismatch",
						"An excluded adviser is not an adviser of this organisation.");
			}
			for (Account adviser : advisers) {
				if (!excluded.contains(adviser.id())) {
					expected.add(Recipient.adviser(adviser.id()));
				}
			}
			if (expected.isEmpty()) {
				throw new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, "all-advisers-excluded",
						"Every adviser is excluded; choose an external hotline instead.");
			}
		}
		expected.add(Recipient.reporter());
		return expected;
	}

	private static List<KeyEnvelopes.Sealed> envelopes(FilingRequest request, Set<Recipient> expected) {
		List<KeyEnvelopes.Sealed> envelopes = new ArrayList<>();
		Set<Recipient> covered = new HashSet<>();
		int index = 0;
		for (FilingRequest.Envelope envelope : request.keyEnvelopes()) {
			RecipientKind kind;
			try {
				kind = RecipientKind.valueOf(envelope.recipientKind());
			}
			catch (IllegalArgumentException ex) {
				throw Refusal.invalid("keyEnvelopes[" + index + "].recipientKind",
						"must be ADVISER, HOTLINE or REPORTER");
			}
			Recipient recipient = new Recipient(kind, envelope.recipientId());
			if (!covered.add(recipient)) {
				throw new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, "recipients-mismatch",
						"A recipient has more than one key envelope.");
			}
			SealedBytes sealed = Ciphertexts.envelope("keyEnvelopes[" + index + "].envelope",
					SealedBytes.fromBase64Url(envelope.envelope()));
			envelopes.add(new KeyEnvelopes.Sealed(recipient, sealed));
			index++;
		}
		if (!covered.equals(expected)) {
			throw new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, "recipients-mismatch",
					"The key envelopes do not cover exactly the recipients of this report.");
		}
		return envelopes;
	}

}

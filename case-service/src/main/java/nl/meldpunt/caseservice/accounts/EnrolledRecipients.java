package nl.meldpunt.caseservice.accounts;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import nl.meldpunt.caseservice.casefile.Recipient;
import nl.meldpunt.caseservice.casefile.RecipientDirectory;
import nl.meldpunt.caseservice.keybook.KeyBooks;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.KeyBook;
import nl.meldpunt.crypto.KeyBookMember;

/**
 * Answers the case file's questions about recipients from the key books, never from the
 * account table alone: an adviser may receive a case when the organisation's verified
 * book lists it now, a handler when its hotline's verified book, pinned in the
 * organisation's, lists it now — and in both cases only while its account is enrolled and
 * {@link AccountStatus#ACTIVE} (a disabled or removed account receives nothing). An
 * account that an administrator (or anyone writing the table) added is pending until
 * members signed it in. A stored book that does not verify makes nobody eligible (and
 * filing is refused with its reason); never the reporter.
 */
@Component
class EnrolledRecipients implements RecipientDirectory {

	private final KeyBooks books;

	private final Accounts accounts;

	EnrolledRecipients(KeyBooks books, Accounts accounts) {
		this.books = books;
		this.accounts = accounts;
	}

	@Override
	public boolean mayReceive(UUID organisationId, Recipient recipient) {
		Optional<UUID> id = recipient.accountId();
		if (id.isEmpty()) {
			return false;
		}
		return switch (recipient.kind()) {
			case ADVISER -> organisationBook(organisationId).flatMap((book) -> book.member(id.get())).isPresent()
					&& this.accounts.findByIdAndOrganisationId(id.get(), organisationId)
						.filter((account) -> account.isEnrolled() && account.isActive())
						.isPresent();
			case HOTLINE -> this.accounts.findByIdAndOrganisationId(id.get(), organisationId)
				.filter((account) -> account.isEnrolled() && account.isActive())
				.map(Account::hotlineId)
				.map((hotline) -> hotlineHandlers(organisationId, hotline).contains(id.get()))
				.orElse(false);
			case REPORTER -> false;
		};
	}

	@Override
	public Set<UUID> hotlineHandlers(UUID organisationId, UUID hotlineId) {
		List<KeyBookMember> members = this.books.hotlineMembers(organisationId, hotlineId);
		if (members.isEmpty()) {
			return Set.of();
		}
		Set<UUID> active = this.accounts.enrolledRecipients(organisationId)
			.stream()
			.map(Account::id)
			.collect(Collectors.toSet());
		return members.stream().map(KeyBookMember::recipientId).filter(active::contains).collect(Collectors.toSet());
	}

	@Override
	public boolean wasRemoved(UUID organisationId, Recipient recipient) {
		return recipient.accountId()
			.map((id) -> this.accounts.findByIdAndOrganisationId(id, organisationId)
				.map(Account::isRemoved)
				.orElse(true))
			.orElse(!recipient.isReporter());
	}

	private Optional<KeyBook> organisationBook(UUID organisationId) {
		try {
			return this.books.organisationBook(organisationId);
		}
		catch (Refusal refusal) {
			return Optional.empty();
		}
	}

}

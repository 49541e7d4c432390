package nl.meldpunt.caseservice.accounts;

import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.meldpunt.caseservice.casefile.Recipient;
import nl.meldpunt.caseservice.casefile.RecipientDirectory;

/**
 * Answers the procedure's question "may this recipient receive a case of this
 * organisation?": an enrolled, active adviser of the organisation, or a hotline of the
 * organisation with an enrolled handler; never the reporter.
 */
@Component
class EnrolledRecipients implements RecipientDirectory {

	private final Accounts accounts;

	EnrolledRecipients(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public boolean mayReceive(UUID organisationId, Recipient recipient) {
		return switch (recipient.kind()) {
			case ADVISER -> parse(recipient.id()) != null && this.accounts
				.findByIdAndOrganisationId(parse(recipient.id()), organisationId)
				.filter((account) -> account.role() == Role.ADVISER && account.isEnrolled() && account.isActive())
				.isPresent();
			case HOTLINE -> this.accounts.enrolledHotlineHandlers(organisationId)
				.stream()
				.map(Account::hotlineId)
				.anyMatch((id) -> id.toString().equals(recipient.id()));
			case REPORTER -> false;
		};
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}

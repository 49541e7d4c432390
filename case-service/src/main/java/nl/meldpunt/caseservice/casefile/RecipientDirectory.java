package nl.meldpunt.caseservice.casefile;

import java.util.UUID;

/**
 * The question the procedure asks before a case is shared: may this recipient receive a
 * case of this organisation? {@code accounts} answers it (it knows who is enrolled); the
 * interface keeps the dependency one-way, from {@code accounts} to {@code casefile}.
 */
public interface RecipientDirectory {

	/**
	 * Whether {@code recipient} (an adviser or a hotline) belongs to the organisation and
	 * holds a key; never true for the reporter.
	 */
	boolean mayReceive(UUID organisationId, Recipient recipient);

}

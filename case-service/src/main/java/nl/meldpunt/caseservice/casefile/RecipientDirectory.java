package nl.meldpunt.caseservice.casefile;

import java.util.Set;
import java.util.UUID;

/**
 * What the case file asks about recipients, answered by {@code accounts} from the
 * organisation's key book (the interface keeps the dependency one-way, from
 * {@code accounts} to {@code casefile}).
 */
public interface RecipientDirectory {

	/**
	 * Whether {@code recipient} (an adviser, or a hotline handler) is a current member of
	 * its verified key book in the organisation, and so may be sealed to; never the
	 * reporter.
	 */
	boolean mayReceive(UUID organisationId, Recipient recipient);

	/**
	 * The current handlers (account ids) of a hotline pinned in the organisation's key
	 * book; empty when it has none.
	 */
	Set<UUID> hotlineHandlers(UUID organisationId, UUID hotlineId);

	/**
	 * Whether {@code recipient} was removed from its key book (a signed entry): it never
	 * reaches a case again, and the keys it held must be renewed.
	 */
	boolean wasRemoved(UUID organisationId, Recipient recipient);

}

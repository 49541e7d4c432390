package nl.meldpunt.caseservice.keybook;

import java.util.Optional;
import java.util.UUID;

import nl.meldpunt.crypto.KeyBookChange;

/**
 * An entry was appended to a key book (published inside the transaction that stored it).
 *
 * @param organisationId the organisation
 * @param hotlineId the hotline whose book it is (empty: the organisation's)
 * @param sequence the entry's number
 * @param change what it changed
 */
public record KeyBookChanged(UUID organisationId, Optional<UUID> hotlineId, long sequence, KeyBookChange change) {
}

package nl.meldpunt.caseservice.keybook;

import java.util.Optional;
import java.util.UUID;

/**
 * A member refused a proposed change (e.g. a newcomer whose fingerprint did not match
 * what they said out of band); the draft is gone.
 *
 * @param organisationId the organisation
 * @param hotlineId the hotline whose book it was for (empty: the organisation's)
 * @param subject the account the change was about, if any
 */
public record DraftRejected(UUID organisationId, Optional<UUID> hotlineId, Optional<UUID> subject) {
}

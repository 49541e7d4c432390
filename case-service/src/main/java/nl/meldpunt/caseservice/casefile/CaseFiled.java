package nl.meldpunt.caseservice.casefile;

import java.time.LocalDate;
import java.util.UUID;

/** Published after a new case was stored (once, also when filing is retried). */
public record CaseFiled(UUID organisationId, UUID caseId, Channel channel, LocalDate receivedOn) {
}

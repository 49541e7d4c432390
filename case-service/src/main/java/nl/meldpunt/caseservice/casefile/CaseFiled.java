package nl.meldpunt.caseservice.casefile;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One new case of an intake batch, as {@link CasesFiled} carries it (a repeat of a filing
 * is not in it); never published on its own.
 */
public record CaseFiled(UUID organisationId, UUID caseId, Channel channel, LocalDate receivedOn) {
}

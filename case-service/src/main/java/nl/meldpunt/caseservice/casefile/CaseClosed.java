package nl.meldpunt.caseservice.casefile;

import java.time.LocalDate;
import java.util.UUID;

/** Published when a case is closed, with the classification the statistics count. */
public record CaseClosed(UUID organisationId, UUID caseId, LocalDate closedOn, Classification classification) {
}

package nl.meldpunt.caseservice.casefile;

import java.util.UUID;

/**
 * Published when retention deleted a case for good; whoever kept the case id must forget
 * it now.
 */
public record CaseDeleted(UUID organisationId, UUID caseId) {
}

package nl.meldpunt.caseservice.casefile;

import java.time.LocalDate;
import java.util.UUID;

/** Published in the transaction of every state change; dates at day precision. */
public record CaseTransitioned(UUID organisationId, UUID caseId, CaseState from, CaseState to, CaseEvent event,
		LocalDate on) {
}

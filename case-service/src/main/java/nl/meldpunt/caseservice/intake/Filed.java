package nl.meldpunt.caseservice.intake;

import java.time.LocalDate;
import java.util.UUID;

import nl.meldpunt.caseservice.casefile.Case;
import nl.meldpunt.caseservice.casefile.CaseState;

/** The answer to a filing. */
record Filed(UUID caseId, CaseState state, LocalDate receivedOn, LocalDate acknowledgeBy) {

	static Filed of(Case kase) {
		return new Filed(kase.id(), kase.state(), kase.receivedOn(), kase.acknowledgeBy());
	}

}

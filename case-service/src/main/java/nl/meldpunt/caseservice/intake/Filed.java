package nl.meldpunt.caseservice.intake;

import java.time.LocalDate;
import java.util.UUID;

import nl.meldpunt.caseservice.casefile.CaseFile;
import nl.meldpunt.caseservice.casefile.CaseState;

/** The answer to a filing. */
record Filed(UUID caseId, CaseState state, LocalDate receivedOn, LocalDate acknowledgeBy) {

	static Filed of(CaseFile.Filed filed) {
		return new Filed(filed.caseId(), filed.state(), filed.receivedOn(), filed.acknowledgeBy());
	}

}

package nl.meldpunt.caseservice.statistics;

import nl.meldpunt.caseservice.casefile.CaseClosed;
import nl.meldpunt.caseservice.casefile.CaseDeleted;
import nl.meldpunt.caseservice.casefile.CaseEvent;
import nl.meldpunt.caseservice.casefile.CaseState;
import nl.meldpunt.caseservice.casefile.CasesFiled;
import nl.meldpunt.caseservice.casefile.CaseTransitioned;

import nl.meldpunt.caseservice.organisations.OrganisationUnits;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the statistical records in step with the case file. The listeners run in the
 * publisher's transaction ({@code MANDATORY}: publishing outside one is a bug), so a
 * record changes exactly when the case does, and a failure here rolls the case change
 * back too. A classification naming a unit the organisation did not configure is refused
 * here, before it can become a published row.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class CaseFileListener {

	private final StatisticalRecords records;

	private final OrganisationUnits units;

	CaseFileListener(StatisticalRecords records, OrganisationUnits units) {
		this.records = records;
		this.units = units;
	}

	@EventListener
	void on(CasesFiled event) {
		this.records.filedAll(event.cases());
	}

	@EventListener
	void on(CaseTransitioned event) {
		if (event.event() == CaseEvent.ACKNOWLEDGE || event.to() == CaseState.ACKNOWLEDGED) {
			this.records.acknowledged(event.organisationId(), event.caseId(), event.on());
		}
		if (event.event() == CaseEvent.GIVE_FEEDBACK || event.to() == CaseState.FEEDBACK_GIVEN) {
			this.records.feedbackGiven(event.organisationId(), event.caseId(), event.on());
		}
		if (!event.to().isOpen()) {
			this.records.ended(event.organisationId(), event.caseId(), event.on());
		}
	}

	@EventListener
	void on(CaseClosed event) {
		String unit = event.classification().unit();
		if (unit != null && !this.units.existsByOrganisationIdAndCode(event.organisationId(), unit)) {
			throw new Refusal(Problem.UNKNOWN_UNIT,
					"The unit must be one of the organisation's configured units, or none.");
		}
		this.records.ended(event.organisationId(), event.caseId(), event.closedOn());
		this.records.classified(event.organisationId(), event.caseId(), event.closedOn(), event.classification());
	}

	@EventListener
	void on(CaseDeleted event) {
		this.records.anonymise(event.organisationId(), event.caseId());
	}

}

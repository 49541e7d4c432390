package nl.meldpunt.caseservice.casefile;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import nl.meldpunt.caseservice.audit.AuditAction;
import nl.meldpunt.caseservice.audit.AuditLog;
import nl.meldpunt.caseservice.ids.CaseId;
import nl.meldpunt.caseservice.ids.OrganisationId;
import nl.meldpunt.caseservice.organisations.Categories;

/**
 * What {@link CaseLifecycle} needs around the machine: loading what the guards look at,
 * and writing what an accepted transition leaves behind.
 */
@Component
class CaseLifecycleSteps {

	private final KeyEnvelopes envelopes;

	private final Exclusions exclusions;

	private final Timeline timeline;

	private final RecipientDirectory directory;

	private final Categories categories;

	private final Proposals proposals;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	CaseLifecycleSteps(KeyEnvelopes envelopes, Exclusions exclusions, Timeline timeline, RecipientDirectory directory,
			Categories categories, Proposals proposals, AuditLog audit, ApplicationEventPublisher events) {
		this.envelopes = envelopes;
		this.exclusions = exclusions;
		this.timeline = timeline;
		this.directory = directory;
		this.categories = categories;
		this.proposals = proposals;
		this.audit = audit;
		this.events = events;
	}

	Attempt attempt(Case kase, Transition transition) {
		UUID organisationId = kase.organisationId();
		Predicate<Recipient> eligible = (recipient) -> this.directory.mayReceive(organisationId, recipient);
		Predicate<String> knownCategory = (code) -> this.categories.existsByOrganisationIdAndCode(organisationId, code);
		return new Attempt(kase, transition, this.envelopes.recipients(kase.id()), this.exclusions.of(kase.id()),
				eligible, (hotlineId) -> this.directory.hotlineHandlers(organisationId, hotlineId),
				this.envelopes.keys(kase.id()), knownCategory,
				(event, hotline) -> this.proposals.agreed(kase.id(), event, hotline));
	}

	void persist(Case kase, Transition transition, CaseState from, CaseState to, LocalDate on) {
		Transition.Share share = transition.share();
		if (share != null
				&& (transition.event() == CaseEvent.REASSIGN || transition.event() == CaseEvent.REFER_EXTERNAL)) {
			this.envelopes.store(kase.organisationId(), kase.id(), share.envelopes(), on);
		}
		if (from != to) {
			kase.moveTo(to, on);
			this.timeline.append(kase.organisationId(), kase.id(), on, transition.event().name(), to);
			this.events
				.publishEvent(new CaseTransitioned(kase.organisationId(), kase.id(), from, to, transition.event(), on));
			if (to == CaseState.CLOSED) {
				this.events.publishEvent(new CaseClosed(kase.organisationId(), kase.id(), on, kase.classification()));
			}
		}
		Actor actor = transition.actor();
		String detail = (share != null) ? share.kind() + ":" + share.target() : to.name();
		this.audit.record(OrganisationId.of(kase.organisationId()), actor.auditKind(), actor.auditId(),
				auditAction(transition.event()), CaseId.of(kase.id()),
				(detail.length() > 64) ? detail.substring(0, 64) : detail);
	}

	/** Every event has its own audit action; the compiler checks that none is missing. */
	static AuditAction auditAction(CaseEvent event) {
		return switch (event) {
			case ACKNOWLEDGE -> AuditAction.EVENT_ACKNOWLEDGE;
			case START_CONSULTATION -> AuditAction.EVENT_START_CONSULTATION;
			case ASK_REPORTER -> AuditAction.EVENT_ASK_REPORTER;
			case REPORTER_ANSWERED -> AuditAction.EVENT_REPORTER_ANSWERED;
			case ANSWER_TIMED_OUT -> AuditAction.EVENT_ANSWER_TIMED_OUT;
			case START_MEDIATION -> AuditAction.EVENT_START_MEDIATION;
			case FILE_FORMAL_COMPLAINT -> AuditAction.EVENT_FILE_FORMAL_COMPLAINT;
			case START_INVESTIGATION -> AuditAction.EVENT_START_INVESTIGATION;
			case REFER_EXTERNAL -> AuditAction.EVENT_REFER_EXTERNAL;
			case GIVE_FEEDBACK -> AuditAction.EVENT_GIVE_FEEDBACK;
			case CLOSE -> AuditAction.EVENT_CLOSE;
			case WITHDRAW -> AuditAction.EVENT_WITHDRAW;
			case REASSIGN -> AuditAction.EVENT_REASSIGN;
		};
	}

}

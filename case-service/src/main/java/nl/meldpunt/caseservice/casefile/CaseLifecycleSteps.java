package nl.meldpunt.caseservice.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import nl.meldpunt.caseservice.accounts.Account;
import nl.meldpunt.caseservice.accounts.Accounts;
import nl.meldpunt.caseservice.accounts.Role;
import nl.meldpunt.caseservice.audit.AuditLog;
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

	private final Accounts accounts;

	private final Categories categories;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	CaseLifecycleSteps(KeyEnvelopes envelopes, Exclusions exclusions, Timeline timeline, Accounts accounts,
			Categories categories, AuditLog audit, ApplicationEventPublisher events) {
		this.envelopes = envelopes;
		this.exclusions = exclusions;
		this.timeline = timeline;
		this.accounts = accounts;
		this.categories = categories;
		this.audit = audit;
		this.events = events;
	}

	Attempt attempt(Case kase, Transition transition) {
		UUID organisationId = kase.organisationId();
		Predicate<Recipient> eligible = (recipient) -> switch (recipient.kind()) {
			case ADVISER -> parse(recipient.id()) != null
					&& this.accounts.findByIdAndOrganisationId(parse(recipient.id()), organisationId)
						.filter((account) -> account.role() == Role.ADVISER && account.isEnrolled())
						.isPresent();
			case HOTLINE -> this.accounts.enrolledHotlineHandlers(organisationId)
				.stream()
				.map(Account::hotlineId)
				.anyMatch((id) -> id.toString().equals(recipient.id()));
			case REPORTER -> false;
		};
		Predicate<String> knownCategory = (code) -> this.categories.existsByOrganisationIdAndCode(organisationId, code);
		return new Attempt(kase, transition, this.envelopes.recipients(kase.id()), this.exclusions.of(kase.id()),
				eligible, knownCategory);
	}

	void persist(Case kase, Transition transition, CaseState from, CaseState to, LocalDate on) {
		Transition.Share share = transition.share();
		if (share != null
				&& (transition.event() == CaseEvent.REASSIGN || transition.event() == CaseEvent.REFER_EXTERNAL)) {
			this.envelopes.store(kase.organisationId(), kase.id(),
					List.of(new KeyEnvelopes.Sealed(share.recipient(), share.envelope())), on);
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
		String detail = (share != null) ? share.recipient().kind() + ":" + share.recipient().id() : to.name();
		this.audit.record(kase.organisationId(), actor.kind().name(), actor.auditId(), "EVENT_" + transition.event(),
				kase.id(), detail.length() > 64 ? detail.substring(0, 64) : detail);
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}

package nl.meldpunt.caseservice.casefile;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.audit.ActorKind;
import nl.meldpunt.caseservice.audit.AuditAction;
import nl.meldpunt.caseservice.audit.AuditLog;
import nl.meldpunt.caseservice.ids.CaseId;
import nl.meldpunt.caseservice.ids.OrganisationId;

/**
 * Stores a new case with everything filed with it, in the caller's transaction and in as
 * few statements as possible (one row each, envelopes in one batch). Validation is the
 * caller's job; this only writes. A {@code @Repository}, so that a duplicate key surfaces
 * as Spring's {@code DataIntegrityViolationException}.
 */
@Repository
class CaseFiling {

	/** A validated filing. */
	record NewCase(Case kase, CaseView.Item report, List<SealedKey> envelopes, List<UUID> excludedAdvisers) {
	}

	private final EntityManager entityManager;

	private final KeyEnvelopes envelopes;

	private final CaseItems items;

	private final Exclusions exclusions;

	private final Timeline timeline;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	CaseFiling(EntityManager entityManager, KeyEnvelopes envelopes, CaseItems items, Exclusions exclusions,
			Timeline timeline, AuditLog audit, ApplicationEventPublisher events) {
		this.entityManager = entityManager;
		this.envelopes = envelopes;
		this.items = items;
		this.exclusions = exclusions;
		this.timeline = timeline;
		this.audit = audit;
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void store(NewCase filing) {
		Case kase = filing.kase();
		this.entityManager.persist(kase);
		// the child rows below are written with JDBC, so the case row must exist first
		this.entityManager.flush();
		this.envelopes.store(kase.organisationId(), kase.id(), filing.envelopes(), kase.receivedOn());
		this.items.store(kase.organisationId(), filing.report());
		if (!filing.excludedAdvisers().isEmpty()) {
			this.exclusions.store(kase.organisationId(), kase.id(), filing.excludedAdvisers());
		}
		this.timeline.append(kase.organisationId(), kase.id(), kase.receivedOn(), Timeline.FILED, kase.state());
		this.events.publishEvent(new CaseFiled(kase.organisationId(), kase.id(), kase.channel(), kase.receivedOn()));
		this.audit.record(OrganisationId.of(kase.organisationId()), ActorKind.REPORTER, null, AuditAction.CASE_FILED,
				CaseId.of(kase.id()), kase.channel().name());
	}

}

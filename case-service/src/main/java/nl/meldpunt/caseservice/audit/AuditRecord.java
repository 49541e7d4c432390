package nl.meldpunt.caseservice.audit;

import java.util.Objects;
import java.util.UUID;

import nl.meldpunt.caseservice.ids.AccountId;
import nl.meldpunt.caseservice.ids.CaseId;
import nl.meldpunt.caseservice.ids.OrganisationId;

/**
 * One entry to append with {@link AuditLog#recordAll}: the same facts
 * {@link AuditLog#record} takes.
 *
 * @param organisation the organisation (null: the system chain)
 * @param actorKind who acted, as a kind
 * @param actor the account that acted, when one did
 * @param action what happened
 * @param kase the case it happened to, if any
 * @param detail a short code, never content
 */
public record AuditRecord(OrganisationId organisation, ActorKind actorKind, AccountId actor, AuditAction action,
		CaseId kase, String detail) {

	public AuditRecord {
		Objects.requireNonNull(actorKind);
		Objects.requireNonNull(action);
	}

	UUID organisationId() {
		return (this.organisation != null) ? this.organisation.value() : null;
	}

	UUID caseId() {
		return (this.kase != null) ? this.kase.value() : null;
	}

	String actorId() {
		return (this.actor != null) ? this.actor.toString() : null;
	}

}

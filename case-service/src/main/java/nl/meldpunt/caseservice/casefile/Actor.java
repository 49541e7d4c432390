package nl.meldpunt.caseservice.casefile;

import java.util.Objects;
import java.util.UUID;

import nl.meldpunt.caseservice.audit.ActorKind;
import nl.meldpunt.caseservice.ids.AccountId;

/**
 * Who acts on a case: the reporter (through the portal, known only by the hash of the
 * case's credential), a signed-in adviser or hotline handler (scoped to their
 * organisation), or the service itself (time-outs, retention). Every call of
 * {@link CaseFile} names its actor; the refusals follow from it.
 *
 * @param kind the kind of actor
 * @param accountId the adviser's or handler's account (null for the reporter and the
 * service)
 * @param hotlineId the handler's hotline (null otherwise)
 * @param organisationId the organisation a recipient belongs to (null when the actor is
 * not scoped to one)
 * @param credentialHash the reporter's credential hash, which names the case (null
 * otherwise)
 */
public record Actor(Kind kind, UUID accountId, UUID hotlineId, UUID organisationId, String credentialHash) {

	/** The kinds of actor. */
	public enum Kind {

		/** The reporter, identified only by the case's credential. */
		REPORTER,
		/** An internal confidential adviser. */
		ADVISER,
		/** A handler at an external hotline. */
		HOTLINE,
		/** The service itself (deadlines, time-outs, retention). */
		SYSTEM

	}

	public Actor {
		Objects.requireNonNull(kind);
		if ((kind == Kind.ADVISER || kind == Kind.HOTLINE) && accountId == null) {
			throw new IllegalArgumentException("an adviser or handler has an account");
		}
		if (kind == Kind.HOTLINE && hotlineId == null) {
			throw new IllegalArgumentException("a handler belongs to a hotline");
		}
	}

	/** The reporter as the procedure sees them (no case named). */
	public static Actor reporter() {
		return new Actor(Kind.REPORTER, null, null, null, null);
	}

	/** The reporter holding the credential with this storage hash. */
	public static Actor reporter(String credentialHash) {
		return new Actor(Kind.REPORTER, null, null, null, Objects.requireNonNull(credentialHash));
	}

	public static Actor system() {
		return new Actor(Kind.SYSTEM, null, null, null, null);
	}

	public static Actor adviser(UUID accountId) {
		return new Actor(Kind.ADVISER, accountId, null, null, null);
	}

	public static Actor adviser(UUID accountId, UUID organisationId) {
		return new Actor(Kind.ADVISER, accountId, null, Objects.requireNonNull(organisationId), null);
	}

	public static Actor hotlineHandler(UUID accountId, UUID hotlineId) {
		return new Actor(Kind.HOTLINE, accountId, hotlineId, null, null);
	}

	public static Actor hotlineHandler(UUID accountId, UUID hotlineId, UUID organisationId) {
		return new Actor(Kind.HOTLINE, accountId, hotlineId, Objects.requireNonNull(organisationId), null);
	}

	public boolean isReporter() {
		return this.kind == Kind.REPORTER;
	}

	/** An adviser or a hotline handler. */
	public boolean isRecipient() {
		return this.kind == Kind.ADVISER || this.kind == Kind.HOTLINE;
	}

	/** The key envelope this actor opens, or null for the service. */
	public Recipient asRecipient() {
		return switch (this.kind) {
			case REPORTER -> Recipient.reporter();
			case ADVISER -> Recipient.adviser(this.accountId);
			case HOTLINE -> Recipient.handler(this.accountId);
			case SYSTEM -> null;
		};
	}

	/** Which side an item or attachment written by this actor shows. */
	Author asAuthor() {
		return switch (this.kind) {
			case REPORTER -> Author.REPORTER;
			case HOTLINE -> Author.HOTLINE;
			case ADVISER -> Author.ADVISER;
			case SYSTEM -> throw new IllegalStateException("the service writes no items");
		};
	}

	/** How this actor appears in the audit log: a kind, and an account id at most. */
	ActorKind auditKind() {
		return switch (this.kind) {
			case REPORTER -> ActorKind.REPORTER;
			case ADVISER -> ActorKind.ADVISER;
			case HOTLINE -> ActorKind.HOTLINE;
			case SYSTEM -> ActorKind.SYSTEM;
		};
	}

	AccountId auditId() {
		return AccountId.ofNullable(this.accountId);
	}

	/** Never shows the credential hash (it names the reporter's case). */
	@Override
	public String toString() {
		return "Actor[" + this.kind + ((this.accountId != null) ? " " + this.accountId : "") + "]";
	}

}

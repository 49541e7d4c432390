package nl.meldpunt.caseservice.casefile;

import java.util.Objects;
import java.util.UUID;

/**
 * Who fires an event: the reporter (through the portal), a signed-in adviser or hotline
 * handler, or the service itself (time-outs).
 */
public record Actor(Kind kind, UUID accountId, UUID hotlineId) {

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

	public static Actor reporter() {
		return new Actor(Kind.REPORTER, null, null);
	}

	public static Actor system() {
		return new Actor(Kind.SYSTEM, null, null);
	}

	public static Actor adviser(UUID accountId) {
		return new Actor(Kind.ADVISER, accountId, null);
	}

	public static Actor hotlineHandler(UUID accountId, UUID hotlineId) {
		return new Actor(Kind.HOTLINE, accountId, hotlineId);
	}

	/** The key envelope this actor opens, or null for the service. */
	public Recipient asRecipient() {
		return switch (this.kind) {
			case REPORTER -> Recipient.reporter();
			case ADVISER -> Recipient.adviser(this.accountId);
			case HOTLINE -> Recipient.hotline(this.hotlineId);
			case SYSTEM -> null;
		};
	}

	/**
	 * How this actor appears in the audit log: never more than a kind and an account id.
	 */
	public String auditId() {
		return (this.accountId != null) ? this.accountId.toString() : null;
	}

}

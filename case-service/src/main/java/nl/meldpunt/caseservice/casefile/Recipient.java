package nl.meldpunt.caseservice.casefile;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One recipient of a case: an adviser, a hotline handler (both by account), or the
 * reporter. Each is sealed to by the id its key book lists.
 */
public record Recipient(RecipientKind kind, String id) {

	/** The reporter's recipient id in key-envelope bindings (CONTRACTS.md 2). */
	public static final String REPORTER_ID = "reporter";

	public Recipient {
		Objects.requireNonNull(kind);
		Objects.requireNonNull(id);
	}

	public static Recipient adviser(UUID accountId) {
		return new Recipient(RecipientKind.ADVISER, accountId.toString());
	}

	/** A handler of an external hotline, as its hotline's key book lists them. */
	public static Recipient handler(UUID accountId) {
		return new Recipient(RecipientKind.HOTLINE, accountId.toString());
	}

	public static Recipient reporter() {
		return new Recipient(RecipientKind.REPORTER, REPORTER_ID);
	}

	/** The account of an adviser or handler; empty for the reporter or a malformed id. */
	public Optional<UUID> accountId() {
		if (this.kind == RecipientKind.REPORTER) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(this.id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	public boolean isReporter() {
		return this.kind == RecipientKind.REPORTER;
	}

}

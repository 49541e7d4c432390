package nl.meldpunt.caseservice.casefile;

import java.util.Objects;
import java.util.UUID;

/** One recipient of a case: an adviser account, a hotline, or the reporter. */
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

	public static Recipient hotline(UUID hotlineId) {
		return new Recipient(RecipientKind.HOTLINE, hotlineId.toString());
	}

	public static Recipient reporter() {
		return new Recipient(RecipientKind.REPORTER, REPORTER_ID);
	}

}

package nl.meldpunt.caseservice.ids;

import java.util.Objects;
import java.util.UUID;

/**
 * The identifier of one account, typed so that it cannot be passed where another id
 * belongs.
 */
public record AccountId(UUID value) {

	public AccountId {
		Objects.requireNonNull(value, "value");
	}

	public static AccountId of(UUID value) {
		return new AccountId(value);
	}

	/** The id, or null for null (optional ids, such as an entry about no account). */
	public static AccountId ofNullable(UUID value) {
		return (value != null) ? new AccountId(value) : null;
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}

package nl.meldpunt.caseservice.ids;

import java.util.Objects;
import java.util.UUID;

/**
 * The identifier of one case, typed so that it cannot be passed where another id belongs.
 */
public record CaseId(UUID value) {

	public CaseId {
		Objects.requireNonNull(value, "value");
	}

	public static CaseId of(UUID value) {
		return new CaseId(value);
	}

	/** The id, or null for null (optional ids, such as an entry about no case). */
	public static CaseId ofNullable(UUID value) {
		return (value != null) ? new CaseId(value) : null;
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}

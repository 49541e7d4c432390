package nl.meldpunt.caseservice.ids;

import java.util.Objects;
import java.util.UUID;

/**
 * The identifier of one organisation, typed so that it cannot be passed where another id
 * belongs.
 */
public record OrganisationId(UUID value) {

	public OrganisationId {
		Objects.requireNonNull(value, "value");
	}

	public static OrganisationId of(UUID value) {
		return new OrganisationId(value);
	}

	/**
	 * The id, or null for null (optional ids, such as an entry about no organisation).
	 */
	public static OrganisationId ofNullable(UUID value) {
		return (value != null) ? new OrganisationId(value) : null;
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}

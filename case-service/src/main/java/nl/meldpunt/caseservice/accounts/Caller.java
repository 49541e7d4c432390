package nl.meldpunt.caseservice.accounts;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * Who is calling, as every feature sees it: after log-in,
 * {@code Authentication#getPrincipal()} is a {@code Caller}. Controllers take it with
 * {@code @AuthenticationPrincipal Caller caller} and scope every query to
 * {@link #organisationId()}.
 */
public record Caller(UUID accountId, UUID organisationId, Role role, String displayName) implements Serializable {

	public Caller {
		Objects.requireNonNull(accountId, "accountId");
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(displayName, "displayName");
	}

	public boolean is(Role expected) {
		return this.role == expected;
	}

}

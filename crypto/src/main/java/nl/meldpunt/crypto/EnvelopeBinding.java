package nl.meldpunt.crypto;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Whom a key envelope is for: organisation, case and recipient id. It is the HPKE
 * {@code info} together with the fixed purpose label, so an envelope copied to another
 * case, organisation or recipient does not open.
 *
 * @param organisationId the organisation (tenant)
 * @param caseId the case
 * @param recipientId a recipient's UUID in canonical form, or the literal
 * {@value #REPORTER}
 */
public record EnvelopeBinding(UUID organisationId, UUID caseId, String recipientId) {

	/** The recipient id of the reporter's own envelope. */
	public static final String REPORTER = "reporter";

	private static final Pattern CANONICAL_UUID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	public EnvelopeBinding {
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(recipientId, "recipientId");
		if (!REPORTER.equals(recipientId) && !CANONICAL_UUID.matcher(recipientId).matches()) {
			throw new IllegalArgumentException("recipientId must be 'reporter' or a lower-case UUID");
		}
	}

	public static EnvelopeBinding forReporter(UUID organisationId, UUID caseId) {
		return new EnvelopeBinding(organisationId, caseId, REPORTER);
	}

	public static EnvelopeBinding forRecipient(UUID organisationId, UUID caseId, UUID recipientId) {
		return new EnvelopeBinding(organisationId, caseId, recipientId.toString());
	}

}

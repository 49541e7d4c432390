package nl.meldpunt.crypto;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Whom a key envelope is for: organisation, case and recipient id, and which key it holds
 * (purpose and epoch). It is the HPKE {@code info}, so an envelope copied to another
 * case, organisation, recipient, purpose or epoch does not open. The original case key is
 * purpose {@link KeyPurpose#CASE}, epoch 0, and keeps the v1 encoding; every later key (a
 * new epoch after a recipient was removed, a staff key) carries both.
 *
 * @param organisationId the organisation (tenant)
 * @param caseId the case
 * @param recipientId a recipient's UUID in canonical form, or the literal
 * {@value #REPORTER}
 * @param purpose the case key or the staff key (never sealed to the reporter)
 * @param epoch 0 for the case's first key, one more after each re-keying, at most
 * {@value #MAX_EPOCH}
 */
public record EnvelopeBinding(UUID organisationId, UUID caseId, String recipientId, KeyPurpose purpose, int epoch) {

	/** Highest epoch number. */
	public static final int MAX_EPOCH = 1_000_000;

	/** The recipient id of the reporter's own envelope. */
	public static final String REPORTER = "reporter";

	private static final Pattern CANONICAL_UUID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	public EnvelopeBinding {
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(recipientId, "recipientId");
		Objects.requireNonNull(purpose, "purpose");
		if (!REPORTER.equals(recipientId) && !CANONICAL_UUID.matcher(recipientId).matches()) {
			throw new IllegalArgumentException("recipientId must be 'reporter' or a lower-case UUID");
		}
		if (epoch < 0 || epoch > MAX_EPOCH) {
			throw new IllegalArgumentException("epoch must be between 0 and " + MAX_EPOCH);
		}
		if (purpose == KeyPurpose.STAFF && REPORTER.equals(recipientId)) {
			throw new IllegalArgumentException("The staff key is never sealed to the reporter");
		}
	}

	/** The original case key (purpose CASE, epoch 0): the v1 binding. */
	public EnvelopeBinding(UUID organisationId, UUID caseId, String recipientId) {
		this(organisationId, caseId, recipientId, KeyPurpose.CASE, 0);
	}

	public static EnvelopeBinding forReporter(UUID organisationId, UUID caseId) {
		return new EnvelopeBinding(organisationId, caseId, REPORTER);
	}

	public static EnvelopeBinding forRecipient(UUID organisationId, UUID caseId, UUID recipientId) {
		return new EnvelopeBinding(organisationId, caseId, recipientId.toString());
	}

	/** The reporter's envelope of the case key of {@code epoch}. */
	public static EnvelopeBinding forReporter(UUID organisationId, UUID caseId, int epoch) {
		return new EnvelopeBinding(organisationId, caseId, REPORTER, KeyPurpose.CASE, epoch);
	}

	/** A recipient's envelope of the case key of {@code epoch}. */
	public static EnvelopeBinding forRecipient(UUID organisationId, UUID caseId, UUID recipientId, int epoch) {
		return new EnvelopeBinding(organisationId, caseId, recipientId.toString(), KeyPurpose.CASE, epoch);
	}

	/** A staff recipient's envelope of the staff key of {@code epoch}. */
	public static EnvelopeBinding forStaff(UUID organisationId, UUID caseId, UUID recipientId, int epoch) {
		return new EnvelopeBinding(organisationId, caseId, recipientId.toString(), KeyPurpose.STAFF, epoch);
	}

	/**
	 * Whether this is the v1 binding (the original case key), encoded without purpose and
	 * epoch fields.
	 */
	public boolean isOriginal() {
		return this.purpose == KeyPurpose.CASE && this.epoch == 0;
	}

}

package nl.meldpunt.internalapi;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import nl.meldpunt.crypto.KeyEnvelope;
import nl.meldpunt.crypto.MailboxCredential;
import nl.meldpunt.crypto.RecipientPublicKey;
import nl.meldpunt.crypto.SealedItem;

/**
 * A report as the browser files it ({@code POST /organisations/{slug}/cases}):
 * ciphertext, key envelopes and the few routing facts the procedure needs. The portal
 * receives it from the browser in exactly this shape, checks it and passes it on; the
 * case service checks it again. The browser chooses {@code caseId}, so sending the same
 * filing twice is harmless.
 *
 * @param caseId the case, chosen by the browser (idempotency key)
 * @param accessCode the organisation's shared access code, when it has one
 * @param route to the organisation's advisers or to an external hotline
 * @param hotlineId the chosen hotline when the route is HOTLINE
 * @param excludedAdviserIds advisers left out because of a conflict of interest
 * @param mailboxCredential the credential derived from the token
 * @param reporterPublicKey the reporter's X25519 public key
 * @param report the sealed report
 * @param keyEnvelopes the case key sealed to each recipient and the reporter
 * @param language the reporter's language (nl, en, tr, ar or pl)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilingRequest(@NotNull UUID caseId, @Size(max = Limits.MAX_ACCESS_CODE_CHARS) String accessCode,
		@NotNull Route route, UUID hotlineId,
		@Size(max = Limits.MAX_EXCLUDED_ADVISERS) List<@NotNull UUID> excludedAdviserIds,
		@NotNull MailboxCredential mailboxCredential, @NotNull RecipientPublicKey reporterPublicKey,
		@NotNull @Valid SealedReport report,
		@NotEmpty @Size(max = Limits.MAX_KEY_ENVELOPES) List<@NotNull @Valid Envelope> keyEnvelopes,
		@NotNull @Pattern(regexp = "nl|en|tr|ar|pl") String language) {

	/** A hotline route names its hotline. */
	@JsonIgnore
	@AssertTrue
	public boolean isHotlineChosen() {
		return (this.route != Route.HOTLINE) || this.hotlineId != null;
	}

	/**
	 * The sealed report item.
	 *
	 * @param itemId the item
	 * @param ciphertext the sealed report
	 */
	public record SealedReport(@NotNull UUID itemId, @NotNull SealedItem ciphertext) {
	}

	/**
	 * One key envelope.
	 *
	 * @param recipientKind who it is for
	 * @param recipientId the adviser's or hotline's id, or {@code reporter}
	 * @param envelope the HPKE key envelope
	 */
	public record Envelope(@NotNull RecipientKind recipientKind, @NotNull @Pattern(
			regexp = "reporter|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") String recipientId,
			@NotNull KeyEnvelope envelope) {
	}

}

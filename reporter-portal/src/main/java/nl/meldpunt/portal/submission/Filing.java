package nl.meldpunt.portal.submission;

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
import nl.meldpunt.portal.web.Base64Url;

/**
 * A report as the browser files it: ciphertext, key envelopes and the few routing facts
 * the procedure needs. It has exactly the shape of the internal API's filing request, so
 * the portal checks it and passes it on unchanged. The browser chooses {@code caseId};
 * sending the same filing twice is therefore harmless.
 *
 * @param caseId the case, chosen by the browser (idempotency key)
 * @param accessCode the organisation's shared access code, when it has one
 * @param route to the organisation's advisers or to an external hotline
 * @param hotlineId the chosen hotline when the route is HOTLINE
 * @param excludedAdviserIds advisers left out because of a conflict of interest
 * @param mailboxCredential the credential derived from the token (32 bytes)
 * @param reporterPublicKey the reporter's X25519 public key (32 bytes)
 * @param report the sealed report
 * @param keyEnvelopes the case key sealed to each recipient and the reporter
 * @param language the reporter's language
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Filing(@NotNull UUID caseId, @Size(max = 200) String accessCode, @NotNull Route route, UUID hotlineId,
		@Size(max = 100) List<@NotNull UUID> excludedAdviserIds,
		@NotNull @Base64Url(minBytes = 32, maxBytes = 32) String mailboxCredential,
		@NotNull @Base64Url(minBytes = 32, maxBytes = 32) String reporterPublicKey, @NotNull @Valid Sealed report,
		@NotEmpty @Size(max = 200) List<@NotNull @Valid Envelope> keyEnvelopes,
		@NotNull @Pattern(regexp = "nl|en") String language) {

	/** Where a report goes. */
	enum Route {

		/** To the organisation's confidential advisers (minus the excluded ones). */
		ADVISERS,
		/** To one external hotline the organisation lists. */
		HOTLINE

	}

	/** Who a key envelope is for. */
	enum RecipientKind {

		/** A confidential adviser of the organisation. */
		ADVISER,
		/** An external hotline. */
		HOTLINE,
		/** The reporter, who opens it with the key derived from the token. */
		REPORTER

	}

	@JsonIgnore
	@AssertTrue
	boolean isHotlineChosen() {
		return (this.route != Route.HOTLINE) || this.hotlineId != null;
	}

	/**
	 * @param itemId the item
	 * @param ciphertext the sealed item, base64url
	 */
	record Sealed(@NotNull UUID itemId, @NotNull @Base64Url String ciphertext) {
	}

	/**
	 * @param recipientKind who it is for
	 * @param recipientId the adviser's or hotline's id, or {@code reporter}
	 * @param envelope the HPKE key envelope, base64url
	 */
	record Envelope(@NotNull RecipientKind recipientKind, @NotNull @Pattern(
			regexp = "reporter|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") String recipientId,
			@NotNull @Base64Url(maxBytes = 4096) String envelope) {
	}

}

package nl.meldpunt.caseservice.intake;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /internal/v1/organisations/{slug}/cases} (CONTRACTS.md 3). */
record FilingRequest(@NotNull UUID caseId, @Size(max = 200) String accessCode, @NotNull Route route, UUID hotlineId,
		@Size(max = 200) List<@NotNull UUID> excludedAdviserIds, @NotBlank @Size(max = 100) String mailboxCredential,
		@NotBlank @Size(max = 100) String reporterPublicKey, @NotNull @Valid SealedReport report,
		@NotNull @Size(min = 1, max = 201) List<@NotNull @Valid Envelope> keyEnvelopes,
		@NotNull @Pattern(regexp = "nl|en") String language) {

	/** Where the reporter sends the report. */
	enum Route {

		/** To the organisation's confidential advisers. */
		ADVISERS,
		/** Straight to one external hotline. */
		HOTLINE

	}

	/** The sealed report item. */
	record SealedReport(@NotNull UUID itemId, @NotBlank String ciphertext) {
	}

	/** One key envelope. */
	record Envelope(@NotNull String recipientKind, @NotBlank @Size(max = 36) String recipientId,
			@NotBlank String envelope) {
	}

}

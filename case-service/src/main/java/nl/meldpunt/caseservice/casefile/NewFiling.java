package nl.meldpunt.caseservice.casefile;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import nl.meldpunt.crypto.RecipientPublicKey;
import nl.meldpunt.crypto.SealedItem;

/**
 * A report as intake accepted it: who may read it (the envelopes cover exactly its
 * recipients; intake checked that against the organisation) and the sealed report.
 *
 * @param caseId the case id the browser chose
 * @param organisationId the organisation
 * @param channel advisers or hotline
 * @param hotlineId the chosen hotline (null for advisers)
 * @param credentialHash the storage hash of the reporter's mailbox credential
 * @param reporterPublicKey the reporter's public key
 * @param language the reporter's language
 * @param reportItemId the report item's id
 * @param report the sealed report
 * @param envelopes the case's original key sealed to every recipient and the reporter
 * @param excludedAdvisers advisers the reporter excluded
 */
public record NewFiling(UUID caseId, UUID organisationId, Channel channel, UUID hotlineId, String credentialHash,
		RecipientPublicKey reporterPublicKey, String language, UUID reportItemId, SealedItem report,
		List<SealedKey> envelopes, List<UUID> excludedAdvisers) {

	public NewFiling {
		Objects.requireNonNull(caseId);
		Objects.requireNonNull(organisationId);
		Objects.requireNonNull(channel);
		Objects.requireNonNull(credentialHash);
		Objects.requireNonNull(reporterPublicKey);
		Objects.requireNonNull(report);
		envelopes = List.copyOf(envelopes);
		excludedAdvisers = List.copyOf(excludedAdvisers);
	}

}

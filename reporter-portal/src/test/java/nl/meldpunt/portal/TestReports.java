package nl.meldpunt.portal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meldpunt.crypto.CaseKey;
import nl.meldpunt.crypto.EnvelopeBinding;
import nl.meldpunt.crypto.ItemBinding;
import nl.meldpunt.crypto.ItemKind;
import nl.meldpunt.crypto.RecipientPrivateKey;
import nl.meldpunt.crypto.ReporterToken;

/**
 * Builds what a reporter's browser sends, with the crypto module's Java twin: a real
 * token, real ciphertext and real key envelopes for the {@code demo} organisation.
 */
public final class TestReports {

	public final ReporterToken token = ReporterToken.generate();

	public final CaseKey caseKey = CaseKey.generate();

	public final UUID caseId = UUID.randomUUID();

	public final UUID organisationId;

	private final InMemoryCaseService caseService;

	public TestReports(InMemoryCaseService caseService) {
		this.caseService = caseService;
		this.organisationId = caseService.organisationId("demo");
	}

	public String credential() {
		return InMemoryCaseService.encode(this.token.mailboxCredential().toBytes());
	}

	/** A complete, valid filing whose report text is {@code text}. */
	public Map<String, Object> filing(String text) {
		UUID itemId = UUID.randomUUID();
		byte[] report = this.caseKey
			.seal(text.getBytes(StandardCharsets.UTF_8),
					new ItemBinding(this.organisationId, this.caseId, itemId, ItemKind.REPORT))
			.toBytes();
		List<Map<String, String>> envelopes = new ArrayList<>();
		envelopes.add(envelope("ADVISER", this.caseService.adviserAId, this.caseService.adviserA));
		envelopes.add(envelope("ADVISER", this.caseService.adviserBId, this.caseService.adviserB));
		envelopes.add(Map.of("recipientKind", "REPORTER", "recipientId", "reporter", "envelope",
				InMemoryCaseService.encode(this.token.reporterKey()
					.publicKey()
					.seal(this.caseKey, EnvelopeBinding.forReporter(this.organisationId, this.caseId))
					.toBytes())));
		Map<String, Object> filing = new LinkedHashMap<>();
		filing.put("caseId", this.caseId.toString());
		filing.put("route", "ADVISERS");
		filing.put("excludedAdviserIds", List.of());
		filing.put("mailboxCredential", credential());
		filing.put("reporterPublicKey", InMemoryCaseService.encode(this.token.reporterKey().publicKey().toBytes()));
		filing.put("report", Map.of("itemId", itemId.toString(), "ciphertext", InMemoryCaseService.encode(report)));
		filing.put("keyEnvelopes", envelopes);
		filing.put("language", "nl");
		return filing;
	}

	/** A sealed message of the reporter, as the follow-up page sends it. */
	public Map<String, Object> message(String text) {
		UUID itemId = UUID.randomUUID();
		byte[] sealed = this.caseKey
			.seal(text.getBytes(StandardCharsets.UTF_8),
					new ItemBinding(this.organisationId, this.caseId, itemId, ItemKind.MESSAGE))
			.toBytes();
		return Map.of("itemId", itemId.toString(), "ciphertext", InMemoryCaseService.encode(sealed));
	}

	private Map<String, String> envelope(String kind, UUID id, RecipientPrivateKey recipient) {
		return Map.of("recipientKind", kind, "recipientId", id.toString(), "envelope",
				InMemoryCaseService.encode(recipient.publicKey()
					.seal(this.caseKey, EnvelopeBinding.forRecipient(this.organisationId, this.caseId, id))
					.toBytes()));
	}

}

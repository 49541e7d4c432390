package nl.meldpunt.ops.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.meldpunt.crypto.CaseKey;
import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.EnvelopeBinding;
import nl.meldpunt.crypto.ItemBinding;
import nl.meldpunt.crypto.ItemKind;
import nl.meldpunt.crypto.RecipientPublicKey;
import nl.meldpunt.crypto.ReporterToken;

/**
 * Real, browser-shaped filings for the demo organisation, as the portal's page makes
 * them: a 2 KB report sealed under a fresh case key, the key sealed to every enrolled
 * adviser and to the reporter's own key derived from a fresh token.
 */
public final class DemoFilings {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private static final byte[] REPORT = "Wat er gebeurde: een melding van ongeveer twee kilobyte. ".repeat(36)
		.getBytes(StandardCharsets.UTF_8);

	/**
	 * One filing, ready to post.
	 *
	 * @param caseId the case id the browser chose (the idempotency key)
	 * @param body the JSON body for {@code POST /api/o/demo/cases}
	 */
	public record Filing(UUID caseId, String body) {
	}

	/**
	 * The demo adviser whose inbox the browser tests walk through: loads on the shared
	 * test system leave her out, so that her inbox stays short.
	 */
	public static final String BROWSER_TESTS_ADVISER = "Anna Adviseur";

	private final UUID organisationId;

	private final List<Recipient> advisers;

	private final List<UUID> excluded;

	private DemoFilings(UUID organisationId, List<Recipient> advisers, List<UUID> excluded) {
		this.organisationId = organisationId;
		this.advisers = advisers;
		this.excluded = excluded;
	}

	/** Filings for every enrolled demo adviser. */
	public static DemoFilings forPortal(String portalUrl) throws IOException, InterruptedException {
		return forPortal(portalUrl, null);
	}

	/**
	 * Reads the demo organisation's public page (its advisers' keys) from the portal; the
	 * adviser with the display name {@code excludedAdviser} (if any) is excluded, as a
	 * reporter may exclude an adviser.
	 */
	public static DemoFilings forPortal(String portalUrl, String excludedAdviser)
			throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(portalUrl + "/api/o/demo")).build(),
					HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("/api/o/demo answered " + response.statusCode() + ": " + response.body());
		}
		JsonNode organisation = JSON.readTree(response.body());
		List<Recipient> advisers = new ArrayList<>();
		List<UUID> excluded = new ArrayList<>();
		for (JsonNode adviser : organisation.path("advisers")) {
			UUID id = UUID.fromString(adviser.path("id").asText());
			if (adviser.path("displayName").asText().equals(excludedAdviser)) {
				excluded.add(id);
			}
			else {
				advisers.add(new Recipient(id, publicKey(adviser.path("publicKey").asText())));
			}
		}
		return new DemoFilings(UUID.fromString(organisation.path("organisationId").asText()), advisers, excluded);
	}

	/** How many key envelopes each filing carries: every adviser and the reporter. */
	public int envelopesPerFiling() {
		return this.advisers.size() + 1;
	}

	public Filing next() {
		UUID caseId = UUID.randomUUID();
		UUID itemId = UUID.randomUUID();
		ReporterToken token = ReporterToken.generate();
		CaseKey caseKey = CaseKey.generate();
		StringBuilder json = new StringBuilder(4096);
		json.append("{\"caseId\":\"").append(caseId).append("\",\"route\":\"ADVISERS\",\"excludedAdviserIds\":[");
		json.append(String.join(",", this.excluded.stream().map((id) -> "\"" + id + "\"").toList())).append(']');
		json.append(",\"mailboxCredential\":\"")
			.append(B64.encodeToString(token.mailboxCredential().toBytes()))
			.append('"');
		json.append(",\"reporterPublicKey\":\"")
			.append(B64.encodeToString(token.reporterKey().publicKey().toBytes()))
			.append('"');
		byte[] sealed = caseKey.seal(REPORT, new ItemBinding(this.organisationId, caseId, itemId, ItemKind.REPORT))
			.toBytes();
		json.append(",\"report\":{\"itemId\":\"")
			.append(itemId)
			.append("\",\"ciphertext\":\"")
			.append(B64.encodeToString(sealed))
			.append("\"}");
		json.append(",\"keyEnvelopes\":[");
		for (Recipient adviser : this.advisers) {
			byte[] envelope = adviser.key
				.seal(caseKey, EnvelopeBinding.forRecipient(this.organisationId, caseId, adviser.id))
				.toBytes();
			json.append("{\"recipientKind\":\"ADVISER\",\"recipientId\":\"")
				.append(adviser.id)
				.append("\",\"envelope\":\"")
				.append(B64.encodeToString(envelope))
				.append("\"},");
		}
		byte[] own = token.reporterKey()
			.publicKey()
			.seal(caseKey, EnvelopeBinding.forReporter(this.organisationId, caseId))
			.toBytes();
		json.append("{\"recipientKind\":\"REPORTER\",\"recipientId\":\"reporter\",\"envelope\":\"")
			.append(B64.encodeToString(own))
			.append("\"}],\"language\":\"nl\"}");
		return new Filing(caseId, json.toString());
	}

	private static RecipientPublicKey publicKey(String base64url) {
		try {
			return RecipientPublicKey.fromBytes(Base64.getUrlDecoder().decode(base64url));
		}
		catch (CryptoException ex) {
			throw new IllegalStateException("the portal served an invalid adviser key", ex);
		}
	}

	private record Recipient(UUID id, RecipientPublicKey key) {
	}

}

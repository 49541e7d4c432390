package nl.meldpunt.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import nl.meldpunt.crypto.testing.HeadlessChromium;

/**
 * The browser twin in real headless Chromium, served from the jar's resource path: RFC
 * 9180 vectors, Java-sealed values opened by the browser, and a case sealed by the
 * browser (with a multi-chunk attachment) opened here by Java.
 */
class BrowserCrossIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void browserWhenVectorsAndCrossValuesThenBothDirectionsOpen() throws Exception {
		assumeTrue(HeadlessChromium.available(),
				"Skipped: no Chromium at " + HeadlessChromium.CHROMIUM + " (install Debian's chromium to run it)");
		RecipientPrivateKey adviser = RecipientPrivateKey.generate();
		UUID organisation = UUID.randomUUID();
		UUID caseId = UUID.randomUUID();
		UUID adviserId = UUID.randomUUID();
		UUID itemId = UUID.randomUUID();
		UUID attachmentId = UUID.randomUUID();
		int attachmentBytes = 2 * 1024 * 1024 + 4321;
		String text = "Ik werd uitgescholden vanwege mijn afkomst. \u00c9\u00e9n collega zag het.";
		Map<String, Object> fixture = Map.of("organisationId", organisation.toString(), "caseId", caseId.toString(),
				"adviserId", adviserId.toString(), "itemId", itemId.toString(), "attachmentId", attachmentId.toString(),
				"attachmentBytes", attachmentBytes, "text", text, "adviserPublicKey",
				b64(adviser.publicKey().toBytes()));

		JsonNode result;
		try (BrowserPages chromium = new BrowserPages(Map.of("/fixture.json", JSON.writeValueAsBytes(fixture)))) {
			result = JSON.readTree(chromium.run("/browser/cross.html", 120));
		}

		assertThat(result.get("failures")).as(result.toPrettyString()).isEmpty();
		assertThat(result.get("checks").toString()).contains("rfc9180", "java-sealed", "token-vectors",
				"seal-for-java");
		JsonNode sealed = result.get("sealed");
		CaseKey byAdviser = adviser.open(KeyEnvelope.parse(unb64(sealed, "adviserEnvelope")),
				EnvelopeBinding.forRecipient(organisation, caseId, adviserId));
		RecipientPrivateKey reporter = ReporterToken.parse(sealed.get("token").asText()).reporterKey();
		CaseKey byReporter = reporter.open(KeyEnvelope.parse(unb64(sealed, "reporterEnvelope")),
				EnvelopeBinding.forReporter(organisation, caseId));
		ItemBinding report = new ItemBinding(organisation, caseId, itemId, ItemKind.REPORT);
		AttachmentBinding attachment = new AttachmentBinding(organisation, caseId, attachmentId);
		List<SealedItem> chunks = new ArrayList<>();
		for (JsonNode chunk : sealed.get("chunks")) {
			chunks.add(SealedItem.parse(Base64.getUrlDecoder().decode(chunk.asText())));
		}
		assertThat(chunks).hasSize(3);
		for (CaseKey key : List.of(byAdviser, byReporter)) {
			assertThat(new String(key.open(SealedItem.parse(unb64(sealed, "report")), report), StandardCharsets.UTF_8))
				.isEqualTo(text);
			byte[] content = key.openAttachment(chunks, attachment);
			assertThat(content).hasSize(attachmentBytes);
			assertThat(content[attachmentBytes - 1]).isEqualTo((byte) ((attachmentBytes - 1) * 31));
			assertThat(new String(key.open(SealedItem.parse(unb64(sealed, "meta")), attachment.meta()),
					StandardCharsets.UTF_8))
				.contains("\"name\":\"scan.pdf\"");
		}
		assertThat(sealed.get("fingerprint").asText()).isEqualTo(adviser.publicKey().fingerprint());
	}

	@Test
	void browserWhenKeyBookVectorsAndBookBuiltThereThenSameVerdictsBothWays() throws Exception {
		assumeTrue(HeadlessChromium.available(),
				"Skipped: no Chromium at " + HeadlessChromium.CHROMIUM + " (install Debian's chromium to run it)");
		UUID organisation = UUID.randomUUID();
		UUID anna = UUID.fromString("a0000000-0000-4000-8000-000000000001");
		UUID bram = UUID.fromString("b0000000-0000-4000-8000-000000000002");
		String passphrase = "Sleutelboek in Chromium \u00e9\u00e9n";
		Map<String, Object> fixture = Map.of("organisationId", organisation.toString(), "annaId", anna.toString(),
				"bramId", bram.toString(), "passphrase", passphrase);

		JsonNode result;
		try (BrowserPages chromium = new BrowserPages(Map.of("/fixture.json", JSON.writeValueAsBytes(fixture)))) {
			result = JSON.readTree(chromium.run("/browser/keybook.html", 120));
		}

		assertThat(result.get("failures")).as(result.toPrettyString()).isEmpty();
		assertThat(result.get("checks").toString()).contains("book", "hotline", "draft", "refusals:", "safety-codes",
				"epochs", "build-for-java");
		JsonNode built = result.get("built");
		List<byte[]> entries = new ArrayList<>();
		built.get("entries").forEach((entry) -> entries.add(Base64.getUrlDecoder().decode(entry.asText())));
		KeyBook book = KeyBook.verify(organisation, entries);
		assertThat(book.members()).extracting(KeyBookMember::recipientId).containsExactly(anna, bram);
		assertThat(book.threshold()).isEqualTo(1);
		assertThat(book.safetyCode().printable()).isEqualTo(built.get("safetyCode").asText());
		assertThat(book.members()).extracting(KeyBookMember::fingerprint)
			.containsExactly(built.get("fingerprints").get(0).asText(), built.get("fingerprints").get(1).asText());
		KeyBookUnitTest.refused(KeyBookRefusal.WRONG_BOOK, () -> KeyBook.verify(UUID.randomUUID(), entries));
		WrappedPrivateKey companion = WrappedPrivateKey.parse(unb64(built, "wrappedKey"));
		SigningKey signing = WrappedSigningKey.parse(unb64(built, "wrappedSigningKey")).unwrap(companion, passphrase);
		assertThat(signing.publicKey()).isEqualTo(book.member(anna).orElseThrow().keys().signingKey());
	}

	private static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] unb64(JsonNode node, String field) {
		return Base64.getUrlDecoder().decode(node.get(field).asText());
	}

}

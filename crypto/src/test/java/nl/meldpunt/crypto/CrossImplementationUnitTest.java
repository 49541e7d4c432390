package nl.meldpunt.crypto;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.meldpunt.crypto.internal.Vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Opens what the JS implementation sealed ({@code vectors/cross/js-sealed.json}), and
 * what Java sealed earlier ({@code java-sealed.json}, also opened by the JS tests).
 */
class CrossImplementationUnitTest {

	@ParameterizedTest
	@ValueSource(strings = { "js", "java" })
	void openWhenReporterTokenThenEveryItemOpens(String producer) throws Exception {
		JsonNode v = Vectors.read("cross/" + producer + "-sealed.json");
		assertThat(v.get("producer").asText()).isEqualTo(producer);
		ReporterToken token = ReporterToken.parse(v.get("token").asText());
		assertThat(token.mailboxCredential().toBytes()).isEqualTo(b64(v, "credential"));
		RecipientPrivateKey reporter = token.reporterKey();
		assertThat(reporter.publicKey().toBytes()).isEqualTo(b64(v, "reporterPublicKey"));

		CaseKey caseKey = reporter.open(KeyEnvelope.parse(b64(v.get("envelopes"), "reporter")),
				EnvelopeBinding.forReporter(uuid(v, "organisationId"), uuid(v, "caseId")));

		openAll(v, caseKey);
	}

	@ParameterizedTest
	@ValueSource(strings = { "js", "java" })
	void openWhenAdviserUnwrapsWithPassphraseThenEveryItemOpens(String producer) throws Exception {
		JsonNode v = Vectors.read("cross/" + producer + "-sealed.json");
		JsonNode adviser = v.get("adviser");
		String typed = Normalizer.normalize(adviser.get("passphrase").asText(), Normalizer.Form.NFD);
		WrappedPrivateKey wrapped = WrappedPrivateKey.parse(b64(adviser, "wrappedKey"));
		assertThat(wrapped.loginSecret(typed).toBytes()).isEqualTo(b64(adviser, "loginSecret"));
		assertThat(LoginSecret.derive(wrapped.kdfHeader(), typed).toBytes()).isEqualTo(b64(adviser, "loginSecret"));
		RecipientPrivateKey key = wrapped.unwrap(typed);
		assertThat(key.publicKey().toBytes()).isEqualTo(b64(adviser, "publicKey"));
		assertThat(key.publicKey().fingerprint()).isEqualTo(adviser.get("fingerprint").asText());

		CaseKey caseKey = key.open(KeyEnvelope.parse(b64(v.get("envelopes"), "adviser")),
				new EnvelopeBinding(uuid(v, "organisationId"), uuid(v, "caseId"), v.get("adviserId").asText()));

		openAll(v, caseKey);
	}

	@ParameterizedTest
	@ValueSource(strings = { "js", "java" })
	void openWhenReporterOpensAdviserEnvelopeThenFails(String producer) throws Exception {
		JsonNode v = Vectors.read("cross/" + producer + "-sealed.json");
		RecipientPrivateKey reporter = ReporterToken.parse(v.get("token").asText()).reporterKey();
		KeyEnvelope envelope = KeyEnvelope.parse(b64(v.get("envelopes"), "adviser"));
		EnvelopeBinding binding = new EnvelopeBinding(uuid(v, "organisationId"), uuid(v, "caseId"),
				v.get("adviserId").asText());

		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> reporter.open(envelope, binding));
	}

	private static void openAll(JsonNode v, CaseKey caseKey) throws CryptoException {
		UUID organisation = uuid(v, "organisationId");
		UUID caseId = uuid(v, "caseId");
		int opened = 0;
		for (JsonNode item : v.get("items")) {
			ItemBinding binding = new ItemBinding(organisation, caseId, uuid(item, "itemId"),
					ItemKind.valueOf(item.get("kind").asText()));
			byte[] plaintext = caseKey.open(SealedItem.parse(b64(item, "ciphertext")), binding);
			assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(item.get("plaintext").asText());
			opened++;
		}
		assertThat(opened).isGreaterThanOrEqualTo(2);
		JsonNode attachment = v.get("attachment");
		AttachmentBinding binding = new AttachmentBinding(organisation, caseId, uuid(attachment, "attachmentId"));
		List<SealedItem> chunks = new ArrayList<>();
		for (JsonNode chunk : attachment.get("chunks")) {
			chunks.add(SealedItem.parse(Base64.getUrlDecoder().decode(chunk.asText())));
		}
		assertThat(caseKey.openAttachment(chunks, binding)).isEqualTo(b64(attachment, "content"));
		byte[] meta = caseKey.open(SealedItem.parse(b64(attachment, "meta")), binding.meta());
		assertThat(new String(meta, StandardCharsets.UTF_8)).isEqualTo(attachment.get("metaJson").asText());

		JsonNode two = v.get("twoChunkAttachment");
		List<SealedItem> twoChunks = new ArrayList<>();
		for (JsonNode chunk : two.get("chunks")) {
			twoChunks.add(SealedItem.parse(Base64.getUrlDecoder().decode(chunk.asText())));
		}
		AttachmentBinding twoBinding = new AttachmentBinding(organisation, caseId, uuid(two, "attachmentId"));
		byte[] content = caseKey.openAttachment(twoChunks, twoBinding);
		assertThat(twoChunks).hasSize(2);
		assertThat(content).hasSize(two.get("length").asInt());
		assertThat(GenerateCrossVectors.sha256(content)).isEqualTo(two.get("sha256").asText());
		for (int i = 0; i < content.length; i++) {
			assertThat(content[i]).as("byte %d", i).isEqualTo((byte) (i * 13));
		}
		assertThatExceptionOfType(CryptoException.class)
			.isThrownBy(() -> caseKey.openAttachment(List.of(twoChunks.get(1), twoChunks.get(0)), twoBinding));
	}

	private static byte[] b64(JsonNode node, String field) {
		return Base64.getUrlDecoder().decode(node.get(field).asText());
	}

	private static UUID uuid(JsonNode node, String field) {
		return UUID.fromString(node.get(field).asText());
	}

}

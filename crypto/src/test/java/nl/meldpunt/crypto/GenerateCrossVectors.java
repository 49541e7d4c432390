package nl.meldpunt.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes {@code vectors/cross/java-sealed.json} and {@code vectors/token-vectors.json}:
 * values sealed by Java for the JS tests to open. Not a test; run by hand when the format
 * changes (see crypto/README.md), then commit the files.
 */
public final class GenerateCrossVectors {

	static final String PASSPHRASE = "Geheim wachtwoord \u00e9\u00e9n twee";

	private static final ObjectMapper JSON = new ObjectMapper();

	private GenerateCrossVectors() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/vectors");
		Files.createDirectories(dir.resolve("cross"));
		JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("cross/java-sealed.json").toFile(), sealed());
		JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("token-vectors.json").toFile(), tokens());
	}

	static ObjectNode sealed() throws CryptoException {
		UUID organisation = UUID.randomUUID();
		UUID caseId = UUID.randomUUID();
		UUID adviserId = UUID.randomUUID();
		ObjectNode root = JSON.createObjectNode();
		root.put("producer", "java");
		root.put("organisationId", organisation.toString());
		root.put("caseId", caseId.toString());
		root.put("adviserId", adviserId.toString());
		ReporterToken token = ReporterToken.generate();
		root.put("token", token.printable());
		root.put("credential", b64(token.mailboxCredential().toBytes()));
		root.put("reporterPublicKey", b64(token.reporterKey().publicKey().toBytes()));
		RecipientPrivateKey adviser = RecipientPrivateKey.generate();
		Enrolment enrolment = adviser.wrap(PASSPHRASE);
		ObjectNode adviserNode = root.putObject("adviser");
		adviserNode.put("passphrase", PASSPHRASE);
		adviserNode.put("wrappedKey", b64(enrolment.wrappedKey().toBytes()));
		adviserNode.put("loginSecret", b64(enrolment.loginSecret().toBytes()));
		adviserNode.put("publicKey", b64(adviser.publicKey().toBytes()));
		adviserNode.put("fingerprint", adviser.publicKey().fingerprint());
		CaseKey caseKey = CaseKey.generate();
		ObjectNode envelopes = root.putObject("envelopes");
		envelopes.put("reporter",
				b64(token.reporterKey()
					.publicKey()
					.seal(caseKey, EnvelopeBinding.forReporter(organisation, caseId))
					.toBytes()));
		envelopes.put("adviser",
				b64(adviser.publicKey()
					.seal(caseKey, EnvelopeBinding.forRecipient(organisation, caseId, adviserId))
					.toBytes()));
		ArrayNode items = root.putArray("items");
		item(items, caseKey, new ItemBinding(organisation, caseId, UUID.randomUUID(), ItemKind.REPORT),
				"Mijn leidinggevende maakte racistische opmerkingen. \u00c9\u00e9n keer per week.");
		item(items, caseKey, new ItemBinding(organisation, caseId, UUID.randomUUID(), ItemKind.MESSAGE), "");
		AttachmentBinding attachment = new AttachmentBinding(organisation, caseId, UUID.randomUUID());
		byte[] content = new byte[3000];
		for (int i = 0; i < content.length; i++) {
			content[i] = (byte) (i * 7);
		}
		ObjectNode attachmentNode = root.putObject("attachment");
		attachmentNode.put("attachmentId", attachment.attachmentId().toString());
		attachmentNode.put("content", b64(content));
		ArrayNode chunks = attachmentNode.putArray("chunks");
		for (SealedItem chunk : caseKey.sealAttachment(content, attachment)) {
			chunks.add(b64(chunk.toBytes()));
		}
		String meta = "{\"name\":\"verslag.pdf\",\"type\":\"application/pdf\",\"size\":3000}";
		attachmentNode.put("metaJson", meta);
		attachmentNode.put("meta",
				b64(caseKey.seal(meta.getBytes(StandardCharsets.UTF_8), attachment.meta()).toBytes()));
		twoChunkAttachment(root.putObject("twoChunkAttachment"), caseKey, organisation, caseId);
		return root;
	}

	/**
	 * A full first chunk and a short last one: covers index > 0 and a non-last flag. The
	 * content is {@code (i * 13) & 0xFF}; only its length and SHA-256 are stored.
	 */
	private static void twoChunkAttachment(ObjectNode node, CaseKey caseKey, UUID organisation, UUID caseId)
			throws CryptoException {
		AttachmentBinding binding = new AttachmentBinding(organisation, caseId, UUID.randomUUID());
		byte[] content = new byte[1024 * 1024 + 100];
		for (int i = 0; i < content.length; i++) {
			content[i] = (byte) (i * 13);
		}
		node.put("attachmentId", binding.attachmentId().toString());
		node.put("length", content.length);
		node.put("sha256", sha256(content));
		ArrayNode chunks = node.putArray("chunks");
		for (SealedItem chunk : caseKey.sealAttachment(content, binding)) {
			chunks.add(b64(chunk.toBytes()));
		}
	}

	static String sha256(byte[] bytes) throws CryptoException {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new CryptoException("no SHA-256");
		}
	}

	private static void item(ArrayNode items, CaseKey caseKey, ItemBinding binding, String text) {
		ObjectNode node = items.addObject();
		node.put("itemId", binding.itemId().toString());
		node.put("kind", binding.kind().name());
		node.put("plaintext", text);
		node.put("ciphertext", b64(caseKey.seal(text.getBytes(StandardCharsets.UTF_8), binding).toBytes()));
	}

	static ObjectNode tokens() {
		ObjectNode root = JSON.createObjectNode();
		ArrayNode derivations = root.putArray("derivations");
		for (String entropy : List.of("00000000000000000000000000000000", "000102030405060708090a0b0c0d0e0f",
				"ffffffffffffffffffffffffffffffff", "8f3c2a1b9d7e6f5a4b3c2d1e0f9a8b7c")) {
			ReporterToken token = ReporterToken.ofEntropy(HexFormat.of().parseHex(entropy));
			ObjectNode node = derivations.addObject();
			node.put("entropy", entropy);
			node.put("token", token.printable());
			node.put("credential", HexFormat.of().formatHex(token.mailboxCredential().toBytes()));
			node.put("storageHash", token.mailboxCredential().storageHash());
			node.put("reporterPublicKey", HexFormat.of().formatHex(token.reporterKey().publicKey().toBytes()));
		}
		return root;
	}

	static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}

package nl.meldpunt.crypto;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.meldpunt.crypto.internal.Vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Checks what the JS implementation built ({@code vectors/keybook/js-books.json}) and
 * what Java built ({@code java-books.json}, also checked by the JS tests): the same
 * state, the same refusal reasons, the same signature for the same draft, the wrapped
 * signing key, and the epoch and staff envelopes.
 */
class KeyBookCrossUnitTest {

	@ParameterizedTest
	@ValueSource(strings = { "js", "java" })
	void verifyWhenOtherImplementationBuiltTheBookThenSameState(String producer) throws Exception {
		JsonNode v = Vectors.read("keybook/" + producer + "-books.json");
		assertThat(v.get("producer").asText()).isEqualTo(producer);
		UUID organisation = uuid(v, "organisationId");
		KeyBook book = KeyBook.verify(organisation, entries(v.get("book")));
		JsonNode e = v.get("expected");

		assertThat(book.length()).isEqualTo(e.get("length").asLong());
		assertThat(book.head().sequence()).isEqualTo(e.get("headSequence").asLong());
		assertThat(hex(book.head().hash())).isEqualTo(e.get("headHash").asText());
		assertThat(hex(book.headAt(1).orElseThrow().hash())).isEqualTo(e.get("headAtOneHash").asText());
		assertThat(book.safetyCode().printable()).isEqualTo(e.get("safetyCode").asText());
		assertThat(book.threshold()).isEqualTo(e.get("threshold").asInt());
		assertThat(book.members()).extracting((m) -> m.recipientId().toString())
			.containsExactlyElementsOf(texts(e.get("members")));
		for (KeyBookMember member : book.members()) {
			JsonNode person = person(v, member.recipientId());
			assertThat(member.fingerprint()).isEqualTo(person.get("fingerprint").asText());
			assertThat(member.displayName()).isEqualTo(person.get("name").asText());
			assertThat(member.keys().signingKey().fingerprint()).isEqualTo(person.get("signingFingerprint").asText());
		}
		assertThat(book.requireContains(SafetyCode.parse(e.get("firstSafetyCode").asText())).sequence()).isZero();
		KeyBook hotline = KeyBook.verifyHotline(organisation, uuid(v, "hotlineId"), entries(v.get("hotlineBook")));
		assertThat(hex(hotline.head().hash())).isEqualTo(e.get("hotlineHeadHash").asText());
		assertThat(book.hotlineMembers(hotline)).extracting((m) -> m.recipientId().toString())
			.containsExactlyElementsOf(texts(e.get("hotlineMembers")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "js", "java" })
	void approveWhenSameDraftAndUnwrappedKeyThenSameSignature(String producer) throws Exception {
		JsonNode v = Vectors.read("keybook/" + producer + "-books.json");
		KeyBook book = KeyBook.verify(uuid(v, "organisationId"), entries(v.get("book")));
		JsonNode d = v.get("draft");
		KeyBookDraft draft = KeyBookDraft.parse(b64(d, "bytes"));
		UUID signer = uuid(d, "signerId");
		assertThat(((KeyBookChange.RecipientAdded) draft.change()).member().recipientId())
			.isEqualTo(uuid(d, "memberId"));
		book.checkApproval(draft, KeyBookApproval.of(signer, b64(d, "signature")));

		JsonNode w = v.get("wrapped");
		WrappedPrivateKey companion = WrappedPrivateKey.parse(b64(w, "wrappedKey"));
		String typed = Normalizer.normalize(w.get("passphrase").asText(), Normalizer.Form.NFD);
		// one slow derivation opens both keys (the public paths are in
		// SigningKeyUnitTest)
		byte[] master = companion.header().stretch(KdfHeader.forOpening(typed));
		SigningKey signing = WrappedSigningKey.parse(b64(w, "wrappedSigningKey")).unwrap(companion, master);
		assertThat(signing.publicKey().toBytes()).isEqualTo(b64(w, "signingPublicKey"));
		// Ed25519 is deterministic: the same draft gives the same signature on both sides
		assertThat(book.approve(draft, signer, signing).signature()).isEqualTo(b64(d, "signature"));

		JsonNode x = v.get("epochs");
		RecipientPrivateKey key = companion.unwrap(master);
		UUID organisation = uuid(v, "organisationId");
		UUID caseId = uuid(x, "caseId");
		UUID recipient = uuid(x, "recipientId");
		CaseKey epoch1 = key.open(KeyEnvelope.parse(b64(x, "caseEnvelope")),
				EnvelopeBinding.forRecipient(organisation, caseId, recipient, 1));
		assertThat(new String(
				epoch1.open(SealedItem.parse(b64(x, "messageCiphertext")),
						new ItemBinding(organisation, caseId, uuid(x, "messageId"), ItemKind.MESSAGE)),
				StandardCharsets.UTF_8))
			.isEqualTo(x.get("message").asText());
		CaseKey staff = key.open(KeyEnvelope.parse(b64(x, "staffEnvelope")),
				EnvelopeBinding.forStaff(organisation, caseId, recipient, 0));
		assertThat(new String(
				staff.open(SealedItem.parse(b64(x, "noteCiphertext")),
						new ItemBinding(organisation, caseId, uuid(x, "noteId"), ItemKind.NOTE)),
				StandardCharsets.UTF_8))
			.isEqualTo(x.get("note").asText());
		assertThatExceptionOfType(CryptoException.class)
			.isThrownBy(() -> key.open(KeyEnvelope.parse(b64(x, "staffEnvelope")),
					EnvelopeBinding.forRecipient(organisation, caseId, recipient)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "js", "java" })
	void verifyWhenRefusalVectorsThenSameReasonAsTheOtherImplementation(String producer) {
		JsonNode v = Vectors.read("keybook/" + producer + "-books.json");
		UUID organisation = uuid(v, "organisationId");
		int checked = 0;
		for (JsonNode r : v.get("refusals")) {
			KeyBookRefusal reason = KeyBookRefusal.valueOf(r.get("reason").asText());
			List<byte[]> entries = entries(r.get("entries"));
			UUID expectedOrganisation = r.has("organisationId") ? uuid(r, "organisationId") : organisation;
			KeyBookUnitTest.ThrowingCall call = switch (r.get("kind").asText()) {
				case "verify" -> () -> KeyBook.verify(expectedOrganisation, entries);
				case "hotline" -> () -> KeyBook.verify(organisation, entries)
					.hotlineMembers(KeyBook.verifyHotline(organisation, uuid(v, "hotlineId"),
							entries(r.get("hotlineEntries"))));
				case "extends" -> () -> KeyBook.verify(organisation, entries)
					.requireExtends(KeyBookHead.of(r.get("headSequence").asLong(),
							HexFormat.of().parseHex(r.get("headHash").asText())));
				case "safetyCode" -> () -> KeyBook.verify(organisation, entries)
					.requireContains(SafetyCode.parse(r.get("code").asText()));
				default -> throw new AssertionError("unknown kind " + r.get("kind"));
			};
			assertThat(KeyBookUnitTest.refusalOf(call).refusal()).as(r.get("name").asText()).contains(reason);
			checked++;
		}
		assertThat(checked).isGreaterThanOrEqualTo(producer.equals("java") ? 20 : 9);
		if (v.has("safetyCodes")) {
			for (JsonNode c : v.get("safetyCodes")) {
				SafetyCode code = KeyBookHead.of(0, HexFormat.of().parseHex(c.get("hash").asText())).safetyCode();
				assertThat(code.printable()).isEqualTo(c.get("printable").asText());
				assertThat(code.urlForm()).isEqualTo(c.get("url").asText());
			}
		}
	}

	@org.junit.jupiter.api.Test
	void refusalsWhenListedInTheBrowserModuleThenTheSameNamesAsJava() throws Exception {
		String module;
		try (var in = getClass().getClassLoader()
			.getResourceAsStream("META-INF/resources/meldpunt-crypto/v1/meldpunt-crypto.js")) {
			module = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		int start = module.indexOf("KEY_BOOK_REFUSALS = Object.freeze([");
		String list = module.substring(start, module.indexOf("]", start)).replaceAll("\\s", "");
		List<String> names = new ArrayList<>();
		for (KeyBookRefusal refusal : KeyBookRefusal.values()) {
			names.add("\"" + refusal.name() + "\"");
		}
		assertThat(list.substring(list.indexOf('[') + 1)).isEqualTo(String.join(",", names));
	}

	private static JsonNode person(JsonNode v, UUID id) {
		for (JsonNode person : v.get("people")) {
			if (person.get("id").asText().equals(id.toString())) {
				return person;
			}
		}
		throw new AssertionError("no person " + id);
	}

	private static List<byte[]> entries(JsonNode array) {
		List<byte[]> out = new ArrayList<>();
		array.forEach((node) -> out.add(Base64.getUrlDecoder().decode(node.asText())));
		return out;
	}

	private static List<String> texts(JsonNode array) {
		List<String> out = new ArrayList<>();
		array.forEach((node) -> out.add(node.asText()));
		return out;
	}

	private static byte[] b64(JsonNode node, String field) {
		return Base64.getUrlDecoder().decode(node.get(field).asText());
	}

	private static UUID uuid(JsonNode node, String field) {
		return UUID.fromString(node.get(field).asText());
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

}

package nl.meldpunt.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.meldpunt.crypto.TestKeyBooks.Builder;
import nl.meldpunt.crypto.TestKeyBooks.Person;

/**
 * Writes {@code vectors/keybook/java-books.json}: key books, wrapped signing keys, a
 * draft with an approval, refusal cases with the reason both implementations must give,
 * and values sealed under an epoch-1 case key and a staff key. Not a test; run by hand
 * when the format changes (see crypto/README.md), then commit the file.
 */
public final class GenerateKeyBookVectors {

	static final String PASSPHRASE = "Geheim wachtwoord \u00e9\u00e9n twee";

	private static final ObjectMapper JSON = new ObjectMapper();

	private GenerateKeyBookVectors() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/vectors");
		Files.createDirectories(dir.resolve("keybook"));
		JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("keybook/java-books.json").toFile(), vectors());
	}

	static ObjectNode vectors() throws CryptoException {
		Map<String, Person> people = new LinkedHashMap<>();
		people.put("anna", TestKeyBooks.anna());
		people.put("bram", TestKeyBooks.bram());
		people.put("carla", TestKeyBooks.carla());
		people.put("dirk", TestKeyBooks.dirk());
		people.put("hanna", Person.of("e0000000-0000-4000-8000-000000000005", "Hanna Hotline"));
		people.put("ivo", Person.of("f0000000-0000-4000-8000-000000000006", "Ivo Hotline"));
		Person anna = people.get("anna");
		Person bram = people.get("bram");
		Person carla = people.get("carla");
		Person dirk = people.get("dirk");
		UUID organisation = TestKeyBooks.ORGANISATION;

		ObjectNode root = JSON.createObjectNode();
		root.put("producer", "java");
		root.put("organisationId", organisation.toString());
		root.put("hotlineId", TestKeyBooks.HOTLINE.toString());
		ObjectNode peopleNode = root.putObject("people");
		people.forEach((name, person) -> {
			ObjectNode node = peopleNode.putObject(name);
			node.put("id", person.id().toString());
			node.put("name", person.name());
			node.put("publicKey", b64(person.key().publicKey().toBytes()));
			node.put("signingPublicKey", b64(person.signing().publicKey().toBytes()));
			node.put("fingerprint", person.keys().fingerprint());
			node.put("signingFingerprint", person.signing().publicKey().fingerprint());
		});

		Enrolment enrolment = anna.key().wrap(PASSPHRASE);
		ObjectNode wrapped = root.putObject("wrapped");
		wrapped.put("passphrase", PASSPHRASE);
		wrapped.put("wrappedKey", b64(enrolment.wrappedKey().toBytes()));
		wrapped.put("wrappedSigningKey", b64(anna.signing().wrap(enrolment.wrappedKey(), PASSPHRASE).toBytes()));
		wrapped.put("publicKey", b64(anna.key().publicKey().toBytes()));
		wrapped.put("signingPublicKey", b64(anna.signing().publicKey().toBytes()));

		Builder hotline = Builder.hotline(people.get("hanna"))
			.then(new KeyBookChange.RecipientAdded(people.get("ivo").handler(TestKeyBooks.HOTLINE)),
					people.get("hanna"));
		Builder book = Builder.organisation(anna)
			.then(new KeyBookChange.RecipientAdded(bram.adviser()), anna)
			.then(new KeyBookChange.RecipientAdded(carla.adviser()), anna, bram)
			.then(new KeyBookChange.HotlinePinned(TestKeyBooks.HOTLINE, hotline.book.headAt(0).orElseThrow()), anna,
					carla)
			.then(new KeyBookChange.RecipientRemoved(carla.id()), bram, carla)
			.then(new KeyBookChange.ThresholdChanged(2), anna, bram);
		entries(root.putArray("book"), book.entries);
		entries(root.putArray("hotlineBook"), hotline.entries);

		ObjectNode expected = root.putObject("expected");
		expected.put("length", book.book.length());
		expected.put("headSequence", book.book.head().sequence());
		expected.put("headHash", hex(book.book.head().hash()));
		expected.put("headAtOneHash", hex(book.book.headAt(1).orElseThrow().hash()));
		expected.put("safetyCode", book.book.safetyCode().printable());
		expected.put("firstSafetyCode", book.book.headAt(0).orElseThrow().safetyCode().urlForm());
		expected.put("threshold", book.book.threshold());
		ArrayNode members = expected.putArray("members");
		book.book.members().forEach((m) -> members.add(m.recipientId().toString()));
		ArrayNode hotlineMembers = expected.putArray("hotlineMembers");
		book.book.hotlineMembers(hotline.book).forEach((m) -> hotlineMembers.add(m.recipientId().toString()));
		expected.put("hotlineHeadHash", hex(hotline.book.head().hash()));

		KeyBookDraft draft = book.book.propose(new KeyBookChange.RecipientAdded(dirk.adviser()));
		ObjectNode draftNode = root.putObject("draft");
		draftNode.put("bytes", b64(draft.toBytes()));
		draftNode.put("signerId", anna.id().toString());
		draftNode.put("signature", b64(book.book.approve(draft, anna.id(), anna.signing()).signature()));
		draftNode.put("memberId", dirk.id().toString());

		refusals(root.putArray("refusals"), people, book, hotline);
		safetyCodes(root.putArray("safetyCodes"));
		epochs(root.putObject("epochs"), anna, organisation);
		return root;
	}

	private static void refusals(ArrayNode out, Map<String, Person> people, Builder book, Builder hotline)
			throws CryptoException {
		Person anna = people.get("anna");
		Person bram = people.get("bram");
		Person carla = people.get("carla");
		Person dirk = people.get("dirk");
		List<byte[]> all = book.copy();
		KeyBook afterTwo = KeyBook.verify(TestKeyBooks.ORGANISATION, all.subList(0, 2));
		KeyBook one = KeyBook.verify(TestKeyBooks.ORGANISATION, all.subList(0, 1));

		byte[] nameFlipped = all.get(2).clone();
		nameFlipped[KeyBookUnitTest.indexOf(nameFlipped, "Carla".getBytes(StandardCharsets.UTF_8))] ^= 0x01;
		refusal(out, "tampered body byte", KeyBookRefusal.BAD_SIGNATURE, replace(all, 2, nameFlipped));
		byte[] signatureFlipped = all.get(2).clone();
		signatureFlipped[signatureFlipped.length - 1] ^= 0x01;
		refusal(out, "flipped signature byte", KeyBookRefusal.BAD_SIGNATURE, replace(all, 2, signatureFlipped));
		List<byte[]> missing = book.copy();
		missing.remove(1);
		refusal(out, "missing entry", KeyBookRefusal.WRONG_SEQUENCE, missing);
		List<byte[]> reordered = book.copy();
		reordered.add(1, reordered.remove(2));
		refusal(out, "reordered entries", KeyBookRefusal.WRONG_SEQUENCE, reordered);
		byte[] alternative = KeyBookUnitTest.rawEntry(one, new KeyBookChange.RecipientAdded(dirk.adviser()), anna);
		refusal(out, "rewritten history", KeyBookRefusal.BROKEN_CHAIN, List.of(all.get(0), alternative, all.get(2)));
		KeyBook afterRemoval = KeyBook.verify(TestKeyBooks.ORGANISATION, all.subList(0, 5));
		refusal(out, "approval by a removed adviser", KeyBookRefusal.REMOVED_SIGNER, append(all.subList(0, 5),
				KeyBookUnitTest.rawEntry(afterRemoval, new KeyBookChange.ThresholdChanged(1), anna, carla)));
		refusal(out, "second approval by the same adviser", KeyBookRefusal.DUPLICATE_APPROVAL, append(all.subList(0, 2),
				KeyBookUnitTest.rawEntry(afterTwo, new KeyBookChange.RecipientAdded(dirk.adviser()), anna, anna)));
		refusal(out, "threshold not met", KeyBookRefusal.THRESHOLD_NOT_MET, append(all.subList(0, 2),
				KeyBookUnitTest.rawEntry(afterTwo, new KeyBookChange.RecipientAdded(dirk.adviser()), anna)));
		refusal(out, "approval by an outsider", KeyBookRefusal.NOT_A_SIGNER, append(all.subList(0, 2),
				KeyBookUnitTest.rawEntry(afterTwo, new KeyBookChange.RecipientAdded(dirk.adviser()), anna, dirk)));
		byte[] body = KeyBookCodec.encodeBody(TestKeyBooks.ORGANISATION, Optional.empty(), 2, afterTwo.head().hash(),
				new KeyBookChange.RecipientAdded(dirk.adviser()));
		byte[] forged = KeyBookCodec.encodeEntry(body,
				List.of(KeyBookApproval.of(anna.id(), anna.signing().sign(KeyBookCodec.approvalMessage(body))),
						KeyBookApproval.of(bram.id(), dirk.signing().sign(KeyBookCodec.approvalMessage(body)))));
		refusal(out, "forged signature", KeyBookRefusal.BAD_SIGNATURE, append(all.subList(0, 2), forged));
		Person lookAlike = new Person(UUID.fromString("99999999-0000-4000-8000-000000000009"), "ANNA ADVISEUR",
				RecipientPrivateKey.generate(), SigningKey.generate());
		refusal(out, "look-alike display name", KeyBookRefusal.DUPLICATE_RECIPIENT, append(all.subList(0, 1),
				KeyBookUnitTest.rawEntry(one, new KeyBookChange.RecipientAdded(lookAlike.adviser()), anna)));
		byte[] laterGenesisBody = KeyBookCodec.encodeBody(TestKeyBooks.ORGANISATION, Optional.empty(), 1,
				one.head().hash(), new KeyBookChange.Genesis(dirk.adviser()));
		refusal(out, "second genesis", KeyBookRefusal.BAD_GENESIS,
				append(all.subList(0, 1), KeyBookCodec.encodeEntry(laterGenesisBody, List.of(KeyBookApproval
					.of(dirk.id(), dirk.signing().sign(KeyBookCodec.approvalMessage(laterGenesisBody)))))));
		refusal(out, "first entry not a genesis", KeyBookRefusal.BAD_GENESIS, List.of(notGenesis(anna)));
		refusal(out, "trailing byte", KeyBookRefusal.MALFORMED,
				replace(all, 1, Arrays.copyOf(all.get(1), all.get(1).length + 1)));
		refusal(out, "empty book", KeyBookRefusal.EMPTY_BOOK, List.of());
		refusal(out, "hotline handler in the organisation's book", KeyBookRefusal.WRONG_ROLE,
				append(all.subList(0, 1), KeyBookUnitTest.rawEntry(one,
						new KeyBookChange.RecipientAdded(dirk.handler(TestKeyBooks.HOTLINE)), anna)));
		refusal(out, "removal of the last adviser", KeyBookRefusal.THRESHOLD_UNREACHABLE, append(all.subList(0, 1),
				KeyBookUnitTest.rawEntry(one, new KeyBookChange.RecipientRemoved(anna.id()), anna)));
		refusal(out, "removal of a non-member", KeyBookRefusal.UNKNOWN_RECIPIENT, append(all.subList(0, 1),
				KeyBookUnitTest.rawEntry(one, new KeyBookChange.RecipientRemoved(dirk.id()), anna)));
		ObjectNode wrongOrganisation = refusal(out, "wrong organisation", KeyBookRefusal.WRONG_BOOK, all);
		wrongOrganisation.put("organisationId", UUID.randomUUID().toString());

		ObjectNode notPinned = refusal(out, "hotline book not pinned", KeyBookRefusal.HOTLINE_NOT_PINNED, all);
		notPinned.put("kind", "hotline");
		entries(notPinned.putArray("hotlineEntries"), Builder.hotline(people.get("ivo")).entries);
		ObjectNode notExtended = refusal(out, "book does not extend an earlier head", KeyBookRefusal.NOT_EXTENDED, all);
		notExtended.put("kind", "extends");
		notExtended.put("headSequence", 1);
		notExtended.put("headHash",
				hex(KeyBook.verify(TestKeyBooks.ORGANISATION, List.of(all.get(0), alternative)).head().hash()));
		ObjectNode otherCode = refusal(out, "safety code of another book", KeyBookRefusal.NOT_EXTENDED, all);
		otherCode.put("kind", "safetyCode");
		otherCode.put("code", Builder.organisation(dirk).book.safetyCode().printable());
		String code = book.book.safetyCode().urlForm();
		ObjectNode typo = refusal(out, "safety code with a typo", KeyBookRefusal.SAFETY_CODE_TYPO, all);
		typo.put("kind", "safetyCode");
		typo.put("code", code.substring(0, 5) + (code.charAt(5) == 'X' ? 'Y' : 'X') + code.substring(6));
	}

	private static byte[] notGenesis(Person anna) throws CryptoException {
		byte[] body = KeyBookCodec.encodeBody(TestKeyBooks.ORGANISATION, Optional.empty(), 0, new byte[32],
				new KeyBookChange.RecipientAdded(anna.adviser()));
		return KeyBookCodec.encodeEntry(body,
				List.of(KeyBookApproval.of(anna.id(), anna.signing().sign(KeyBookCodec.approvalMessage(body)))));
	}

	private static void safetyCodes(ArrayNode out) {
		for (String hash : List.of("0000000000000000000000000000000000000000000000000000000000000000",
				"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
				"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")) {
			SafetyCode code = KeyBookHead.of(0, HexFormat.of().parseHex(hash)).safetyCode();
			ObjectNode node = out.addObject();
			node.put("hash", hash);
			node.put("printable", code.printable());
			node.put("url", code.urlForm());
		}
	}

	private static void epochs(ObjectNode out, Person anna, UUID organisation) {
		UUID caseId = UUID.randomUUID();
		out.put("caseId", caseId.toString());
		out.put("recipientId", anna.id().toString());
		CaseKey epoch1 = CaseKey.generate(KeyPurpose.CASE, 1);
		CaseKey staff = CaseKey.generate(KeyPurpose.STAFF, 0);
		out.put("caseEnvelope",
				b64(anna.key()
					.publicKey()
					.seal(epoch1, EnvelopeBinding.forRecipient(organisation, caseId, anna.id(), 1))
					.toBytes()));
		out.put("staffEnvelope",
				b64(anna.key()
					.publicKey()
					.seal(staff, EnvelopeBinding.forStaff(organisation, caseId, anna.id(), 0))
					.toBytes()));
		UUID messageId = UUID.randomUUID();
		UUID noteId = UUID.randomUUID();
		out.put("messageId", messageId.toString());
		out.put("noteId", noteId.toString());
		out.put("message", "Na de her-versleuteling geschreven.");
		out.put("note", "Interne notitie, nooit voor de melder.");
		out.put("messageCiphertext",
				b64(epoch1
					.seal(out.get("message").asText().getBytes(StandardCharsets.UTF_8),
							new ItemBinding(organisation, caseId, messageId, ItemKind.MESSAGE))
					.toBytes()));
		out.put("noteCiphertext",
				b64(staff
					.seal(out.get("note").asText().getBytes(StandardCharsets.UTF_8),
							new ItemBinding(organisation, caseId, noteId, ItemKind.NOTE))
					.toBytes()));
	}

	private static ObjectNode refusal(ArrayNode out, String name, KeyBookRefusal reason, List<byte[]> entries) {
		ObjectNode node = out.addObject();
		node.put("name", name);
		node.put("reason", reason.name());
		node.put("kind", "verify");
		entries(node.putArray("entries"), entries);
		return node;
	}

	private static List<byte[]> replace(List<byte[]> entries, int index, byte[] entry) {
		List<byte[]> out = new ArrayList<>(entries);
		out.set(index, entry);
		return out;
	}

	private static List<byte[]> append(List<byte[]> entries, byte[] entry) {
		List<byte[]> out = new ArrayList<>(entries);
		out.add(entry);
		return out;
	}

	private static void entries(ArrayNode out, List<byte[]> entries) {
		entries.forEach((entry) -> out.add(b64(entry)));
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	static String b64(byte[] bytes) {
		return GenerateCrossVectors.b64(bytes);
	}

}

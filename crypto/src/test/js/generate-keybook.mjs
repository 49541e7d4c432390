// Writes vectors/keybook/js-books.json: key books, wrapped keys, a draft with an approval,
// refusal cases and epoch/staff values made by meldpunt-crypto.js for the Java tests to
// check. Not a test; run by hand (node src/test/js/generate-keybook.mjs) when the format
// changes, then commit the file.
import { writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { MODULE, toB64, utf8, vectorsPath } from "./support.mjs";
import { makeBook } from "./keybook-support.mjs";

const m = await import(MODULE);
const passphrase = "Geheim wachtwoord \u00e9\u00e9n twee";
const hex = (b) => Buffer.from(b).toString("hex");
const { organisationId, hotlineId, people, book, entries, hotlineEntries, hotlineBook } = await makeBook(m);
const { anna, dirk } = people;

const { wrapped } = await m.wrapPrivateKey(anna.keyPair, passphrase);
const wrappedSigningKey = await m.wrapSigningKey(anna.signingKeyPair, wrapped, passphrase);
const draft = await book.propose({ type: "RECIPIENT_ADDED", member: dirk.member() });
const approval = await book.approve(draft, anna.id, anna.signingKeyPair);

const refusals = [];
const refusal = (name, reason, list, extra = {}) =>
	refusals.push({ name, reason, kind: "verify", entries: list.map(toB64), ...extra });
const flipped = (entry, at) => {
	const copy = entry.slice();
	copy[at < 0 ? copy.length + at : at] ^= 1;
	return copy;
};
const nameAt = Buffer.from(entries[2]).indexOf(Buffer.from("Carla"));
refusal("tampered body byte", "BAD_SIGNATURE", [entries[0], entries[1], flipped(entries[2], nameAt)]);
refusal("flipped signature byte", "BAD_SIGNATURE", [entries[0], entries[1], flipped(entries[2], -1)]);
refusal("missing entry", "WRONG_SEQUENCE", [entries[0], entries[2]]);
refusal("reordered entries", "WRONG_SEQUENCE", [entries[0], entries[2], entries[1]]);
const afterTwo = await m.verifyKeyBook(entries.slice(0, 2), { organisationId });
const carlaDraft = await afterTwo.propose({ type: "RECIPIENT_ADDED", member: people.carla.member() });
const byAnna = await afterTwo.approve(carlaDraft, anna.id, anna.signingKeyPair);
refusal("second approval by the same adviser", "DUPLICATE_APPROVAL",
	[...entries.slice(0, 2), m.assembleKeyBookEntry(carlaDraft, [byAnna, byAnna])]);
refusal("threshold not met", "THRESHOLD_NOT_MET", [...entries.slice(0, 2), m.assembleKeyBookEntry(carlaDraft, [byAnna])]);
refusal("trailing byte", "MALFORMED", [entries[0], Uint8Array.from([...entries[1], 0])]);
refusal("empty book", "EMPTY_BOOK", []);
refusal("wrong organisation", "WRONG_BOOK", entries, { organisationId: randomUUID() });
const code = book.safetyCode.url;
refusal("safety code with a typo", "SAFETY_CODE_TYPO", entries,
	{ kind: "safetyCode", code: code.slice(0, 5) + (code[5] === "X" ? "Y" : "X") + code.slice(6) });

const caseId = randomUUID();
const epochKey = await m.newCaseKey({ epoch: 1 });
const staffKey = await m.newCaseKey({ purpose: "STAFF" });
const messageId = randomUUID();
const noteId = randomUUID();
const message = "Na de her-versleuteling geschreven.";
const note = "Interne notitie, nooit voor de melder.";
const binding = { organisationId, caseId, recipientId: anna.id };

const out = {
	producer: "js",
	organisationId, hotlineId,
	people: Object.fromEntries(await Promise.all(Object.entries(people).map(async ([name, p]) => [name, {
		id: p.id, name: p.name, publicKey: toB64(p.keyPair.publicKey), signingPublicKey: toB64(p.signingKeyPair.publicKey),
		fingerprint: await m.recipientFingerprint(p.keyPair.publicKey, p.signingKeyPair.publicKey),
		signingFingerprint: await m.signingFingerprint(p.signingKeyPair.publicKey) }]))),
	wrapped: { passphrase, wrappedKey: toB64(wrapped), wrappedSigningKey: toB64(wrappedSigningKey),
		publicKey: toB64(anna.keyPair.publicKey), signingPublicKey: toB64(anna.signingKeyPair.publicKey) },
	book: entries.map(toB64),
	hotlineBook: hotlineEntries.map(toB64),
	expected: {
		length: book.length, headSequence: book.head.sequence, headHash: hex(book.head.hash),
		headAtOneHash: hex(book.headAt(1).hash), safetyCode: book.safetyCode.printable,
		firstSafetyCode: book.headAt(0) && m.safetyCode(book.headAt(0)).url, threshold: book.threshold,
		members: book.members.map((x) => x.recipientId),
		hotlineMembers: book.hotlineMembers(hotlineBook).map((x) => x.recipientId), hotlineHeadHash: hex(hotlineBook.head.hash),
	},
	draft: { bytes: toB64(draft), signerId: anna.id, signature: toB64(approval.signature), memberId: dirk.id },
	refusals,
	epochs: {
		caseId, recipientId: anna.id, messageId, noteId, message, note,
		caseEnvelope: toB64(await m.sealCaseKey(epochKey, anna.keyPair.publicKey, { ...binding, epoch: 1 })),
		staffEnvelope: toB64(await m.sealCaseKey(staffKey, anna.keyPair.publicKey, { ...binding, purpose: "STAFF" })),
		messageCiphertext: toB64(await m.sealItem(epochKey, utf8(message),
			{ organisationId, caseId, itemId: messageId, kind: "MESSAGE" })),
		noteCiphertext: toB64(await m.sealItem(staffKey, utf8(note), { organisationId, caseId, itemId: noteId, kind: "NOTE" })),
	},
};
writeFileSync(vectorsPath("keybook/js-books.json"), JSON.stringify(out, null, 2) + "\n");
console.log("wrote", vectorsPath("keybook/js-books.json"));

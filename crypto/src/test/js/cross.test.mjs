// Opens what the Java implementation sealed (vectors/cross/java-sealed.json).
import { test } from "node:test";
import { createHash } from "node:crypto";
import assert from "node:assert/strict";
import { MODULE, b64, fromUtf8, toB64, vectors } from "./support.mjs";

const m = await import(MODULE);
const v = vectors("cross/java-sealed.json");
const envelopeBinding = (recipientId) => ({ organisationId: v.organisationId, caseId: v.caseId, recipientId });

async function openAll(caseKey) {
	for (const item of v.items) {
		const binding = { organisationId: v.organisationId, caseId: v.caseId, itemId: item.itemId, kind: item.kind };
		assert.equal(fromUtf8(await m.openItem(caseKey, b64(item.ciphertext), binding)), item.plaintext);
	}
	const attachment = { organisationId: v.organisationId, caseId: v.caseId, attachmentId: v.attachment.attachmentId };
	const content = await m.openAttachment(caseKey, v.attachment.chunks.map(b64), attachment);
	assert.equal(toB64(content), v.attachment.content);
	assert.deepEqual(await m.openAttachmentMeta(caseKey, b64(v.attachment.meta), attachment),
		JSON.parse(v.attachment.metaJson));

	const two = v.twoChunkAttachment;
	const twoBinding = { organisationId: v.organisationId, caseId: v.caseId, attachmentId: two.attachmentId };
	const chunks = two.chunks.map(b64);
	assert.equal(chunks.length, 2);
	const twoContent = await m.openAttachment(caseKey, chunks, twoBinding);
	assert.equal(twoContent.length, two.length);
	assert.equal(createHash("sha256").update(twoContent).digest("hex"), two.sha256);
	assert.ok(twoContent.every((b, i) => b === ((i * 13) & 0xff)));
	await assert.rejects(m.openAttachment(caseKey, [chunks[1], chunks[0]], twoBinding), m.CryptoError);
}

test("java-sealed when opened by the reporter's token then every item opens", async () => {
	assert.equal(v.producer, "java");
	const { credential, keyPair } = await m.deriveReporter(v.token);
	assert.equal(toB64(credential), v.credential);
	assert.equal(toB64(keyPair.publicKey), v.reporterPublicKey);
	await openAll(await m.openCaseKey(b64(v.envelopes.reporter), keyPair, envelopeBinding("reporter")));
});

test("java-sealed when opened by the adviser's unwrapped key then every item opens", async () => {
	// typed in decomposed form: both sides normalise to NFC
	const passphrase = v.adviser.passphrase.normalize("NFD");
	const wrapped = b64(v.adviser.wrappedKey);
	assert.equal(toB64(await m.deriveLoginSecret(wrapped, passphrase)), v.adviser.loginSecret);
	assert.equal(toB64(await m.deriveLoginSecret(wrapped.slice(0, 23), passphrase)), v.adviser.loginSecret);
	const keyPair = await m.unwrapPrivateKey(wrapped, passphrase);
	assert.equal(toB64(keyPair.publicKey), v.adviser.publicKey);
	assert.equal(await m.fingerprint(keyPair.publicKey), v.adviser.fingerprint);
	await openAll(await m.openCaseKey(b64(v.envelopes.adviser), keyPair, envelopeBinding(v.adviserId)));
});

test("java-sealed when the reporter opens the adviser's envelope then it fails", async () => {
	const { keyPair } = await m.deriveReporter(v.token);
	await assert.rejects(m.openCaseKey(b64(v.envelopes.adviser), keyPair, envelopeBinding(v.adviserId)),
		m.CryptoError);
});

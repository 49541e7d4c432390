// Writes vectors/cross/js-sealed.json: values sealed by meldpunt-crypto.js for the Java
// tests to open. Not a test; run by hand (node src/test/js/generate-cross.mjs) when the
// format changes, then commit the file.
import { writeFileSync } from "node:fs";
import { createHash, randomUUID } from "node:crypto";
import { MODULE, toB64, utf8, vectorsPath } from "./support.mjs";

const m = await import(MODULE);
const organisationId = randomUUID();
const caseId = randomUUID();
const adviserId = randomUUID();
const passphrase = "Geheim wachtwoord \u00e9\u00e9n twee";
const token = m.generateToken();
const reporter = await m.deriveReporter(token);
const adviser = await m.generateKeyPair();
const { wrapped, loginSecret } = await m.wrapPrivateKey(adviser, passphrase);
const caseKey = await m.newCaseKey();
const items = [];
for (const [kind, plaintext] of [["REPORT", "Er werd gediscrimineerd bij de sollicitatie. \u00c9\u00e9n voorbeeld."],
	["NOTE", ""]]) {
	const itemId = randomUUID();
	const ciphertext = await m.sealItem(caseKey, utf8(plaintext), { organisationId, caseId, itemId, kind });
	items.push({ itemId, kind, plaintext, ciphertext: toB64(ciphertext) });
}
const content = Uint8Array.from({ length: 3000 }, (_, i) => (i * 11) & 0xff);
const attachmentId = randomUUID();
const sealedAttachment = await m.sealAttachment(caseKey, content,
	{ organisationId, caseId, attachmentId, name: "foto.jpg", type: "image/jpeg" });
// A full first chunk and a short last one: covers index > 0 and a non-last flag. The
// content is (i * 13) & 0xff; only its length and SHA-256 are stored.
const twoContent = Uint8Array.from({ length: m.CHUNK_SIZE + 100 }, (_, i) => (i * 13) & 0xff);
const twoId = randomUUID();
const twoSealed = await m.sealAttachment(caseKey, twoContent, { organisationId, caseId, attachmentId: twoId });
const out = {
	producer: "js",
	organisationId, caseId, adviserId, token,
	credential: toB64(reporter.credential),
	reporterPublicKey: toB64(reporter.keyPair.publicKey),
	adviser: { passphrase, wrappedKey: toB64(wrapped), loginSecret: toB64(loginSecret),
		publicKey: toB64(adviser.publicKey), fingerprint: await m.fingerprint(adviser.publicKey) },
	envelopes: {
		reporter: toB64(await m.sealCaseKey(caseKey, reporter.keyPair.publicKey,
			{ organisationId, caseId, recipientId: "reporter" })),
		adviser: toB64(await m.sealCaseKey(caseKey, adviser.publicKey,
			{ organisationId, caseId, recipientId: adviserId })),
	},
	items,
	attachment: { attachmentId, content: toB64(content), chunks: sealedAttachment.chunks.map(toB64),
		metaJson: JSON.stringify({ name: "foto.jpg", type: "image/jpeg", size: 3000 }),
		meta: toB64(sealedAttachment.meta) },
	twoChunkAttachment: { attachmentId: twoId, length: twoContent.length,
		sha256: createHash("sha256").update(twoContent).digest("hex"), chunks: twoSealed.chunks.map(toB64) },
};
writeFileSync(vectorsPath("cross/js-sealed.json"), JSON.stringify(out, null, 2) + "\n");
console.log("wrote", vectorsPath("cross/js-sealed.json"));

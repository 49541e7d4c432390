// The public surface promised in docs/CONTRACTS.md §2, and the vendored bundle's checksum.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { HPKE, MODULE } from "./support.mjs";

const m = await import(MODULE);

test("module when imported then exports every function of the contract", () => {
	for (const name of ["generateToken", "parseToken", "deriveReporter", "generateKeyPair", "fingerprint",
		"newCaseKey", "sealItem", "openItem", "sealCaseKey", "openCaseKey", "sealAttachment", "openAttachment",
		"wrapPrivateKey", "unwrapPrivateKey", "deriveLoginSecret", "openAttachmentMeta",
		"generateSigningKeyPair", "signingFingerprint", "recipientFingerprint", "wrapSigningKey", "unwrapSigningKey",
		"unwrapRecipientKeys", "keyBookGenesis", "verifyKeyBook", "parseKeyBookDraft", "assembleKeyBookEntry",
		"safetyCode", "parseSafetyCode"]) {
		assert.equal(typeof m[name], "function", name);
	}
	assert.deepEqual([...m.ITEM_KINDS], ["REPORT", "MESSAGE", "NOTE", "ATTACHMENT_META", "ATTACHMENT_CHUNK",
		"PROPOSAL", "MINUTES", "DECISION", "MEETING_REQUEST"]);
	assert.equal(m.REPORTER, "reporter");
	assert.equal(m.CHUNK_SIZE, 1048576);
	assert.deepEqual([...m.KEY_PURPOSES], ["CASE", "STAFF"]);
	assert.equal(m.KEY_BOOK_REFUSALS.length, 18);
	assert.equal(m.MAX_APPROVALS, 32);
	assert.ok(new m.KeyBookError("MALFORMED", "x") instanceof m.CryptoError);
});

test("key pair and case key when inspected then expose no secret", async () => {
	const pair = await m.generateKeyPair();
	const caseKey = await m.newCaseKey();
	assert.deepEqual(Object.keys(pair), ["publicKey"]);
	// only what the key is for shows; the key itself never does
	assert.deepEqual(Object.keys(caseKey), ["purpose", "epoch"]);
	assert.equal(JSON.stringify(caseKey), '{"purpose":"CASE","epoch":0}');
	const signing = await m.generateSigningKeyPair();
	assert.deepEqual(Object.keys(signing), ["publicKey"]);
	assert.ok(Object.isFrozen(signing) && Object.isFrozen(caseKey));
	assert.ok(Object.isFrozen(pair));
});

test("vendored hpke-core.js when hashed then matches its recorded SHA-256", () => {
	const file = fileURLToPath(HPKE);
	const recorded = readFileSync(`${file}.sha256`, "utf8").split(/\s+/)[0];
	assert.equal(createHash("sha256").update(readFileSync(file)).digest("hex"), recorded);
});

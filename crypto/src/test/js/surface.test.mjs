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
		"wrapPrivateKey", "unwrapPrivateKey", "deriveLoginSecret", "openAttachmentMeta"]) {
		assert.equal(typeof m[name], "function", name);
	}
	assert.deepEqual([...m.ITEM_KINDS], ["REPORT", "MESSAGE", "NOTE", "ATTACHMENT_META", "ATTACHMENT_CHUNK"]);
	assert.equal(m.REPORTER, "reporter");
	assert.equal(m.CHUNK_SIZE, 1048576);
});

test("key pair and case key when inspected then expose no secret", async () => {
	const pair = await m.generateKeyPair();
	const caseKey = await m.newCaseKey();
	assert.deepEqual(Object.keys(pair), ["publicKey"]);
	assert.deepEqual(Object.keys(caseKey), []);
	assert.equal(JSON.stringify(caseKey), "{}");
	assert.ok(Object.isFrozen(pair));
});

test("vendored hpke-core.js when hashed then matches its recorded SHA-256", () => {
	const file = fileURLToPath(HPKE);
	const recorded = readFileSync(`${file}.sha256`, "utf8").split(/\s+/)[0];
	assert.equal(createHash("sha256").update(readFileSync(file)).digest("hex"), recorded);
});

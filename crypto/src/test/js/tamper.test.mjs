// Any changed byte, any other binding, any other key: opening fails with CryptoError.
// Ends with a seeded mutation fuzzer over every parser and open path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { HPKE, MODULE, utf8 } from "./support.mjs";

const m = await import(MODULE);
const org = "0b6f1c8e-3f5c-4d2a-9a51-1d2e3f405060";
const caseId = "5a7c9e1b-2d4f-4a6b-8c0d-e1f203142536";
const itemId = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
const adviserId = "c3d2e1f0-a9b8-4c7d-8e6f-504132231405";
const other = "00000000-0000-4000-8000-000000000000";
const report = { organisationId: org, caseId, itemId, kind: "REPORT" };
const toAdviser = { organisationId: org, caseId, recipientId: adviserId };
const text = utf8("Er is iets gebeurd op de afdeling");

const caseKey = await m.newCaseKey();
const adviser = await m.generateKeyPair();

function flipped(bytes, i, mask = 1) {
	const copy = bytes.slice();
	copy[i] ^= mask;
	return copy;
}

test("openItem when any single byte flipped then CryptoError", async () => {
	const sealed = await m.sealItem(caseKey, text, report);
	for (let i = 0; i < sealed.length; i++) {
		await assert.rejects(m.openItem(caseKey, flipped(sealed, i), report), m.CryptoError, `byte ${i}`);
	}
	assert.deepEqual(await m.openItem(caseKey, sealed, report), text);
});

test("openCaseKey when any single byte flipped then CryptoError", async () => {
	const envelope = await m.sealCaseKey(caseKey, adviser.publicKey, toAdviser);
	assert.equal(envelope.length, 82);
	for (let i = 0; i < envelope.length; i++) {
		await assert.rejects(m.openCaseKey(flipped(envelope, i), adviser, toAdviser), m.CryptoError, `byte ${i}`);
	}
});

test("open when truncated or oversized then CryptoError", async () => {
	const sealed = await m.sealItem(caseKey, text, report);
	const envelope = await m.sealCaseKey(caseKey, adviser.publicKey, toAdviser);
	for (let n = 0; n < sealed.length; n++) {
		await assert.rejects(m.openItem(caseKey, sealed.slice(0, n), report), m.CryptoError);
	}
	for (let n = 0; n < envelope.length; n++) {
		await assert.rejects(m.openCaseKey(envelope.slice(0, n), adviser, toAdviser), m.CryptoError);
	}
	const huge = new Uint8Array(16 * 1024 * 1024 + 31);
	huge.set([1, 1]);
	await assert.rejects(m.openItem(caseKey, huge, report), m.CryptoError);
	await assert.rejects(m.openCaseKey(new Uint8Array([1, 2, ...new Uint8Array(81)]), adviser, toAdviser),
		m.CryptoError);
});

test("openItem when organisation, case, item or kind differs then CryptoError", async () => {
	const sealed = await m.sealItem(caseKey, text, report);
	for (const binding of [{ ...report, organisationId: other }, { ...report, caseId: other },
		{ ...report, itemId: other }, { ...report, kind: "MESSAGE" }, { ...report, kind: "NOTE" },
		{ ...report, kind: "ATTACHMENT_META" }]) {
		await assert.rejects(m.openItem(caseKey, sealed, binding), m.CryptoError, JSON.stringify(binding));
	}
	await assert.rejects(m.openItem(await m.newCaseKey(), sealed, report), m.CryptoError);
});

test("openCaseKey when recipient, case, organisation or key differs then CryptoError", async () => {
	const envelope = await m.sealCaseKey(caseKey, adviser.publicKey, toAdviser);
	await assert.rejects(m.openCaseKey(envelope, await m.generateKeyPair(), toAdviser), m.CryptoError);
	for (const binding of [{ ...toAdviser, recipientId: other }, { ...toAdviser, recipientId: "reporter" },
		{ ...toAdviser, caseId: other }, { ...toAdviser, organisationId: other }]) {
		await assert.rejects(m.openCaseKey(envelope, adviser, binding), m.CryptoError, JSON.stringify(binding));
	}
	const opened = await m.openCaseKey(envelope, adviser, toAdviser);
	assert.deepEqual(await m.openItem(opened, await m.sealItem(caseKey, text, report), report), text);
});

test("openCaseKey when sealed with another purpose label then CryptoError", async () => {
	const { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } = await import(HPKE);
	const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
	const lp = (s) => {
		const b = utf8(s);
		return [b.length >> 8, b.length & 0xff, ...b];
	};
	const info = (purpose) => Uint8Array.from([...lp("meldpunt/v1"), ...lp(purpose), ...lp(org), ...lp(caseId),
		...lp(adviserId)]).buffer;
	const header = Uint8Array.of(1, 2);
	const seal = async (purpose) => {
		const pk = await suite.kem.deserializePublicKey(adviser.publicKey.slice().buffer);
		const { ct, enc } = await suite.seal({ recipientPublicKey: pk, info: info(purpose) }, new Uint8Array(32).buffer,
			header.slice().buffer);
		return Uint8Array.from([...header, ...new Uint8Array(enc), ...new Uint8Array(ct)]);
	};
	// the same construction with the real label opens, so only the purpose differs
	await m.openCaseKey(await seal("case-key"), adviser, toAdviser);
	await assert.rejects(m.openCaseKey(await seal("export"), adviser, toAdviser), m.CryptoError);
});

test("openAttachment when chunks reordered, dropped, duplicated or moved then CryptoError", async () => {
	const content = new Uint8Array(2 * m.CHUNK_SIZE + 5).fill(9);
	const binding = { organisationId: org, caseId, attachmentId: itemId };
	const { chunks } = await m.sealAttachment(caseKey, content, binding);
	assert.equal(chunks.length, 3);
	for (const wrong of [[chunks[1], chunks[0], chunks[2]], chunks.slice(0, 2), [chunks[0], chunks[2]],
		[chunks[0], chunks[1], chunks[1], chunks[2]], []]) {
		await assert.rejects(m.openAttachment(caseKey, wrong, binding), m.CryptoError);
	}
	await assert.rejects(m.openAttachment(caseKey, chunks, { ...binding, attachmentId: other }), m.CryptoError);
	assert.deepEqual(await m.openAttachment(caseKey, chunks, binding), content);
});

test("openAttachment when more chunks than fit one Java array then CryptoError before reading any", async () => {
	// A forged count: 2048 empty slots; reading one would throw TypeError, not CryptoError.
	const binding = { organisationId: org, caseId, attachmentId: itemId };
	await assert.rejects(m.openAttachment(caseKey, new Array(2048), binding), m.CryptoError);
	const { chunks } = await m.sealAttachment(caseKey, new Uint8Array(0), binding);
	await assert.rejects(m.openAttachment(caseKey, [...new Array(2046).fill(undefined), chunks[0]], binding),
		TypeError);
});

test("unwrapPrivateKey when wrong passphrase or flipped byte then CryptoError; login secret stays apart", async () => {
	const { wrapped, loginSecret } = await m.wrapPrivateKey(adviser, "goede zin");
	assert.equal(wrapped.length, 115);
	await assert.rejects(m.unwrapPrivateKey(wrapped, "foute zin"), m.CryptoError);
	for (const i of [0, 1, 2, 3, 4, 5, 7, 22, 23, 54, 55, 67, 114]) {
		await assert.rejects(m.unwrapPrivateKey(flipped(wrapped, i), "goede zin"), m.CryptoError, `byte ${i}`);
	}
	assert.notDeepEqual(await m.deriveLoginSecret(wrapped, "foute zin"), loginSecret);
	assert.deepEqual(await m.deriveLoginSecret(wrapped, "goede zin"), loginSecret);
	assert.deepEqual((await m.unwrapPrivateKey(wrapped, "goede zin")).publicKey, adviser.publicKey);
});

// A small seeded PRNG (mulberry32) so that a failure can be replayed.
function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function mutate(seed, random) {
	const bytes = Array.from(seed);
	const count = 1 + Math.floor(random() * 4);
	for (let k = 0; k < count; k++) {
		const at = Math.floor(random() * Math.max(1, bytes.length));
		switch (Math.floor(random() * 5)) {
			case 0: if (bytes.length) bytes[at] ^= 1 << Math.floor(random() * 8); break;
			case 1: if (bytes.length) bytes[at] = Math.floor(random() * 256); break;
			case 2: bytes.splice(at, 0, Math.floor(random() * 256)); break;
			case 3: bytes.splice(at, 1); break;
			default: bytes.length = Math.floor(random() * (bytes.length + 1));
		}
	}
	return Uint8Array.from(bytes);
}

const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

test("fuzz: mutated items, envelopes, wrapped keys and tokens fail only with CryptoError", async () => {
	const random = prng(20261122);
	const sealed = await m.sealItem(caseKey, text, report);
	const envelope = await m.sealCaseKey(caseKey, adviser.publicKey, toAdviser);
	let checked = 0;
	for (let i = 0; i < 5000; i++) {
		const input = mutate(sealed, random);
		if (!same(input, sealed)) {
			await assert.rejects(m.openItem(caseKey, input, report), m.CryptoError);
			checked++;
		}
	}
	for (let i = 0; i < 1500; i++) {
		const input = mutate(envelope, random);
		if (!same(input, envelope)) {
			await assert.rejects(m.openCaseKey(input, adviser, toAdviser), m.CryptoError);
			checked++;
		}
	}
	const { wrapped } = await m.wrapPrivateKey(adviser, "zin");
	for (let i = 0; i < 3000; i++) {
		// only inputs that fail to parse: those that parse would each cost a 600 000-round PBKDF2
		const input = mutate(wrapped.subarray(0, 7), random);
		await assert.rejects(m.deriveLoginSecret(input, "zin"), m.CryptoError);
		checked++;
	}
	const token = m.generateToken();
	for (let i = 0; i < 5000; i++) {
		const input = new TextDecoder().decode(mutate(utf8(token), random));
		try {
			assert.match(m.parseToken(input), /^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
		}
		catch (error) {
			assert.ok(error instanceof m.TokenTypoError, String(error));
		}
		checked++;
	}
	assert.ok(checked > 14000, `checked ${checked}`);
});

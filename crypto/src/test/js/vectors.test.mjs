// RFC 9180 vectors through the vendored @hpke/core, and the Wycheproof vectors for the
// WebCrypto primitives and parameters meldpunt-crypto.js uses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { HPKE, MODULE, hex, toHex, vectors } from "./support.mjs";

const { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } = await import(HPKE);
const m = await import(MODULE);
const subtle = globalThis.crypto.subtle;
const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
const v = vectors("rfc9180-base-x25519-hkdfsha256-aes256gcm.json")[0];
const buf = (s) => hex(s).buffer;

test("deriveKeyPair when RFC 9180 ikmR then pkRm and skRm match", async () => {
	const pair = await suite.kem.deriveKeyPair(buf(v.ikmR));
	assert.equal(toHex(await suite.kem.serializePublicKey(pair.publicKey)), v.pkRm);
	assert.equal(toHex(await suite.kem.serializePrivateKey(pair.privateKey)), v.skRm);
});

test("sender when RFC 9180 ephemeral then enc and all 257 ciphertexts match", async () => {
	const pkR = await suite.kem.deserializePublicKey(buf(v.pkRm));
	const sender = await suite.createSenderContext({ recipientPublicKey: pkR, info: buf(v.info), ekm: buf(v.ikmE) });
	assert.equal(toHex(sender.enc), v.enc);
	assert.equal(v.encryptions.length, 257);
	for (const e of v.encryptions) {
		assert.equal(toHex(await sender.seal(buf(e.pt), buf(e.aad))), e.ct);
	}
});

test("recipient when RFC 9180 ciphertexts then all open and exports match", async () => {
	const skR = await suite.kem.deserializePrivateKey(buf(v.skRm));
	const recipient = await suite.createRecipientContext({ recipientKey: skR, enc: buf(v.enc), info: buf(v.info) });
	for (const e of v.encryptions) {
		assert.equal(toHex(await recipient.open(buf(e.ct), buf(e.aad))), e.pt);
	}
	for (const x of v.exports) {
		assert.equal(toHex(await recipient.export(buf(x.exporter_context), x.L)), x.exported_value);
	}
});

test("sealCaseKey when Wycheproof public key gives a zero shared secret then refuses", async () => {
	const caseKey = await m.newCaseKey();
	const binding = { organisationId: "11111111-1111-4111-8111-111111111111",
		caseId: "22222222-2222-4222-8222-222222222222", recipientId: "reporter" };
	let refused = 0;
	let sealed = 0;
	for (const group of vectors("wycheproof-x25519_test.json").testGroups) {
		for (const t of group.tests) {
			if (/^0+$/.test(t.shared)) {
				// the message shows the module's own check refused it, not the HPKE engine
				await assert.rejects(m.sealCaseKey(caseKey, hex(t.public), binding),
					(e) => e instanceof m.CryptoError && /small order/.test(e.message), `tcId ${t.tcId}`);
				refused++;
			}
			else if (t.tcId % 25 === 0) {
				assert.equal((await m.sealCaseKey(caseKey, hex(t.public), binding)).length, 82);
				sealed++;
			}
		}
	}
	assert.equal(refused, 31);
	assert.ok(sealed > 10);
});

test("X25519 when Wycheproof vectors then WebCrypto agrees or refuses zero", async () => {
	const pkcs8 = (sk) => Uint8Array.from([...hex("302e020100300506032b656e04220420"), ...hex(sk)]);
	let checked = 0;
	for (const group of vectors("wycheproof-x25519_test.json").testGroups) {
		for (const t of group.tests) {
			const sk = await subtle.importKey("pkcs8", pkcs8(t.private), { name: "X25519" }, false, ["deriveBits"]);
			const pk = await subtle.importKey("raw", hex(t.public), { name: "X25519" }, false, []);
			if (/^0+$/.test(t.shared)) {
				await assert.rejects(subtle.deriveBits({ name: "X25519", public: pk }, sk, 256), `tcId ${t.tcId}`);
			}
			else {
				const shared = await subtle.deriveBits({ name: "X25519", public: pk }, sk, 256);
				assert.equal(toHex(shared), t.shared, `tcId ${t.tcId}`);
			}
			checked++;
		}
	}
	assert.equal(checked, 518);
});

test("AES-256-GCM when Wycheproof 96-bit nonce vectors then WebCrypto agrees", async () => {
	let checked = 0;
	for (const group of vectors("wycheproof-aes_gcm_test.json").testGroups) {
		if (group.keySize !== 256 || group.ivSize !== 96 || group.tagSize !== 128) {
			continue;
		}
		for (const t of group.tests) {
			const key = await subtle.importKey("raw", hex(t.key), "AES-GCM", false, ["encrypt", "decrypt"]);
			const alg = { name: "AES-GCM", iv: hex(t.iv), additionalData: hex(t.aad) };
			const sealed = hex(t.ct + t.tag);
			if (t.result === "invalid") {
				await assert.rejects(subtle.decrypt(alg, key, sealed), `tcId ${t.tcId}`);
			}
			else {
				assert.equal(toHex(await subtle.encrypt(alg, key, hex(t.msg))), t.ct + t.tag, `tcId ${t.tcId}`);
				assert.equal(toHex(await subtle.decrypt(alg, key, sealed)), t.msg, `tcId ${t.tcId}`);
			}
			checked++;
		}
	}
	assert.ok(checked > 50);
});

test("HKDF-SHA256 when Wycheproof vectors then WebCrypto agrees or refuses the size", async () => {
	let checked = 0;
	for (const group of vectors("wycheproof-hkdf_sha256_test.json").testGroups) {
		for (const t of group.tests) {
			const key = await subtle.importKey("raw", hex(t.ikm), "HKDF", false, ["deriveBits"]);
			const alg = { name: "HKDF", hash: "SHA-256", salt: hex(t.salt), info: hex(t.info) };
			if (t.result === "invalid") {
				await assert.rejects(subtle.deriveBits(alg, key, t.size * 8), `tcId ${t.tcId}`);
			}
			else {
				assert.equal(toHex(await subtle.deriveBits(alg, key, t.size * 8)), t.okm, `tcId ${t.tcId}`);
			}
			checked++;
		}
	}
	assert.equal(checked, 86);
});

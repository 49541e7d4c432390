// Log-in from the KDF header alone, empty passphrases, and the wrap's associated data.
import { test } from "node:test";
import assert from "node:assert/strict";
import { MODULE } from "./support.mjs";

const m = await import(MODULE);
const PASSPHRASE = "goede zin met spaties";
const adviser = await m.generateKeyPair();
const { wrapped, loginSecret } = await m.wrapPrivateKey(adviser, PASSPHRASE);
const HEADER_LENGTH = 23; // 01 03 01 | u32 iterations | salt (16)

function changed(bytes, i, value) {
	const copy = bytes.slice();
	copy[i] = value;
	return copy;
}

test("deriveLoginSecret when given only the KDF header then same secret as from the whole wrapped key", async () => {
	const header = wrapped.slice(0, HEADER_LENGTH);
	assert.deepEqual(await m.deriveLoginSecret(header, PASSPHRASE), loginSecret);
	assert.deepEqual(await m.deriveLoginSecret(wrapped, PASSPHRASE), loginSecret);
	assert.notDeepEqual(await m.deriveLoginSecret(header, PASSPHRASE + "!"), loginSecret);
});

test("deriveLoginSecret when the header is cut, extended or out of bounds then CryptoError", async () => {
	const header = wrapped.slice(0, HEADER_LENGTH);
	const tooFew = changed(changed(changed(header, 3, 0), 4, 0), 5, 0x10);
	const tooMany = changed(header, 3, 0x7f);
	for (const bad of [header.slice(0, 22), wrapped.slice(0, 24), wrapped.slice(0, wrapped.length - 1),
		changed(header, 0, 2), changed(header, 1, 1), changed(header, 2, 3), changed(header, 2, 2), tooFew, tooMany,
		new Uint8Array(0)]) {
		await assert.rejects(m.deriveLoginSecret(bad, PASSPHRASE), m.CryptoError, `length ${bad.length}`);
	}
});

test("unwrapPrivateKey and deriveLoginSecret when passphrase empty then CryptoError; wrapPrivateKey refuses it", async () => {
	await assert.rejects(m.unwrapPrivateKey(wrapped, ""), m.CryptoError);
	await assert.rejects(m.deriveLoginSecret(wrapped.slice(0, HEADER_LENGTH), ""), m.CryptoError);
	await assert.rejects(m.wrapPrivateKey(adviser, ""), TypeError);
});

test("wrapped key when opened with the right wrap key but other associated data then fails", async () => {
	// The derivation written out from FORMAT.md, so that the wrap's AES-GCM can be opened directly.
	const subtle = globalThis.crypto.subtle;
	const utf8 = (s) => new TextEncoder().encode(s);
	const pbkdf2 = await subtle.importKey("raw", utf8(PASSPHRASE), "PBKDF2", false, ["deriveBits"]);
	const master = await subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: wrapped.slice(7, 23),
		iterations: 600000 }, pbkdf2, 256);
	const hkdf = await subtle.importKey("raw", master, "HKDF", false, ["deriveBits"]);
	const wrapKey = await subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: utf8("meldpunt/v1/passphrase"),
		info: utf8("key-wrap") }, hkdf, 256);
	const aes = await subtle.importKey("raw", wrapKey, "AES-GCM", false, ["decrypt"]);
	const nonceOffset = 23 + 32;
	const open = (aad) => subtle.decrypt({ name: "AES-GCM", iv: wrapped.slice(nonceOffset, nonceOffset + 12),
		additionalData: aad }, aes, wrapped.slice(nonceOffset + 12));
	const aad = wrapped.slice(0, nonceOffset);

	assert.equal((await open(aad)).byteLength, 32);
	for (const i of [0, 1, 2, 3, 6, 7, 22, 23, 54]) {
		await assert.rejects(open(changed(aad, i, aad[i] ^ 1)), `aad byte ${i}`);
	}
	await assert.rejects(open(new Uint8Array(0)));
});

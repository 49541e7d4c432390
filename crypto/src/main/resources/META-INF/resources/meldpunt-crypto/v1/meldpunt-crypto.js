// Meldpunt crypto, format v1: the browser twin of the Java module nl.meldpunt.crypto.
// The byte layouts are written down in crypto/FORMAT.md; both sides pass the same vectors.
// HPKE (RFC 9180) comes from the vendored @hpke/core bundle; AES-GCM, HKDF, PBKDF2 and
// SHA-256 from WebCrypto. No nonce, counter or raw private key is ever handed to a caller.
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from "./vendor/hpke-core.js";

const subtle = globalThis.crypto.subtle;
const encoder = new TextEncoder();

const VERSION = 0x01;
const SUITE_ITEM = 0x01;
const SUITE_ENVELOPE = 0x02;
const SUITE_WRAPPED_KEY = 0x03;
const LABEL = "meldpunt/v1";
const NONCE_LENGTH = 12;
const TAG_LENGTH = 16;
const MAX_ITEM_PLAINTEXT = 16 * 1024 * 1024;
const MIN_ITEM_LENGTH = 2 + NONCE_LENGTH + TAG_LENGTH;
const MAX_ITEM_LENGTH = MIN_ITEM_LENGTH + MAX_ITEM_PLAINTEXT;
const ENVELOPE_LENGTH = 2 + 32 + 32 + TAG_LENGTH;

/** Plaintext size of every attachment chunk but the last. */
export const CHUNK_SIZE = 1024 * 1024;
// 2047 full chunks are the most whose joined plaintext still fits one Java array.
const MAX_CHUNKS = 2047;
/** The recipient id of the reporter's own key envelope. */
export const REPORTER = "reporter";
export const ITEM_KINDS = Object.freeze(["REPORT", "MESSAGE", "NOTE", "ATTACHMENT_META", "ATTACHMENT_CHUNK"]);
const CASE_KEY_PURPOSE = "case-key";
const TOKEN_SALT = "meldpunt/v1/token";
const PASSPHRASE_SALT = "meldpunt/v1/passphrase";
const KDF_PBKDF2 = 1;
const KDF_ARGON2ID = 2;
const PBKDF2_MIN = 600000;
const PBKDF2_MAX = 10000000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });

/** Every failure to parse, verify, unwrap or open. Its message never holds key material. */
export class CryptoError extends Error {
	constructor(message) {
		super(message);
		this.name = "CryptoError";
	}
}

/** A token that does not decode or whose checksum does not match: a typo. */
export class TokenTypoError extends CryptoError {
	constructor(message) {
		super(message);
		this.name = "TokenTypoError";
	}
}

// Secrets live in these maps, keyed by opaque objects, so they are not properties anyone
// can log or serialise by accident.
const caseKeys = new WeakMap();
const privateKeys = new WeakMap();

/** An X25519 key pair; only `publicKey` (32 bytes) is visible. */
class RecipientKeyPair {
	constructor(publicKey, privateKey) {
		this.publicKey = publicKey;
		privateKeys.set(this, privateKey);
		Object.freeze(this);
	}
}

/** A case's 256-bit content key; opaque. */
class CaseKey {
	constructor(raw, aesKey) {
		caseKeys.set(this, { raw, aesKey });
		Object.freeze(this);
	}
}

// ---- bytes -----------------------------------------------------------------------------

function bytes(value, what) {
	if (value instanceof Uint8Array) {
		return value;
	}
	if (value instanceof ArrayBuffer) {
		return new Uint8Array(value);
	}
	throw new TypeError(`${what} must be a Uint8Array`);
}

function concat(...parts) {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}

function text(value) {
	const utf8 = encoder.encode(value);
	if (utf8.length > 0xffff) {
		throw new TypeError("field too long");
	}
	return concat(Uint8Array.of(utf8.length >>> 8, utf8.length & 0xff), utf8);
}

function u32(value) {
	return Uint8Array.of(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
}

function uuid(value, what) {
	if (typeof value !== "string" || !UUID.test(value)) {
		throw new TypeError(`${what} must be a lower-case UUID`);
	}
	return value;
}

function randomBytes(length) {
	return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

function equalBytes(a, b) {
	if (a.length !== b.length) {
		return false;
	}
	let diff = 0;
	for (let i = 0; i < a.length; i++) {
		diff |= a[i] ^ b[i];
	}
	return diff === 0;
}

async function hkdf(ikm, salt, info, length = 32) {
	const key = await subtle.importKey("raw", ikm, "HKDF", false, ["deriveBits"]);
	const bits = await subtle.deriveBits(
		{ name: "HKDF", hash: "SHA-256", salt: encoder.encode(salt), info: encoder.encode(info) }, key, length * 8);
	return new Uint8Array(bits);
}

// ---- associated data -------------------------------------------------------------------

const ITEM_HEADER = Uint8Array.of(VERSION, SUITE_ITEM);
const ENVELOPE_HEADER = Uint8Array.of(VERSION, SUITE_ENVELOPE);

function itemAad(binding, kind) {
	if (!ITEM_KINDS.includes(kind)) {
		throw new TypeError("kind must be one of " + ITEM_KINDS.join(", "));
	}
	return concat(ITEM_HEADER, text(LABEL), text(uuid(binding.organisationId, "organisationId")),
		text(uuid(binding.caseId, "caseId")), text(uuid(binding.itemId, "itemId")), text(kind));
}

function chunkAad(binding, index, last) {
	return concat(itemAad(binding, "ATTACHMENT_CHUNK"), u32(index), Uint8Array.of(last ? 1 : 0));
}

function envelopeInfo(binding) {
	const recipient = binding.recipientId === REPORTER ? REPORTER : uuid(binding.recipientId, "recipientId");
	return concat(text(LABEL), text(CASE_KEY_PURPOSE), text(uuid(binding.organisationId, "organisationId")),
		text(uuid(binding.caseId, "caseId")), text(recipient));
}

function checkHeader(data, suiteByte, what) {
	if (data.length < 2) {
		throw new CryptoError(`${what} is too short`);
	}
	if (data[0] !== VERSION) {
		throw new CryptoError(`${what} has an unknown format version`);
	}
	if (data[1] !== suiteByte) {
		throw new CryptoError(`${what} has an unknown suite`);
	}
}

// ---- token -----------------------------------------------------------------------------

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const TOKEN_ENTROPY = 16;
const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) {
			c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		}
		table[n] = c >>> 0;
	}
	return table;
})();

function crc32(data) {
	let c = 0xffffffff;
	for (const b of data) {
		c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	}
	return u32((c ^ 0xffffffff) >>> 0);
}

function encodeToken(entropy) {
	const raw = concat(entropy, crc32(entropy));
	let symbols = "";
	let buffer = 0;
	let bits = 0;
	for (const b of raw) {
		buffer = ((buffer << 8) | b) & 0xfff;
		bits += 8;
		while (bits >= 5) {
			symbols += ALPHABET[(buffer >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	return symbols.match(/.{4}/g).join("-");
}

function decodeToken(textValue) {
	if (typeof textValue !== "string" || textValue.length > 80) {
		throw new TokenTypoError("This is not a complete token: check for a missing or extra character");
	}
	const out = new Uint8Array(TOKEN_ENTROPY + 4);
	let buffer = 0;
	let bits = 0;
	let index = 0;
	for (const typed of textValue) {
		if (typed === "-" || typed === " ") {
			continue;
		}
		// Checked before case folding: toUpperCase maps ß to SS, ﬀ to FF, ı to I and ſ to S.
		const c = typed.charCodeAt(0) < 128 ? typed.toUpperCase() : "";
		const value = c === "" ? -1 : c === "O" ? 0 : c === "I" || c === "L" ? 1 : ALPHABET.indexOf(c);
		if (value < 0 || index >= out.length) {
			throw new TokenTypoError("This is not a complete token: check for a missing or extra character");
		}
		buffer = ((buffer << 5) | value) & 0xfff;
		bits += 5;
		if (bits >= 8) {
			out[index++] = (buffer >>> (bits - 8)) & 0xff;
			bits -= 8;
		}
	}
	if (index !== out.length || bits !== 0) {
		throw new TokenTypoError("This is not a complete token: check for a missing or extra character");
	}
	const entropy = out.slice(0, TOKEN_ENTROPY);
	if (!equalBytes(crc32(entropy), out.slice(TOKEN_ENTROPY))) {
		throw new TokenTypoError("The token contains a typo: its checksum does not match");
	}
	return entropy;
}

/** A fresh token: 128 bits from the CSPRNG and a CRC-32, as 8 groups of 4 Crockford base32 symbols. */
export function generateToken() {
	return encodeToken(randomBytes(TOKEN_ENTROPY));
}

/** The canonical form of a typed token; throws TokenTypoError on a typo. */
export function parseToken(textValue) {
	return encodeToken(decodeToken(textValue));
}

/** The reporter's mailbox credential (32 bytes) and key pair, derived from the token. */
export async function deriveReporter(token) {
	const entropy = decodeToken(token);
	const credential = await hkdf(entropy, TOKEN_SALT, "mailbox-credential");
	const ikm = await hkdf(entropy, TOKEN_SALT, "reporter-key");
	return { credential, keyPair: await keyPairOf(await suite.kem.deriveKeyPair(ikm.buffer)) };
}

// ---- keys ------------------------------------------------------------------------------

async function keyPairOf(cryptoKeyPair) {
	const publicKey = new Uint8Array(await suite.kem.serializePublicKey(cryptoKeyPair.publicKey));
	return new RecipientKeyPair(publicKey, cryptoKeyPair.privateKey);
}

const BASE_POINT = Uint8Array.of(9, ...new Array(31).fill(0));

// X25519(sk, 9) is the public key: recomputed so that a wrapped key proves its public half.
async function keyPairOfPrivate(privateKey) {
	const base = await subtle.importKey("raw", BASE_POINT, { name: "X25519" }, true, []);
	const publicKey = new Uint8Array(await subtle.deriveBits({ name: "X25519", public: base }, privateKey, 256));
	return new RecipientKeyPair(publicKey, privateKey);
}

/** A fresh X25519 key pair. */
export async function generateKeyPair() {
	return keyPairOf(await suite.kem.generateKeyPair());
}

/** First 16 bytes of SHA-256 over the public key, as 8 groups of 4 upper-case hex digits. */
export async function fingerprint(publicKeyBytes) {
	const key = bytes(publicKeyBytes, "publicKey");
	if (key.length !== 32) {
		throw new CryptoError("A public key is 32 bytes");
	}
	const digest = new Uint8Array(await subtle.digest("SHA-256", key)).slice(0, 16);
	const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("").toUpperCase();
	return hex.match(/.{4}/g).join(" ");
}

/** A fresh random case key. */
export async function newCaseKey() {
	return caseKeyOf(randomBytes(32));
}

async function caseKeyOf(raw) {
	const aesKey = await subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
	return new CaseKey(raw, aesKey);
}

function secretOf(caseKey) {
	const secret = caseKeys.get(caseKey);
	if (!secret) {
		throw new TypeError("caseKey must come from newCaseKey or openCaseKey");
	}
	return secret;
}

// ---- items -----------------------------------------------------------------------------

async function seal(caseKey, plaintext, aad) {
	const data = bytes(plaintext, "plaintext");
	if (data.length > MAX_ITEM_PLAINTEXT) {
		throw new TypeError("An item holds at most 16 MiB");
	}
	const nonce = randomBytes(NONCE_LENGTH);
	const ct = await subtle.encrypt({ name: "AES-GCM", iv: nonce, additionalData: aad }, secretOf(caseKey).aesKey,
		data);
	return concat(ITEM_HEADER, nonce, new Uint8Array(ct));
}

async function open(caseKey, ciphertext, aad) {
	const data = bytes(ciphertext, "ciphertext");
	checkHeader(data, SUITE_ITEM, "Item ciphertext");
	if (data.length < MIN_ITEM_LENGTH || data.length > MAX_ITEM_LENGTH) {
		throw new CryptoError("Item ciphertext has an impossible length");
	}
	try {
		const pt = await subtle.decrypt({ name: "AES-GCM", iv: data.subarray(2, 2 + NONCE_LENGTH), additionalData: aad },
			secretOf(caseKey).aesKey, data.subarray(2 + NONCE_LENGTH));
		return new Uint8Array(pt);
	}
	catch (error) {
		throw new CryptoError("Ciphertext does not open: wrong key, binding or tampered data");
	}
}

/** Encrypts one item; binding = { organisationId, caseId, itemId, kind }. */
export async function sealItem(caseKey, plaintext, binding) {
	if (binding.kind === "ATTACHMENT_CHUNK") {
		throw new TypeError("Attachment chunks are sealed through sealAttachment");
	}
	return seal(caseKey, plaintext, itemAad(binding, binding.kind));
}

/** Decrypts one item; throws CryptoError unless key and binding are exactly right. */
export async function openItem(caseKey, ciphertext, binding) {
	if (binding.kind === "ATTACHMENT_CHUNK") {
		throw new TypeError("Attachment chunks are opened through openAttachment");
	}
	return open(caseKey, ciphertext, itemAad(binding, binding.kind));
}

// ---- attachments -----------------------------------------------------------------------

function attachmentBinding(binding) {
	return { organisationId: binding.organisationId, caseId: binding.caseId,
		itemId: binding.attachmentId ?? binding.itemId };
}

/**
 * Encrypts an attachment as 1 MiB chunks bound to their index and to being last.
 * binding = { organisationId, caseId, attachmentId, name?, type? }; with a name or type,
 * `meta` is an ATTACHMENT_META item holding JSON { name, type, size }.
 */
export async function sealAttachment(caseKey, content, binding, onProgress) {
	const data = bytes(content, "content");
	const target = attachmentBinding(binding);
	const count = Math.max(1, Math.ceil(data.length / CHUNK_SIZE));
	if (count > MAX_CHUNKS) {
		throw new TypeError("Attachment is too large");
	}
	const chunks = [];
	for (let i = 0; i < count; i++) {
		const part = data.subarray(i * CHUNK_SIZE, Math.min(data.length, (i + 1) * CHUNK_SIZE));
		chunks.push(await seal(caseKey, part, chunkAad(target, i, i === count - 1)));
		onProgress?.(i + 1, count);
	}
	const result = { chunks };
	if (binding.name !== undefined || binding.type !== undefined) {
		const meta = JSON.stringify({ name: binding.name ?? "", type: binding.type ?? "", size: data.length });
		result.meta = await seal(caseKey, encoder.encode(meta), itemAad(target, "ATTACHMENT_META"));
	}
	return result;
}

/** Decrypts and joins chunks; throws CryptoError if one is missing, extra, moved or changed. */
export async function openAttachment(caseKey, chunks, binding, onProgress) {
	const target = attachmentBinding(binding);
	// The count is checked before any chunk is read, with the same cap as the Java side.
	if (!Array.isArray(chunks) || chunks.length === 0 || chunks.length > MAX_CHUNKS) {
		throw new CryptoError("Attachment has no chunks or too many");
	}
	const parts = [];
	for (let i = 0; i < chunks.length; i++) {
		const last = i === chunks.length - 1;
		const size = bytes(chunks[i], "chunk").length - MIN_ITEM_LENGTH;
		if ((!last && size !== CHUNK_SIZE) || size > CHUNK_SIZE) {
			throw new CryptoError(`Attachment chunk ${i} has the wrong size`);
		}
		parts.push(await open(caseKey, chunks[i], chunkAad(target, i, last)));
		onProgress?.(i + 1, chunks.length);
	}
	return concat(...parts);
}

/** Opens an attachment's meta item: { name, type, size }. */
export async function openAttachmentMeta(caseKey, meta, binding) {
	const plain = await open(caseKey, meta, itemAad(attachmentBinding(binding), "ATTACHMENT_META"));
	try {
		return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(plain));
	}
	catch (error) {
		throw new CryptoError("Attachment meta data is not valid");
	}
}

// ---- key envelopes ---------------------------------------------------------------------

/** Seals the case key to a recipient; binding = { organisationId, caseId, recipientId }. */
export async function sealCaseKey(caseKey, recipientPublicKey, binding) {
	const pk = bytes(recipientPublicKey, "recipientPublicKey");
	if (pk.length !== 32) {
		throw new CryptoError("A public key is 32 bytes");
	}
	await checkNotSmallOrder(pk);
	const info = envelopeInfo(binding).buffer;
	let sealed;
	try {
		sealed = await suite.seal({ recipientPublicKey: await suite.kem.deserializePublicKey(pk.slice().buffer), info },
			secretOf(caseKey).raw.slice().buffer, ENVELOPE_HEADER.slice().buffer);
	}
	catch (error) {
		throw new CryptoError("Cannot seal to this public key");
	}
	return concat(ENVELOPE_HEADER, new Uint8Array(sealed.enc), new Uint8Array(sealed.ct));
}

let probeKey;

// A point of small order gives an all-zero X25519 result with every private key, so one
// probe tells. Checked here rather than trusting the engine to refuse such a point.
async function checkNotSmallOrder(publicKey) {
	probeKey ??= subtle.generateKey({ name: "X25519" }, false, ["deriveBits"]);
	let shared;
	try {
		const peer = await subtle.importKey("raw", publicKey, { name: "X25519" }, false, []);
		shared = new Uint8Array(await subtle.deriveBits({ name: "X25519", public: peer },
			(await probeKey).privateKey, 256));
	}
	catch (error) {
		throw new CryptoError("The public key is a point of small order");
	}
	if (shared.every((b) => b === 0)) {
		throw new CryptoError("The public key is a point of small order");
	}
}

/** Opens a key envelope with the recipient's key pair; throws CryptoError on any mismatch. */
export async function openCaseKey(envelope, keyPair, binding) {
	const data = bytes(envelope, "envelope");
	checkHeader(data, SUITE_ENVELOPE, "Key envelope");
	if (data.length !== ENVELOPE_LENGTH) {
		throw new CryptoError("Key envelope has the wrong length");
	}
	const privateKey = privateKeys.get(keyPair);
	if (!privateKey) {
		throw new TypeError("keyPair must come from this module");
	}
	const info = envelopeInfo(binding).buffer;
	let raw;
	try {
		raw = await suite.open({ recipientKey: privateKey, enc: data.slice(2, 34).buffer, info },
			data.slice(34).buffer, ENVELOPE_HEADER.slice().buffer);
	}
	catch (error) {
		throw new CryptoError("Key envelope does not open: wrong recipient, binding or tampered data");
	}
	return caseKeyOf(new Uint8Array(raw));
}

// ---- passphrase-wrapped private keys ---------------------------------------------------

const SALT_LENGTH = 16;
const WRAPPED_TAIL = 32 + NONCE_LENGTH + 32 + TAG_LENGTH;

// The KDF header (version, suite, KDF id, parameters, salt) at the start of `data`.
function parseKdfHeader(data, what) {
	checkHeader(data, SUITE_WRAPPED_KEY, what);
	if (data.length < 3) {
		throw new CryptoError(`${what} is too short`);
	}
	if (data[2] === KDF_ARGON2ID) {
		throw new CryptoError("This key is wrapped with Argon2id, which this browser module does not implement");
	}
	if (data[2] !== KDF_PBKDF2) {
		throw new CryptoError(`${what} names an unknown KDF`);
	}
	if (data.length < 7 + SALT_LENGTH) {
		throw new CryptoError(`${what} is too short`);
	}
	const iterations = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(3);
	if (iterations < PBKDF2_MIN || iterations > PBKDF2_MAX) {
		throw new CryptoError(`${what} has KDF parameters out of bounds`);
	}
	return { iterations, saltOffset: 7, headerLength: 7 + SALT_LENGTH };
}

function parseWrapped(wrapped) {
	const data = bytes(wrapped, "wrapped");
	const header = parseKdfHeader(data, "Wrapped key");
	if (data.length !== header.headerLength + WRAPPED_TAIL) {
		throw new CryptoError("Wrapped key has the wrong length");
	}
	return { data, ...header };
}

async function stretch(passphrase, salt, iterations) {
	if (typeof passphrase !== "string") {
		throw new TypeError("passphrase must be a string");
	}
	if (passphrase.length === 0) {
		throw new CryptoError("Wrong passphrase: it is empty");
	}
	const key = await subtle.importKey("raw", encoder.encode(passphrase.normalize("NFC")), "PBKDF2", false,
		["deriveBits"]);
	const master = new Uint8Array(await subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations },
		key, 256));
	try {
		return {
			wrapKey: await hkdf(master, PASSPHRASE_SALT, "key-wrap"),
			loginSecret: await hkdf(master, PASSPHRASE_SALT, "login"),
		};
	}
	finally {
		master.fill(0);
	}
}

/**
 * Wraps a private key under a passphrase with PBKDF2-SHA256 (600 000 iterations unless
 * options.iterations is higher). Returns the wrapped key and the log-in secret, two
 * independent HKDF outputs of the one slow derivation.
 */
export async function wrapPrivateKey(keyPair, passphrase, options = {}) {
	const privateKey = privateKeys.get(keyPair);
	if (!privateKey) {
		throw new TypeError("keyPair must come from this module");
	}
	const iterations = options.iterations ?? PBKDF2_MIN;
	if (!Number.isInteger(iterations) || iterations < PBKDF2_MIN || iterations > PBKDF2_MAX) {
		throw new TypeError("iterations must be between 600000 and 10000000");
	}
	const salt = randomBytes(16);
	const aad = concat(Uint8Array.of(VERSION, SUITE_WRAPPED_KEY, KDF_PBKDF2), u32(iterations), salt,
		keyPair.publicKey);
	if (typeof passphrase !== "string" || passphrase.length === 0) {
		throw new TypeError("An empty passphrase protects nothing");
	}
	const derived = await stretch(passphrase, salt, iterations);
	const aesKey = await subtle.importKey("raw", derived.wrapKey, "AES-GCM", false, ["encrypt"]);
	derived.wrapKey.fill(0);
	const nonce = randomBytes(NONCE_LENGTH);
	const secret = new Uint8Array(await suite.kem.serializePrivateKey(privateKey));
	const ct = new Uint8Array(await subtle.encrypt({ name: "AES-GCM", iv: nonce, additionalData: aad }, aesKey,
		secret));
	secret.fill(0);
	return { wrapped: concat(aad, nonce, ct), loginSecret: derived.loginSecret };
}

/** Unwraps a private key; throws CryptoError on a wrong passphrase or any changed byte. */
export async function unwrapPrivateKey(wrapped, passphrase) {
	const { data, iterations, saltOffset } = parseWrapped(wrapped);
	const salt = data.slice(saltOffset, saltOffset + 16);
	const publicKey = data.slice(saltOffset + 16, saltOffset + 48);
	const nonceOffset = saltOffset + 48;
	const derived = await stretch(passphrase, salt, iterations);
	const aesKey = await subtle.importKey("raw", derived.wrapKey, "AES-GCM", false, ["decrypt"]);
	derived.wrapKey.fill(0);
	let secret;
	try {
		secret = new Uint8Array(await subtle.decrypt(
			{ name: "AES-GCM", iv: data.slice(nonceOffset, nonceOffset + NONCE_LENGTH),
				additionalData: data.slice(0, nonceOffset) },
			aesKey, data.slice(nonceOffset + NONCE_LENGTH)));
	}
	catch (error) {
		throw new CryptoError("Wrong passphrase, or the wrapped key was changed");
	}
	const pair = await keyPairOfPrivate(await suite.kem.deserializePrivateKey(secret.buffer));
	secret.fill(0);
	if (!equalBytes(pair.publicKey, publicKey)) {
		throw new CryptoError("Wrapped key does not match its public key");
	}
	return pair;
}

/**
 * The log-in secret for a passphrase: the only value the server sees. Takes the KDF header
 * the server serves before log-in (bytes [0, 23) of a PBKDF2-wrapped key) or, equally, the
 * whole wrapped key.
 */
export async function deriveLoginSecret(kdfHeader, passphrase) {
	const data = bytes(kdfHeader, "kdfHeader");
	const { iterations, saltOffset, headerLength } = parseKdfHeader(data, "KDF header");
	if (data.length !== headerLength && data.length !== headerLength + WRAPPED_TAIL) {
		throw new CryptoError("KDF header has the wrong length");
	}
	const derived = await stretch(passphrase, data.slice(saltOffset, saltOffset + SALT_LENGTH), iterations);
	derived.wrapKey.fill(0);
	return derived.loginSecret;
}

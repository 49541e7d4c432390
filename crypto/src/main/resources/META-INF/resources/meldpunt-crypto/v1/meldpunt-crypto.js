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
const SUITE_WRAPPED_SIGNING_KEY = 0x04;
const SUITE_KEY_BOOK_ENTRY = 0x05;
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
export const ITEM_KINDS = Object.freeze(["REPORT", "MESSAGE", "NOTE", "ATTACHMENT_META", "ATTACHMENT_CHUNK",
	"PROPOSAL", "MINUTES", "DECISION", "MEETING_REQUEST"]);
/** What a case's symmetric key is for: the case key (reporter too) or the staff key (notes, staff only). */
export const KEY_PURPOSES = Object.freeze(["CASE", "STAFF"]);
const PURPOSE_LABELS = Object.freeze({ CASE: "case-key", STAFF: "staff-key" });
const MAX_EPOCH = 1000000;
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

/**
 * A case's 256-bit content key; opaque but for its purpose ("CASE" or "STAFF") and epoch
 * (0 for the case's first key, one more after each re-keying), which it binds into every
 * item it seals.
 */
class CaseKey {
	constructor(raw, aesKey, purpose, epoch) {
		caseKeys.set(this, { raw, aesKey });
		this.purpose = purpose;
		this.epoch = epoch;
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

// The original case key (CASE, epoch 0) keeps the v1 bytes; every other key appends
// lp(purpose label) || u32(epoch) to the associated data.
function keyed(aad, caseKey) {
	const { purpose, epoch } = caseKey;
	return purpose === "CASE" && epoch === 0 ? aad : concat(aad, text(PURPOSE_LABELS[purpose]), u32(epoch));
}

function itemAad(binding, kind, caseKey) {
	if (!ITEM_KINDS.includes(kind)) {
		throw new TypeError("kind must be one of " + ITEM_KINDS.join(", "));
	}
	return keyed(concat(ITEM_HEADER, text(LABEL), text(uuid(binding.organisationId, "organisationId")),
		text(uuid(binding.caseId, "caseId")), text(uuid(binding.itemId, "itemId")), text(kind)), caseKey);
}

function chunkAad(binding, index, last, caseKey) {
	return keyed(concat(itemAad(binding, "ATTACHMENT_CHUNK", ORIGINAL), u32(index), Uint8Array.of(last ? 1 : 0)),
		caseKey);
}

const ORIGINAL = Object.freeze({ purpose: "CASE", epoch: 0 });

function keyKind(options = {}) {
	const purpose = options.purpose ?? "CASE";
	const epoch = options.epoch ?? 0;
	if (!KEY_PURPOSES.includes(purpose)) {
		throw new TypeError("purpose must be one of " + KEY_PURPOSES.join(", "));
	}
	if (!Number.isInteger(epoch) || epoch < 0 || epoch > MAX_EPOCH) {
		throw new TypeError(`epoch must be an integer between 0 and ${MAX_EPOCH}`);
	}
	return { purpose, epoch };
}

// binding = { organisationId, caseId, recipientId, purpose?, epoch? }; purpose and epoch
// default to the original case key, whose info keeps the v1 bytes.
function envelopeInfo(binding) {
	const recipient = binding.recipientId === REPORTER ? REPORTER : uuid(binding.recipientId, "recipientId");
	const { purpose, epoch } = keyKind(binding);
	if (purpose === "STAFF" && recipient === REPORTER) {
		throw new TypeError("The staff key is never sealed to the reporter");
	}
	const info = concat(text(LABEL), text(PURPOSE_LABELS[purpose]), text(uuid(binding.organisationId, "organisationId")),
		text(uuid(binding.caseId, "caseId")), text(recipient));
	return purpose === "CASE" && epoch === 0 ? info : concat(info, u32(epoch));
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

// Crockford base32, most significant bits first; the bit length must be whole symbols.
function base32(data) {
	let out = "";
	let buffer = 0;
	let bits = 0;
	for (const b of data) {
		buffer = ((buffer << 8) | b) & 0xfff;
		bits += 8;
		while (bits >= 5) {
			out += ALPHABET[(buffer >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	return out;
}

// Reads exactly `length` bytes as people type them: case, "-" and spaces do not matter, O
// reads as 0, I and L as 1. Returns null on anything else.
function fromBase32(textValue, length) {
	if (typeof textValue !== "string" || textValue.length > 4 * length) {
		return null;
	}
	const out = new Uint8Array(length);
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
			return null;
		}
		buffer = ((buffer << 5) | value) & 0xfff;
		bits += 5;
		if (bits >= 8) {
			out[index++] = (buffer >>> (bits - 8)) & 0xff;
			bits -= 8;
		}
	}
	return index === out.length && bits === 0 ? out : null;
}

function encodeToken(entropy) {
	return base32(concat(entropy, crc32(entropy))).match(/.{4}/g).join("-");
}

function decodeToken(textValue) {
	const out = fromBase32(textValue, TOKEN_ENTROPY + 4);
	if (out === null) {
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

/**
 * A fresh random key: the original case key, or with options { purpose: "CASE"|"STAFF",
 * epoch } a case key after re-keying or a staff key.
 */
export async function newCaseKey(options = {}) {
	const { purpose, epoch } = keyKind(options);
	return caseKeyOf(randomBytes(32), purpose, epoch);
}

async function caseKeyOf(raw, purpose = "CASE", epoch = 0) {
	const aesKey = await subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
	return new CaseKey(raw, aesKey, purpose, epoch);
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
	if (caseKey.purpose === "STAFF" && binding.kind !== "NOTE") {
		throw new TypeError("A staff key seals internal notes only");
	}
	return seal(caseKey, plaintext, itemAad(binding, binding.kind, caseKey));
}

/** Decrypts one item; throws CryptoError unless key and binding are exactly right. */
export async function openItem(caseKey, ciphertext, binding) {
	if (binding.kind === "ATTACHMENT_CHUNK") {
		throw new TypeError("Attachment chunks are opened through openAttachment");
	}
	return open(caseKey, ciphertext, itemAad(binding, binding.kind, caseKey));
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
	if (caseKey.purpose === "STAFF") {
		throw new TypeError("A staff key seals internal notes only");
	}
	const target = attachmentBinding(binding);
	const count = Math.max(1, Math.ceil(data.length / CHUNK_SIZE));
	if (count > MAX_CHUNKS) {
		throw new TypeError("Attachment is too large");
	}
	const chunks = [];
	for (let i = 0; i < count; i++) {
		const part = data.subarray(i * CHUNK_SIZE, Math.min(data.length, (i + 1) * CHUNK_SIZE));
		chunks.push(await seal(caseKey, part, chunkAad(target, i, i === count - 1, caseKey)));
		onProgress?.(i + 1, count);
	}
	const result = { chunks };
	if (binding.name !== undefined || binding.type !== undefined) {
		const meta = JSON.stringify({ name: binding.name ?? "", type: binding.type ?? "", size: data.length });
		result.meta = await seal(caseKey, encoder.encode(meta), itemAad(target, "ATTACHMENT_META", caseKey));
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
		parts.push(await open(caseKey, chunks[i], chunkAad(target, i, last, caseKey)));
		onProgress?.(i + 1, chunks.length);
	}
	return concat(...parts);
}

/** Opens an attachment's meta item: { name, type, size }. */
export async function openAttachmentMeta(caseKey, meta, binding) {
	const plain = await open(caseKey, meta, itemAad(attachmentBinding(binding), "ATTACHMENT_META", caseKey));
	try {
		return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(plain));
	}
	catch (error) {
		throw new CryptoError("Attachment meta data is not valid");
	}
}

// ---- key envelopes ---------------------------------------------------------------------

/**
 * Seals the case key to a recipient; binding = { organisationId, caseId, recipientId,
 * purpose?, epoch? }, whose purpose and epoch (default "CASE", 0) must be the key's.
 */
export async function sealCaseKey(caseKey, recipientPublicKey, binding) {
	const kind = keyKind(binding);
	secretOf(caseKey);
	if (kind.purpose !== caseKey.purpose || kind.epoch !== caseKey.epoch) {
		throw new TypeError("The binding names another purpose or epoch than the key has");
	}
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

/**
 * Opens a key envelope with the recipient's key pair; throws CryptoError on any mismatch.
 * The key has the binding's purpose and epoch (default "CASE", 0).
 */
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
	const { purpose, epoch } = keyKind(binding);
	return caseKeyOf(new Uint8Array(raw), purpose, epoch);
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
			signingWrapKey: await hkdf(master, PASSPHRASE_SALT, "signing-key-wrap"),
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
	derived.signingWrapKey.fill(0);
	return { wrapped: concat(aad, nonce, ct), loginSecret: derived.loginSecret };
}

/** Unwraps a private key; throws CryptoError on a wrong passphrase or any changed byte. */
export async function unwrapPrivateKey(wrapped, passphrase) {
	const parsed = parseWrapped(wrapped);
	const derived = await stretchFor(parsed, passphrase);
	derived.signingWrapKey.fill(0);
	return openWrapped(parsed, derived);
}

function stretchFor(parsed, passphrase) {
	return stretch(passphrase, parsed.data.slice(parsed.saltOffset, parsed.saltOffset + SALT_LENGTH),
		parsed.iterations);
}

// bytes [0, 51+p) of a wrapped key: header, parameters, salt and public key
function wrappedAad(parsed) {
	return parsed.data.slice(0, parsed.saltOffset + SALT_LENGTH + 32);
}

async function openWrapped(parsed, derived) {
	const { data, saltOffset } = parsed;
	const publicKey = data.slice(saltOffset + 16, saltOffset + 48);
	const nonceOffset = saltOffset + 48;
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
	derived.signingWrapKey.fill(0);
	return derived.loginSecret;
}

// ---- signing keys (Ed25519, RFC 8032) --------------------------------------------------

const signingKeys = new WeakMap();
const ED25519 = { name: "Ed25519" };
const PKCS8_ED25519 = Uint8Array.of(0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04,
	0x22, 0x04, 0x20);
const WRAPPED_SIGNING_LENGTH = 2 + 32 + NONCE_LENGTH + 32 + TAG_LENGTH;
const hexBytes = (h) => Uint8Array.from(h.match(/../g), (x) => parseInt(x, 16));
// y coordinates of the eight points of small order (either sign bit): a key with one of them
// lets anyone forge its signatures. Same list as the Java side (internal/Ed25519.java).
const SMALL_ORDER_Y = ["0000000000000000000000000000000000000000000000000000000000000000",
	"0100000000000000000000000000000000000000000000000000000000000000",
	"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
	"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
	"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"].map(hexBytes);

/** An Ed25519 key pair for approving key-book entries; only `publicKey` (32 bytes) is visible. */
class SigningKeyPair {
	constructor(publicKey, privateKey) {
		this.publicKey = publicKey;
		signingKeys.set(this, privateKey);
		Object.freeze(this);
	}
}

/** Every refusal of a key book, entry, draft, approval or safety code; `reason` as in Java's KeyBookRefusal. */
export class KeyBookError extends CryptoError {
	constructor(reason, message) {
		super(message);
		this.name = "KeyBookError";
		this.reason = reason;
	}
}

export const KEY_BOOK_REFUSALS = Object.freeze(["MALFORMED", "WRONG_BOOK", "WRONG_SEQUENCE", "BROKEN_CHAIN",
	"BAD_GENESIS", "BAD_SIGNATURE", "NOT_A_SIGNER", "REMOVED_SIGNER", "DUPLICATE_APPROVAL", "THRESHOLD_NOT_MET",
	"DUPLICATE_RECIPIENT", "UNKNOWN_RECIPIENT", "WRONG_ROLE", "THRESHOLD_UNREACHABLE", "EMPTY_BOOK", "NOT_EXTENDED",
	"HOTLINE_NOT_PINNED", "SAFETY_CODE_TYPO"]);

function refuse(reason, message) {
	return new KeyBookError(reason, message);
}

// 32 bytes, canonical y (below 2^255 - 19), not of small order: the Java rule.
function checkSigningPublicKey(value) {
	const key = bytes(value, "signingPublicKey");
	if (key.length !== 32) {
		throw new CryptoError("A signing public key is 32 bytes");
	}
	const y = key.slice();
	y[31] &= 0x7f;
	if (y[31] === 0x7f && y[0] >= 0xed && y.subarray(1, 31).every((b) => b === 0xff)) {
		throw new CryptoError("The signing public key is not canonically encoded");
	}
	if (SMALL_ORDER_Y.some((small) => equalBytes(small, y))) {
		throw new CryptoError("The signing public key is a point of small order");
	}
	return key;
}

async function signingPairOf(privateKey) {
	const jwk = await subtle.exportKey("jwk", privateKey);
	const publicKey = Uint8Array.from(atob(jwk.x.replaceAll("-", "+").replaceAll("_", "/")), (c) => c.charCodeAt(0));
	return new SigningKeyPair(publicKey, privateKey);
}

/** A fresh Ed25519 key pair, made next to the X25519 key pair at enrolment. */
export async function generateSigningKeyPair() {
	const pair = await subtle.generateKey(ED25519, true, ["sign", "verify"]);
	return new SigningKeyPair(new Uint8Array(await subtle.exportKey("raw", pair.publicKey)), pair.privateKey);
}

async function fingerprintOf(label, ...parts) {
	const digest = new Uint8Array(await subtle.digest("SHA-256", concat(text(label), ...parts))).slice(0, 16);
	return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("").toUpperCase().match(/.{4}/g).join(" ");
}

/** A signing key's own fingerprint (label "meldpunt/v1/signing-key"). */
export async function signingFingerprint(signingPublicKey) {
	return fingerprintOf("meldpunt/v1/signing-key", checkSigningPublicKey(signingPublicKey));
}

/**
 * What a person compares out of band before approving a recipient: both public keys in one
 * fingerprint (label "meldpunt/v1/recipient"), 8 groups of 4 upper-case hex digits.
 */
export async function recipientFingerprint(publicKey, signingPublicKey) {
	const key = bytes(publicKey, "publicKey");
	if (key.length !== 32) {
		throw new CryptoError("A public key is 32 bytes");
	}
	return fingerprintOf("meldpunt/v1/recipient", key, checkSigningPublicKey(signingPublicKey));
}

function signingAad(companion, signingPublicKey) {
	return concat(Uint8Array.of(VERSION, SUITE_WRAPPED_SIGNING_KEY), wrappedAad(companion), signingPublicKey);
}

/**
 * Wraps a signing key beside `wrapped` (the same recipient's wrapped X25519 key) under the
 * same passphrase; fails if the passphrase does not open `wrapped`. -> Uint8Array (94 bytes)
 */
export async function wrapSigningKey(signingKeyPair, wrapped, passphrase) {
	const privateKey = signingKeys.get(signingKeyPair);
	if (!privateKey) {
		throw new TypeError("signingKeyPair must come from this module");
	}
	const companion = parseWrapped(wrapped);
	const derived = await stretchFor(companion, passphrase);
	try {
		await openWrapped(companion, { wrapKey: derived.wrapKey });
		const aesKey = await subtle.importKey("raw", derived.signingWrapKey, "AES-GCM", false, ["encrypt"]);
		const nonce = randomBytes(NONCE_LENGTH);
		const seed = new Uint8Array(await subtle.exportKey("pkcs8", privateKey)).slice(-32);
		const ct = new Uint8Array(await subtle.encrypt(
			{ name: "AES-GCM", iv: nonce, additionalData: signingAad(companion, signingKeyPair.publicKey) }, aesKey, seed));
		seed.fill(0);
		return concat(Uint8Array.of(VERSION, SUITE_WRAPPED_SIGNING_KEY), signingKeyPair.publicKey, nonce, ct);
	}
	finally {
		derived.wrapKey.fill(0);
		derived.signingWrapKey.fill(0);
	}
}

function parseWrappedSigning(value) {
	const data = bytes(value, "wrappedSigningKey");
	checkHeader(data, SUITE_WRAPPED_SIGNING_KEY, "Wrapped signing key");
	if (data.length !== WRAPPED_SIGNING_LENGTH) {
		throw new CryptoError("Wrapped signing key has the wrong length");
	}
	checkSigningPublicKey(data.subarray(2, 34));
	return data;
}

async function openWrappedSigning(data, companion, signingWrapKey) {
	const publicKey = data.slice(2, 34);
	const aesKey = await subtle.importKey("raw", signingWrapKey, "AES-GCM", false, ["decrypt"]);
	signingWrapKey.fill(0);
	let seed;
	try {
		seed = new Uint8Array(await subtle.decrypt(
			{ name: "AES-GCM", iv: data.slice(34, 46), additionalData: signingAad(companion, publicKey) }, aesKey,
			data.slice(46)));
	}
	catch (error) {
		throw new CryptoError("Wrong passphrase, or the wrapped signing key was changed or moved");
	}
	const privateKey = await subtle.importKey("pkcs8", concat(PKCS8_ED25519, seed), ED25519, true, ["sign"]);
	seed.fill(0);
	const pair = await signingPairOf(privateKey);
	if (!equalBytes(pair.publicKey, publicKey)) {
		throw new CryptoError("Wrapped signing key does not match its public key");
	}
	return pair;
}

/** Unwraps a signing key beside its companion wrapped X25519 key. */
export async function unwrapSigningKey(wrappedSigningKey, wrapped, passphrase) {
	const data = parseWrappedSigning(wrappedSigningKey);
	const companion = parseWrapped(wrapped);
	const derived = await stretchFor(companion, passphrase);
	derived.wrapKey.fill(0);
	return openWrappedSigning(data, companion, derived.signingWrapKey);
}

/** Both keys with one slow derivation: -> { keyPair, signingKeyPair }. */
export async function unwrapRecipientKeys(wrapped, wrappedSigningKey, passphrase) {
	const data = parseWrappedSigning(wrappedSigningKey);
	const companion = parseWrapped(wrapped);
	const derived = await stretchFor(companion, passphrase);
	const keyPair = await openWrapped(companion, derived);
	return { keyPair, signingKeyPair: await openWrappedSigning(data, companion, derived.signingWrapKey) };
}

// ---- key book --------------------------------------------------------------------------

const ROLES = Object.freeze({ ADVISER: 1, HOTLINE: 2 });
const CHANGE_TYPES = Object.freeze(["GENESIS", "RECIPIENT_ADDED", "RECIPIENT_REMOVED", "THRESHOLD_CHANGED",
	"HOTLINE_PINNED", "HOTLINE_UNPINNED"]);
export const KEY_BOOK_CHANGES = CHANGE_TYPES;
const HEAD_LABEL = "meldpunt/v1/key-book-head";
const APPROVAL_LABEL = "meldpunt/v1/key-book-approval";
const MAX_ENTRY_LENGTH = 8192;
const MAX_ENTRIES = 100000;
/** Most approvals on one entry, and the highest threshold. */
export const MAX_APPROVALS = 32;
const NO_HEAD = new Uint8Array(32);
const decoder = new TextDecoder("utf-8", { fatal: true });

function checkDisplayName(name) {
	if (typeof name !== "string") {
		throw new TypeError("displayName must be a string");
	}
	const length = [...name].length;
	if (length === 0 || length > 64 || encoder.encode(name).length > 256) {
		throw new TypeError("A display name has 1 to 64 characters");
	}
	if (name.normalize("NFC") !== name) {
		throw new TypeError("A display name must be in Unicode NFC");
	}
	if (name.startsWith(" ") || name.endsWith(" ") || name.includes("  ")) {
		throw new TypeError("A display name has single spaces between words only");
	}
	if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u.test(name) || /[^\P{Zs} ]/u.test(name)) {
		throw new TypeError("A display name has no control, format or special space characters");
	}
	return name;
}

const nameKey = (name) => name.normalize("NFKC").toLowerCase();

function u32Of(value, what) {
	if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
		throw new TypeError(`${what} must be an integer 0..2^32-1`);
	}
	return u32(value);
}

function memberBytes(member) {
	const role = ROLES[member.role];
	if (!role) {
		throw new TypeError("role must be ADVISER or HOTLINE");
	}
	const hotline = member.hotlineId ?? "";
	if ((member.role === "HOTLINE") !== (hotline !== "")) {
		throw new TypeError("A hotline handler names its hotline; an adviser names none");
	}
	const publicKey = bytes(member.publicKey, "publicKey");
	if (publicKey.length !== 32) {
		throw new TypeError("A public key is 32 bytes");
	}
	return concat(text(uuid(member.recipientId, "recipientId")), Uint8Array.of(role),
		text(checkDisplayName(member.displayName)), text(hotline === "" ? "" : uuid(hotline, "hotlineId")), publicKey,
		checkSigningPublicKey(member.signingPublicKey));
}

function changeBytes(change) {
	switch (change.type) {
		case "GENESIS":
		case "RECIPIENT_ADDED":
			return memberBytes(change.member);
		case "RECIPIENT_REMOVED":
			return text(uuid(change.recipientId, "recipientId"));
		case "THRESHOLD_CHANGED":
			if (!Number.isInteger(change.threshold) || change.threshold < 0 || change.threshold > MAX_APPROVALS) {
				throw new TypeError(`A threshold is 0 (the default rule) or 1 to ${MAX_APPROVALS}`);
			}
			return Uint8Array.of(change.threshold);
		case "HOTLINE_PINNED": {
			const hash = bytes(change.head?.hash, "head.hash");
			if (hash.length !== 32) {
				throw new TypeError("A head hash is 32 bytes");
			}
			return concat(text(uuid(change.hotlineId, "hotlineId")), u32Of(change.head.sequence, "head.sequence"), hash);
		}
		case "HOTLINE_UNPINNED":
			return text(uuid(change.hotlineId, "hotlineId"));
		default:
			throw new TypeError("type must be one of " + CHANGE_TYPES.join(", "));
	}
}

function encodeBody(organisationId, hotlineId, sequence, previous, change) {
	return concat(Uint8Array.of(VERSION, SUITE_KEY_BOOK_ENTRY), text(uuid(organisationId, "organisationId")),
		text(hotlineId ? uuid(hotlineId, "hotlineId") : ""), u32Of(sequence, "sequence"), previous,
		Uint8Array.of(CHANGE_TYPES.indexOf(change.type) + 1), changeBytes(change));
}

const approvalMessage = (body) => concat(text(APPROVAL_LABEL), body);

async function headOf(body) {
	return new Uint8Array(await subtle.digest("SHA-256", concat(text(HEAD_LABEL), body)));
}

// A reader of the canonical bytes: every shortfall, bad field or leftover byte is MALFORMED.
class Reader {
	constructor(data, what) {
		this.data = data;
		this.at = 2;
		this.what = what;
	}

	need(n) {
		if (this.data.length - this.at < n) {
			throw refuse("MALFORMED", `${this.what} is too short`);
		}
	}

	u8() {
		this.need(1);
		return this.data[this.at++];
	}

	u32() {
		this.need(4);
		const v = new DataView(this.data.buffer, this.data.byteOffset + this.at, 4).getUint32(0);
		this.at += 4;
		return v;
	}

	take(n) {
		this.need(n);
		const out = this.data.slice(this.at, this.at + n);
		this.at += n;
		return out;
	}

	text(max) {
		const length = (this.u8() << 8) | this.u8();
		if (length > max) {
			throw refuse("MALFORMED", `${this.what} has a field that is too long`);
		}
		try {
			return decoder.decode(this.take(length));
		}
		catch (error) {
			if (error instanceof KeyBookError) {
				throw error;
			}
			throw refuse("MALFORMED", `${this.what} has a field that is not UTF-8`);
		}
	}

	uuid(what, optional = false) {
		const value = this.text(36);
		if (optional && value === "") {
			return null;
		}
		if (!UUID.test(value)) {
			throw refuse("MALFORMED", `Key-book entry has a ${what} id that is not a lower-case UUID`);
		}
		return value;
	}
}

function readMember(r) {
	const recipientId = r.uuid("recipient");
	const role = r.u8();
	const displayName = r.text(256);
	const hotlineId = r.uuid("hotline", true);
	const publicKey = r.take(32);
	const signingPublicKey = r.take(32);
	const roleName = Object.keys(ROLES).find((k) => ROLES[k] === role);
	const member = { recipientId, role: roleName, displayName, hotlineId, publicKey, signingPublicKey };
	try {
		if (!roleName) {
			throw new TypeError("unknown role");
		}
		memberBytes(member);
	}
	catch (error) {
		throw refuse("MALFORMED", `Key-book entry has an invalid member: ${error.message}`);
	}
	return member;
}

function readBody(data, what) {
	if (data.length > MAX_ENTRY_LENGTH) {
		throw refuse("MALFORMED", `${what} is too long`);
	}
	try {
		checkHeader(data, SUITE_KEY_BOOK_ENTRY, what);
	}
	catch (error) {
		throw refuse("MALFORMED", error.message);
	}
	const r = new Reader(data, what);
	const organisationId = r.uuid("organisation");
	const hotlineId = r.uuid("hotline", true);
	const sequence = r.u32();
	const previous = r.take(32);
	const type = CHANGE_TYPES[r.u8() - 1];
	let change;
	switch (type) {
		case "GENESIS":
		case "RECIPIENT_ADDED":
			change = { type, member: readMember(r) };
			break;
		case "RECIPIENT_REMOVED":
			change = { type, recipientId: r.uuid("recipient") };
			break;
		case "THRESHOLD_CHANGED":
			change = { type, threshold: r.u8() };
			if (change.threshold > MAX_APPROVALS) {
				throw refuse("MALFORMED", "Key-book entry sets a threshold out of bounds");
			}
			break;
		case "HOTLINE_PINNED":
			change = { type, hotlineId: r.uuid("hotline"), head: { sequence: r.u32(), hash: r.take(32) } };
			break;
		case "HOTLINE_UNPINNED":
			change = { type, hotlineId: r.uuid("hotline") };
			break;
		default:
			throw refuse("MALFORMED", `${what} has an unknown type`);
	}
	return { r, body: { bytes: data.slice(0, r.at), organisationId, hotlineId, sequence, previous, change } };
}

function parseEntry(value) {
	const data = bytes(value, "entry");
	const { r, body } = readBody(data, "Key-book entry");
	const count = r.u8();
	if (count === 0 || count > MAX_APPROVALS) {
		throw refuse("MALFORMED", "Key-book entry carries no approvals or too many");
	}
	const approvals = [];
	let last = "";
	for (let i = 0; i < count; i++) {
		const signerId = r.uuid("signer");
		if (signerId < last) {
			throw refuse("MALFORMED", "Key-book entry lists its approvals out of order");
		}
		last = signerId;
		approvals.push({ signerId, signature: r.take(64) });
	}
	if (r.at !== data.length) {
		throw refuse("MALFORMED", "Key-book entry has trailing bytes");
	}
	return { body, approvals };
}

/** What a draft says (show `change` before approving): { organisationId, hotlineId, sequence, change }. */
export function parseKeyBookDraft(draft) {
	const data = bytes(draft, "draft");
	const { r, body } = readBody(data, "Key-book draft");
	if (r.at !== data.length) {
		throw refuse("MALFORMED", "Key-book draft has trailing bytes");
	}
	return Object.freeze({ organisationId: body.organisationId, hotlineId: body.hotlineId, sequence: body.sequence,
		change: body.change });
}

/** The entry: a draft with its approvals ({ signerId, signature }), put in signer order. */
export function assembleKeyBookEntry(draft, approvals) {
	const body = bytes(draft, "draft");
	if (!Array.isArray(approvals) || approvals.length === 0 || approvals.length > MAX_APPROVALS) {
		throw new TypeError(`An entry carries 1 to ${MAX_APPROVALS} approvals`);
	}
	const sorted = [...approvals].sort((a, b) => (a.signerId < b.signerId ? -1 : a.signerId > b.signerId ? 1 : 0));
	const parts = [body, Uint8Array.of(sorted.length)];
	for (const approval of sorted) {
		const signature = bytes(approval.signature, "signature");
		if (signature.length !== 64) {
			throw new TypeError("A signature is 64 bytes");
		}
		parts.push(text(uuid(approval.signerId, "signerId")), signature);
	}
	return concat(...parts);
}

async function verifies(signingPublicKey, message, signature) {
	try {
		const key = await subtle.importKey("raw", signingPublicKey, ED25519, false, ["verify"]);
		return await subtle.verify(ED25519, key, signature, message);
	}
	catch (error) {
		return false;
	}
}

async function sign(signingKeyPair, message) {
	const privateKey = signingKeys.get(signingKeyPair);
	if (!privateKey) {
		throw new TypeError("signingKeyPair must come from this module");
	}
	return new Uint8Array(await subtle.sign(ED25519, privateKey, message));
}

const toHex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");

/** The first entry of a book: `member` alone, signed by its own signing key pair. */
export async function keyBookGenesis(organisationId, member, signingKeyPair) {
	if (!equalBytes(bytes(member.signingPublicKey, "signingPublicKey"), signingKeyPair.publicKey)) {
		throw new TypeError("The genesis is signed by its own member's signing key");
	}
	const body = encodeBody(organisationId, member.hotlineId ?? null, 0, NO_HEAD, { type: "GENESIS", member });
	return assembleKeyBookEntry(body,
		[{ signerId: member.recipientId, signature: await sign(signingKeyPair, approvalMessage(body)) }]);
}

// The mutable fold behind a KeyBook; a KeyBook holds one that is never changed again.
class BookState {
	constructor(organisationId, hotlineId) {
		this.organisationId = organisationId;
		this.hotlineId = hotlineId;
		this.heads = [];
		this.members = new Map();
		this.everMembers = new Set();
		this.everKeys = new Set();
		this.pins = new Map();
		this.explicitThreshold = 0;
	}

	copy() {
		const c = new BookState(this.organisationId, this.hotlineId);
		c.heads = [...this.heads];
		c.members = new Map(this.members);
		c.everMembers = new Set(this.everMembers);
		c.everKeys = new Set(this.everKeys);
		c.pins = new Map([...this.pins].map(([k, v]) => [k, [...v]]));
		c.explicitThreshold = this.explicitThreshold;
		return c;
	}

	threshold() {
		return this.explicitThreshold > 0 ? this.explicitThreshold : Math.min(2, this.members.size);
	}

	checkPosition(body) {
		if (body.organisationId !== this.organisationId || body.hotlineId !== this.hotlineId) {
			throw refuse("WRONG_BOOK", "The entry belongs to another organisation's or hotline's key book");
		}
		if (body.sequence !== this.heads.length) {
			throw refuse("WRONG_SEQUENCE", `The entry has number ${body.sequence} where ${this.heads.length} comes next: ` +
				"an entry is missing, repeated or moved");
		}
		const previous = this.heads.length === 0 ? NO_HEAD : this.heads[this.heads.length - 1].hash;
		if (!equalBytes(previous, body.previous)) {
			throw refuse("BROKEN_CHAIN", "The entry does not follow the head before it: the history was rewritten");
		}
	}

	signer(signerId) {
		const member = this.members.get(signerId);
		if (member) {
			return member;
		}
		if (this.everMembers.has(signerId)) {
			throw refuse("REMOVED_SIGNER", "An approval by a removed approver counts for nothing");
		}
		throw refuse("NOT_A_SIGNER", "An approval by someone who is no approver");
	}

	async append(value) {
		if (this.heads.length >= MAX_ENTRIES) {
			throw refuse("MALFORMED", "The key book has too many entries");
		}
		try {
			const { body, approvals } = parseEntry(value);
			this.checkPosition(body);
			const message = approvalMessage(body.bytes);
			if (body.change.type === "GENESIS") {
				if (this.heads.length !== 0) {
					throw refuse("BAD_GENESIS", "A genesis cannot follow other entries");
				}
				const member = body.change.member;
				if (approvals.length !== 1 || approvals[0].signerId !== member.recipientId) {
					throw refuse("BAD_GENESIS", "A genesis is signed by its own member alone");
				}
				if (!await verifies(member.signingPublicKey, message, approvals[0].signature)) {
					throw refuse("BAD_SIGNATURE", "The genesis signature does not verify");
				}
			}
			else if (this.heads.length === 0) {
				throw refuse("BAD_GENESIS", "The first entry is not a genesis");
			}
			else {
				const seen = new Set();
				for (const approval of approvals) {
					if (seen.has(approval.signerId)) {
						throw refuse("DUPLICATE_APPROVAL", "The same approver signed the entry twice");
					}
					seen.add(approval.signerId);
				}
				for (const approval of approvals) {
					if (!await verifies(this.signer(approval.signerId).signingPublicKey, message, approval.signature)) {
						throw refuse("BAD_SIGNATURE", "An approval's signature does not verify: forged or changed");
					}
				}
				if (approvals.length < this.threshold()) {
					throw refuse("THRESHOLD_NOT_MET",
						`The entry carries ${approvals.length} approvals where ${this.threshold()} are needed`);
				}
			}
			await this.apply(body.change);
			this.heads.push(Object.freeze({ sequence: body.sequence, hash: await headOf(body.bytes) }));
		}
		catch (error) {
			if (error instanceof KeyBookError) {
				throw refuse(error.reason, `Key-book entry ${this.heads.length}: ${error.message}`);
			}
			throw error;
		}
	}

	async apply(change) {
		switch (change.type) {
			case "GENESIS":
			case "RECIPIENT_ADDED":
				return this.add(change.member);
			case "RECIPIENT_REMOVED": {
				if (!this.members.has(change.recipientId)) {
					throw refuse("UNKNOWN_RECIPIENT", "This recipient is not a current member");
				}
				const remaining = this.members.size - 1;
				if (remaining === 0 || this.explicitThreshold > remaining) {
					throw refuse("THRESHOLD_UNREACHABLE", "The removal would leave fewer approvers than the threshold needs");
				}
				this.members.delete(change.recipientId);
				return undefined;
			}
			case "THRESHOLD_CHANGED":
				if (change.threshold > this.members.size) {
					throw refuse("THRESHOLD_UNREACHABLE", "The threshold is higher than the number of approvers");
				}
				this.explicitThreshold = change.threshold;
				return undefined;
			case "HOTLINE_PINNED":
				this.organisationBookOnly();
				if (!this.pins.has(change.hotlineId)) {
					this.pins.set(change.hotlineId, []);
				}
				this.pins.get(change.hotlineId).push(Object.freeze({ sequence: change.head.sequence,
					hash: bytes(change.head.hash, "head.hash").slice() }));
				return undefined;
			case "HOTLINE_UNPINNED":
				this.organisationBookOnly();
				if (!this.pins.delete(change.hotlineId)) {
					throw refuse("HOTLINE_NOT_PINNED", "This hotline is not pinned");
				}
				return undefined;
			default:
				throw new TypeError("type must be one of " + CHANGE_TYPES.join(", "));
		}
	}

	organisationBookOnly() {
		if (this.hotlineId !== null) {
			throw refuse("WRONG_ROLE", "Only the organisation's book pins hotlines");
		}
	}

	async add(member) {
		if ((member.hotlineId ?? null) !== this.hotlineId) {
			throw refuse("WRONG_ROLE", "Advisers belong to the organisation's book, handlers to their own hotline's book");
		}
		if (this.everMembers.has(member.recipientId)) {
			throw refuse("DUPLICATE_RECIPIENT", "This recipient id is or was in the key book already");
		}
		const encryption = "x" + toHex(member.publicKey);
		const signing = "s" + toHex(member.signingPublicKey);
		if (this.everKeys.has(encryption) || this.everKeys.has(signing)) {
			throw refuse("DUPLICATE_RECIPIENT", "One of these keys is or was in the key book already");
		}
		const key = nameKey(member.displayName);
		for (const current of this.members.values()) {
			if (nameKey(current.displayName) === key) {
				throw refuse("DUPLICATE_RECIPIENT", "A current member has the same display name");
			}
		}
		const frozen = Object.freeze({ recipientId: member.recipientId, role: member.role,
			displayName: member.displayName, hotlineId: member.hotlineId ?? null,
			publicKey: bytes(member.publicKey, "publicKey").slice(),
			signingPublicKey: bytes(member.signingPublicKey, "signingPublicKey").slice(),
			fingerprint: await recipientFingerprint(member.publicKey, member.signingPublicKey) });
		this.members.set(member.recipientId, frozen);
		this.everMembers.add(member.recipientId);
		this.everKeys.add(encryption);
		this.everKeys.add(signing);
	}
}

const states = new WeakMap();

/**
 * A verified key book (made only by verifyKeyBook or append): who the route's recipients
 * are, its head, its safety code. Immutable.
 */
class KeyBook {
	constructor(state) {
		states.set(this, state);
		this.organisationId = state.organisationId;
		this.hotlineId = state.hotlineId;
		this.length = state.heads.length;
		this.head = state.heads[state.heads.length - 1];
		/** Current members in the order they joined (all approvers of this book). */
		this.members = Object.freeze([...state.members.values()]);
		/** How many approvals the next entry needs. */
		this.threshold = state.threshold();
		/** hotlineId -> latest pinned head (organisation's book only). */
		this.pinnedHotlines = Object.freeze(Object.fromEntries([...state.pins].map(([k, v]) => [k, v[v.length - 1]])));
		this.safetyCode = safetyCodeOf(this.head);
		Object.freeze(this);
	}

	/** This book with one more entry, verified against this state. */
	async append(entry) {
		const next = states.get(this).copy();
		await next.append(entry);
		return new KeyBook(next);
	}

	/** The draft (Uint8Array) of the next entry, after checking that `change` is allowed now. */
	async propose(change) {
		if (change?.type === "GENESIS") {
			throw new TypeError("A genesis is made by keyBookGenesis, only for a new book");
		}
		const state = states.get(this);
		const body = encodeBody(state.organisationId, state.hotlineId, this.length, this.head.hash, change);
		await state.copy().apply(readBody(body, "Key-book draft").body.change);
		return body;
	}

	async checkFits(draft) {
		const data = bytes(draft, "draft");
		const { r, body } = readBody(data, "Key-book draft");
		if (r.at !== data.length) {
			throw refuse("MALFORMED", "Key-book draft has trailing bytes");
		}
		const state = states.get(this);
		state.checkPosition(body);
		if (body.change.type === "GENESIS") {
			throw refuse("BAD_GENESIS", "A genesis cannot follow other entries");
		}
		await state.copy().apply(body.change);
		return body;
	}

	/**
	 * Signs `draft` as `signerId` after checking that it continues this very book and its
	 * change is allowed: -> { signerId, signature }. Show the change (and compare a newcomer's
	 * fingerprint out of band) before calling it.
	 */
	async approve(draft, signerId, signingKeyPair) {
		const body = await this.checkFits(draft);
		const signer = states.get(this).signer(signerId);
		if (!equalBytes(signer.signingPublicKey, signingKeyPair.publicKey)) {
			throw refuse("NOT_A_SIGNER", "This signing key is not the one the key book lists for the approver");
		}
		return Object.freeze({ signerId, signature: await sign(signingKeyPair, approvalMessage(body.bytes)) });
	}

	/** Checks one approval ({ signerId, signature }) as it arrives. */
	async checkApproval(draft, approval) {
		const body = await this.checkFits(draft);
		const signer = states.get(this).signer(approval.signerId);
		if (!await verifies(signer.signingPublicKey, approvalMessage(body.bytes), bytes(approval.signature, "signature"))) {
			throw refuse("BAD_SIGNATURE", "The approval's signature does not verify");
		}
	}

	/** The head after entry `sequence`, or null. */
	headAt(sequence) {
		return states.get(this).heads[sequence] ?? null;
	}

	/** Whether `head` ({ sequence, hash }) is this book's head after its sequence. */
	extendsHead(head) {
		const mine = this.headAt(head?.sequence);
		return mine !== null && equalBytes(mine.hash, bytes(head.hash, "head.hash"));
	}

	/** Throws KeyBookError NOT_EXTENDED unless this book extends `head`. */
	requireExtends(head) {
		if (!this.extendsHead(head)) {
			throw refuse("NOT_EXTENDED", "The key book does not extend the head it was compared with: its history changed");
		}
	}

	/**
	 * The head a published safety code names, if it is this book's head or an earlier one;
	 * throws KeyBookError SAFETY_CODE_TYPO or NOT_EXTENDED.
	 */
	requireContains(code) {
		const wanted = parseSafetyCode(code);
		const heads = states.get(this).heads;
		for (let i = heads.length - 1; i >= 0; i--) {
			if (safetyCodeOf(heads[i]).url === wanted) {
				return heads[i];
			}
		}
		throw refuse("NOT_EXTENDED", "The key book does not match the organisation's published safety code");
	}

	/** The members of a pinned hotline, after checking its book against every pin. */
	hotlineMembers(hotlineBook) {
		if (this.hotlineId !== null || !(hotlineBook instanceof KeyBook) || hotlineBook.hotlineId === null ||
			hotlineBook.organisationId !== this.organisationId) {
			throw refuse("WRONG_BOOK", "Hotline members come from a hotline's book pinned in its organisation's book");
		}
		const pins = states.get(this).pins.get(hotlineBook.hotlineId);
		if (!pins) {
			throw refuse("HOTLINE_NOT_PINNED", "This hotline is not pinned in the organisation's key book");
		}
		for (const pin of pins) {
			if (!hotlineBook.extendsHead(pin)) {
				throw refuse("HOTLINE_NOT_PINNED", "The hotline's key book does not extend the head the organisation pinned");
			}
		}
		return hotlineBook.members;
	}
}

/**
 * Verifies a key book from its genesis: entries (Uint8Array[]) in order; options
 * { organisationId, hotlineId? } from the caller's own context. -> KeyBook; throws
 * KeyBookError with the reason of the first problem.
 */
export async function verifyKeyBook(entries, options) {
	const organisationId = uuid(options?.organisationId, "organisationId");
	const hotlineId = options.hotlineId ? uuid(options.hotlineId, "hotlineId") : null;
	if (!Array.isArray(entries) || entries.length === 0) {
		throw refuse("EMPTY_BOOK", "The key book has no entries");
	}
	if (entries.length > MAX_ENTRIES) {
		throw refuse("MALFORMED", "The key book has too many entries");
	}
	const state = new BookState(organisationId, hotlineId);
	for (const entry of entries) {
		await state.append(entry);
	}
	return new KeyBook(state);
}

// ---- safety code -----------------------------------------------------------------------

function crc24(data) {
	let crc = 0xb704ce;
	for (const b of data) {
		crc ^= b << 16;
		for (let i = 0; i < 8; i++) {
			crc <<= 1;
			if (crc & 0x1000000) {
				crc ^= 0x1864cfb;
			}
		}
	}
	return crc & 0xffffff;
}

function safetyCodeOf(head) {
	const prefix = head.hash.slice(0, 12);
	const crc = crc24(prefix);
	const url = base32(concat(prefix, Uint8Array.of(crc >>> 16, (crc >>> 8) & 0xff, crc & 0xff)));
	return Object.freeze({ printable: url.match(/.{4}/g).join("-"), url });
}

/** The safety code of a head ({ sequence, hash }): { printable: "XXXX-…" (6 groups), url: 24 symbols }. */
export function safetyCode(head) {
	const hash = bytes(head?.hash, "head.hash");
	if (hash.length !== 32) {
		throw new TypeError("A head hash is 32 bytes");
	}
	return safetyCodeOf({ hash });
}

/**
 * Reads a safety code as typed or carried in a link (#k=…): case, hyphens and spaces do not
 * matter, O reads as 0, I and L as 1. -> the canonical 24 symbols; throws KeyBookError
 * SAFETY_CODE_TYPO on a checksum miss or a wrong length.
 */
export function parseSafetyCode(textValue) {
	const out = fromBase32(textValue, 15);
	if (out === null) {
		throw refuse("SAFETY_CODE_TYPO", "This is not a complete safety code: check for a missing or extra character");
	}
	const crc = crc24(out.subarray(0, 12));
	if (!equalBytes(Uint8Array.of(crc >>> 16, (crc >>> 8) & 0xff, crc & 0xff), out.subarray(12))) {
		throw refuse("SAFETY_CODE_TYPO", "The safety code contains a typo: its checksum does not match");
	}
	return base32(out);
}

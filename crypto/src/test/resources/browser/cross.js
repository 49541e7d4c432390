// Runs in headless Chromium: the RFC 9180 vectors, the Java-sealed cross vectors, the token
// vectors, then seals a fresh case for Java to open. Posts { checks, failures, sealed }.
import * as m from "/meldpunt-crypto/v1/meldpunt-crypto.js";
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from "/meldpunt-crypto/v1/vendor/hpke-core.js";

const checks = [];
const failures = [];
const hex = (s) => Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));
const toHex = (b) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, "0")).join("");
const b64 = (s) => Uint8Array.from(atob(s.replaceAll("-", "+").replaceAll("_", "/")), (c) => c.charCodeAt(0));
const toB64 = (b) => {
	let s = "";
	for (let i = 0; i < b.length; i += 0x8000) {
		s += String.fromCharCode(...b.subarray(i, i + 0x8000));
	}
	return btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
};
const json = async (path) => (await fetch(path)).json();
const equal = (a, b, what) => {
	if (a !== b) {
		throw new Error(`${what}: ${a} != ${b}`);
	}
};

async function check(name, body) {
	try {
		await body();
		checks.push(name);
	}
	catch (error) {
		failures.push(`${name}: ${error && error.stack ? error.stack : error}`);
	}
}

async function rfc9180() {
	const v = (await json("/vectors/rfc9180-base-x25519-hkdfsha256-aes256gcm.json"))[0];
	const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
	const pair = await suite.kem.deriveKeyPair(hex(v.ikmR).buffer);
	equal(toHex(await suite.kem.serializePublicKey(pair.publicKey)), v.pkRm, "pkRm");
	const sender = await suite.createSenderContext({ recipientPublicKey: pair.publicKey, info: hex(v.info).buffer,
		ekm: hex(v.ikmE).buffer });
	equal(toHex(sender.enc), v.enc, "enc");
	for (const e of v.encryptions) {
		equal(toHex(await sender.seal(hex(e.pt).buffer, hex(e.aad).buffer)), e.ct, "ct");
	}
	const recipient = await suite.createRecipientContext({ recipientKey: pair.privateKey, enc: hex(v.enc).buffer,
		info: hex(v.info).buffer });
	for (const e of v.encryptions) {
		equal(toHex(await recipient.open(hex(e.ct).buffer, hex(e.aad).buffer)), e.pt, "pt");
	}
}

async function openJavaSealed() {
	const v = await json("/vectors/cross/java-sealed.json");
	const binding = (recipientId) => ({ organisationId: v.organisationId, caseId: v.caseId, recipientId });
	const reporter = await m.deriveReporter(v.token);
	equal(toB64(reporter.credential), v.credential, "credential");
	const fromReporter = await m.openCaseKey(b64(v.envelopes.reporter), reporter.keyPair, binding("reporter"));
	const adviser = await m.unwrapPrivateKey(b64(v.adviser.wrappedKey), v.adviser.passphrase.normalize("NFD"));
	equal(toB64(await m.deriveLoginSecret(b64(v.adviser.wrappedKey), v.adviser.passphrase)), v.adviser.loginSecret,
		"login secret");
	const fromAdviser = await m.openCaseKey(b64(v.envelopes.adviser), adviser, binding(v.adviserId));
	for (const caseKey of [fromReporter, fromAdviser]) {
		for (const item of v.items) {
			const plain = await m.openItem(caseKey, b64(item.ciphertext),
				{ organisationId: v.organisationId, caseId: v.caseId, itemId: item.itemId, kind: item.kind });
			equal(new TextDecoder().decode(plain), item.plaintext, "item");
		}
		const content = await m.openAttachment(caseKey, v.attachment.chunks.map(b64),
			{ organisationId: v.organisationId, caseId: v.caseId, attachmentId: v.attachment.attachmentId });
		equal(toB64(content), v.attachment.content, "attachment");
	}
}

async function tokenVectors() {
	for (const d of (await json("/vectors/token-vectors.json")).derivations) {
		const { credential, keyPair } = await m.deriveReporter(d.token.toLowerCase());
		equal(toHex(credential), d.credential, "credential");
		equal(toHex(keyPair.publicKey), d.reporterPublicKey, "reporter public key");
	}
	let typo = false;
	try {
		m.parseToken("0000-0000-0000-0000-0000-0000-03PB-PJTM");
	}
	catch (error) {
		typo = error instanceof m.TokenTypoError;
	}
	equal(typo, true, "typo caught");
}

async function sealForJava() {
	const f = await json("/fixture.json");
	const token = m.generateToken();
	const reporter = await m.deriveReporter(token);
	const caseKey = await m.newCaseKey();
	const item = { organisationId: f.organisationId, caseId: f.caseId, itemId: f.itemId, kind: "REPORT" };
	const report = await m.sealItem(caseKey, new TextEncoder().encode(f.text), item);
	const tampered = report.slice();
	tampered[20] ^= 1;
	let refused = false;
	try {
		await m.openItem(caseKey, tampered, item);
	}
	catch (error) {
		refused = error instanceof m.CryptoError;
	}
	equal(refused, true, "tampered item refused");
	const content = new Uint8Array(f.attachmentBytes);
	for (let i = 0; i < content.length; i++) {
		content[i] = (i * 31) & 0xff;
	}
	const attachment = await m.sealAttachment(caseKey, content,
		{ organisationId: f.organisationId, caseId: f.caseId, attachmentId: f.attachmentId, name: "scan.pdf",
			type: "application/pdf" });
	return {
		token,
		report: toB64(report),
		adviserEnvelope: toB64(await m.sealCaseKey(caseKey, b64(f.adviserPublicKey),
			{ organisationId: f.organisationId, caseId: f.caseId, recipientId: f.adviserId })),
		reporterEnvelope: toB64(await m.sealCaseKey(caseKey, reporter.keyPair.publicKey,
			{ organisationId: f.organisationId, caseId: f.caseId, recipientId: "reporter" })),
		chunks: attachment.chunks.map(toB64),
		meta: toB64(attachment.meta),
		fingerprint: await m.fingerprint(b64(f.adviserPublicKey)),
	};
}

let sealed = null;
await check("rfc9180", rfc9180);
await check("java-sealed", openJavaSealed);
await check("token-vectors", tokenVectors);
await check("seal-for-java", async () => {
	sealed = await sealForJava();
});
document.getElementById("status").textContent = failures.length ? "failed" : "passed";
await fetch("/result", { method: "POST", body: JSON.stringify({ userAgent: navigator.userAgent, checks, failures,
	sealed }) });

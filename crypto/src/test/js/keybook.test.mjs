// The key book, signing keys, safety codes and epochs in the browser module: the Java-made
// and the JS-made vectors (state, refusal reasons, signatures, wrapped keys, epoch and staff
// envelopes), RFC 8032 and Wycheproof for WebCrypto's Ed25519, and the refusals of the API.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { MODULE, hex, vectors, vectorsPath } from "./support.mjs";
import { HOTLINE, ORGANISATION, grow, makeBook, person } from "./keybook-support.mjs";

const m = await import(MODULE);
const { checkBookVectors } = await import(pathToFileURL(vectorsPath("../browser/keybook-check.js")).href);

async function refused(reason, promise) {
	await assert.rejects(promise, (error) => error instanceof m.KeyBookError && error.reason === reason);
}

for (const producer of ["java", "js"]) {
	test(`${producer}-books when checked by the browser module then same state, reasons and signatures`, async () => {
		const v = vectors(`keybook/${producer}-books.json`);
		assert.equal(v.producer, producer);
		const checks = await checkBookVectors(m, v);
		assert.deepEqual(checks.filter((c) => !c.startsWith("refusals")),
			["book", "hotline", "draft", "safety-codes", "epochs"]);
	});
}

test("Ed25519 when RFC 8032 and Wycheproof vectors then WebCrypto agrees with every expected result", async () => {
	const subtle = globalThis.crypto.subtle;
	const verify = async (pk, msg, sig) => {
		try {
			const key = await subtle.importKey("raw", hex(pk), { name: "Ed25519" }, false, ["verify"]);
			return await subtle.verify({ name: "Ed25519" }, key, hex(sig), hex(msg));
		}
		catch (error) {
			return false;
		}
	};
	assert.equal(await verify("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
		"e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
	true);
	const w = vectors("wycheproof-ed25519_test.json");
	const disagreements = [];
	let checked = 0;
	for (const group of w.testGroups) {
		for (const t of group.tests) {
			if (await verify(group.publicKey.pk, t.msg, t.sig) !== (t.result === "valid")) {
				disagreements.push(t.tcId);
			}
			checked++;
		}
	}
	assert.equal(checked, w.numberOfTests);
	assert.deepEqual(disagreements, []);
});

test("key book when built in the module then the default threshold rule, hotline pins and extension hold", async () => {
	const { book, entries, hotlineBook, people } = await makeBook(m);
	assert.equal(book.threshold, 2);
	assert.deepEqual(book.members.map((x) => x.displayName), ["Anna Adviseur", "Bram de Vries"]);
	assert.deepEqual(book.hotlineMembers(hotlineBook).map((x) => x.recipientId), [people.hanna.id, people.ivo.id]);
	const first = await m.verifyKeyBook(entries.slice(0, 2), { organisationId: ORGANISATION });
	book.requireExtends(first.head);
	assert.equal(first.threshold, 2);
	assert.match(book.safetyCode.printable, /^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
	assert.equal(book.requireContains(first.safetyCode.printable.toLowerCase()).sequence, 1);
	await refused("NOT_EXTENDED", (async () => first.requireExtends(book.head))());
	assert.ok(Object.isFrozen(book) && Object.isFrozen(book.members[0]));
});

test("key book when a change is not allowed then propose and approve refuse with the reason", async () => {
	const { book, people } = await makeBook(m);
	const { anna, bram, carla, dirk } = people;
	const lookAlike = { ...dirk.member(), displayName: "ANNA ADVISEUR" };
	await refused("DUPLICATE_RECIPIENT", book.propose({ type: "RECIPIENT_ADDED", member: lookAlike }));
	await refused("DUPLICATE_RECIPIENT", book.propose({ type: "RECIPIENT_ADDED", member: carla.member() }));
	await refused("UNKNOWN_RECIPIENT", book.propose({ type: "RECIPIENT_REMOVED", recipientId: dirk.id }));
	await refused("THRESHOLD_UNREACHABLE", book.propose({ type: "RECIPIENT_REMOVED", recipientId: bram.id }));
	await refused("THRESHOLD_UNREACHABLE", book.propose({ type: "THRESHOLD_CHANGED", threshold: 3 }));
	await refused("WRONG_ROLE", book.propose({ type: "RECIPIENT_ADDED", member: dirk.member(HOTLINE) }));
	const draft = await book.propose({ type: "RECIPIENT_ADDED", member: dirk.member() });
	await refused("REMOVED_SIGNER", book.approve(draft, carla.id, carla.signingKeyPair));
	await refused("NOT_A_SIGNER", book.approve(draft, dirk.id, dirk.signingKeyPair));
	await refused("NOT_A_SIGNER", book.approve(draft, anna.id, bram.signingKeyPair));
	const byAnna = await book.approve(draft, anna.id, anna.signingKeyPair);
	await refused("BAD_SIGNATURE", book.checkApproval(draft, { signerId: bram.id, signature: byAnna.signature }));
	const grown = await grow(m, book, [], { type: "THRESHOLD_CHANGED", threshold: 0 }, anna, bram);
	await refused("WRONG_SEQUENCE", grown.approve(draft, anna.id, anna.signingKeyPair));
	await assert.rejects(book.propose({ type: "GENESIS", member: dirk.member() }), TypeError);
	await assert.rejects(book.propose({ type: "RECIPIENT_ADDED", member: { ...dirk.member(), displayName: "Dirk\u202e" } }),
		TypeError);
});

test("key book entry when any byte flipped then refused with a reason", async () => {
	const { entries } = await makeBook(m);
	const base = await m.verifyKeyBook(entries.slice(0, 2), { organisationId: ORGANISATION });
	const entry = entries[2];
	for (let i = 0; i < entry.length; i++) {
		const tampered = entry.slice();
		tampered[i] ^= 0x01;
		await assert.rejects(base.append(tampered), (error) => error instanceof m.KeyBookError &&
			m.KEY_BOOK_REFUSALS.includes(error.reason), `byte ${i}`);
	}
	assert.equal((await base.append(entry)).length, 3);
});

test("key book parser when mutated at random (seeded) then only KeyBookError", async () => {
	const { entries } = await makeBook(m);
	const base = await m.verifyKeyBook(entries.slice(0, 2), { organisationId: ORGANISATION });
	let seed = 20261126;
	const random = (n) => {
		seed = (seed * 1103515245 + 12345) & 0x7fffffff;
		return seed % n;
	};
	for (let i = 0; i < 1500; i++) {
		const input = [...entries[2]];
		for (let k = 0; k <= random(4); k++) {
			const at = random(input.length + 1);
			const op = random(4);
			if (op === 0) {
				input[at % input.length] ^= 1 << random(8);
			}
			else if (op === 1) {
				input.splice(at, 0, random(256));
			}
			else if (op === 2) {
				input.splice(at % input.length, 1);
			}
			else {
				input.length = at % (input.length + 1);
			}
		}
		const bytes = Uint8Array.from(input);
		if (Buffer.from(bytes).equals(Buffer.from(entries[2]))) {
			continue;
		}
		await assert.rejects(base.append(bytes), m.KeyBookError, `case ${i}`);
		try {
			m.parseKeyBookDraft(bytes);
		}
		catch (error) {
			assert.ok(error instanceof m.KeyBookError, `draft case ${i}`);
		}
	}
});

test("safety code when mistyped then SAFETY_CODE_TYPO, when lower case or with O and L then the same code", async () => {
	const { book } = await makeBook(m);
	const url = book.safetyCode.url;
	assert.equal(m.parseSafetyCode(book.safetyCode.printable.toLowerCase().replaceAll("0", "o").replaceAll("1", "l")),
		url);
	const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	for (let i = 0; i < url.length; i++) {
		const typo = url.slice(0, i) + alphabet[(alphabet.indexOf(url[i]) + 7) % 32] + url.slice(i + 1);
		assert.throws(() => m.parseSafetyCode(typo), (error) => error.reason === "SAFETY_CODE_TYPO");
	}
	assert.throws(() => m.parseSafetyCode(url.slice(1)), (error) => error.reason === "SAFETY_CODE_TYPO");
	assert.throws(() => m.parseSafetyCode("\u00df" + url.slice(1)), (error) => error.reason === "SAFETY_CODE_TYPO");
});

test("signing key when wrapped beside the X25519 key then one passphrase opens both, nothing else does", async () => {
	const passphrase = "een lange geheime zin";
	const p = await person(m, "anna");
	const other = await m.wrapPrivateKey(await m.generateKeyPair(), passphrase);
	const { wrapped } = await m.wrapPrivateKey(p.keyPair, passphrase);
	const wrappedSigning = await m.wrapSigningKey(p.signingKeyPair, wrapped, passphrase);
	assert.equal(wrappedSigning.length, 94);
	const both = await m.unwrapRecipientKeys(wrapped, wrappedSigning, passphrase);
	assert.deepEqual(both.signingKeyPair.publicKey, p.signingKeyPair.publicKey);
	assert.deepEqual(both.keyPair.publicKey, p.keyPair.publicKey);
	assert.deepEqual((await m.unwrapSigningKey(wrappedSigning, wrapped, passphrase)).publicKey, p.signingKeyPair.publicKey);
	await assert.rejects(m.wrapSigningKey(p.signingKeyPair, wrapped, "een andere zin"), m.CryptoError);
	await assert.rejects(m.unwrapSigningKey(wrappedSigning, wrapped, "een andere zin"), m.CryptoError);
	await assert.rejects(m.unwrapSigningKey(wrappedSigning, other.wrapped, passphrase), m.CryptoError);
	for (const at of [10, 60]) {
		const tampered = wrappedSigning.slice();
		tampered[at] ^= 1;
		await assert.rejects(m.unwrapSigningKey(tampered, wrapped, passphrase), m.CryptoError, `byte ${at}`);
	}
	await assert.rejects(m.signingFingerprint(new Uint8Array(32)), m.CryptoError);
	assert.deepEqual(Object.keys(p.signingKeyPair), ["publicKey"]);
});

test("epochs and staff key when misused then refused; when right then only the matching key opens", async () => {
	const organisationId = ORGANISATION;
	const caseId = "5a7c9e1b-2d4f-4a6b-8c0d-e1f203142536";
	const recipientId = "c3d2e1f0-a9b8-4c7d-8e6f-504132231405";
	const adviser = await m.generateKeyPair();
	const staff = await m.newCaseKey({ purpose: "STAFF" });
	const epoch1 = await m.newCaseKey({ epoch: 1 });
	const message = { organisationId, caseId, itemId: recipientId, kind: "MESSAGE" };
	await assert.rejects(m.sealItem(staff, new Uint8Array(1), message), TypeError);
	await assert.rejects(m.sealCaseKey(staff, adviser.publicKey, { organisationId, caseId, recipientId: "reporter",
		purpose: "STAFF" }), TypeError);
	await assert.rejects(m.sealCaseKey(epoch1, adviser.publicKey, { organisationId, caseId, recipientId }), TypeError);
	const envelope = await m.sealCaseKey(epoch1, adviser.publicKey, { organisationId, caseId, recipientId, epoch: 1 });
	for (const wrong of [{}, { epoch: 2 }, { purpose: "STAFF", epoch: 1 }]) {
		await assert.rejects(m.openCaseKey(envelope, adviser, { organisationId, caseId, recipientId, ...wrong }),
			m.CryptoError);
	}
	const sealed = await m.sealItem(epoch1, new Uint8Array([1, 2, 3]), message);
	await assert.rejects(m.openItem(await m.newCaseKey(), sealed, message), m.CryptoError);
	const opened = await m.openCaseKey(envelope, adviser, { organisationId, caseId, recipientId, epoch: 1 });
	assert.deepEqual(await m.openItem(opened, sealed, message), new Uint8Array([1, 2, 3]));
	assert.deepEqual([opened.purpose, opened.epoch], ["CASE", 1]);
});

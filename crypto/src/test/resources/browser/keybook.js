// Runs in headless Chromium: checks the Java-made key-book vectors (state, refusal reasons,
// signatures, wrapped keys, epochs), then builds a book of its own (genesis, a second
// adviser, a threshold) and wraps a signing key for Java to check.
// Posts { checks, failures, built }.
import * as m from "/meldpunt-crypto/v1/meldpunt-crypto.js";
import { checkBookVectors } from "/browser/keybook-check.js";

const checks = [];
const failures = [];
const toB64 = (b) => btoa(String.fromCharCode(...b)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");

async function check(name, body) {
	try {
		await body();
		checks.push(name);
	}
	catch (error) {
		failures.push(`${name}: ${error && error.stack ? error.stack : error}`);
	}
}

async function build() {
	const f = await (await fetch("/fixture.json")).json();
	const people = [];
	for (const [id, displayName] of [[f.annaId, "Anna Adviseur"], [f.bramId, "Bram de Vries"]]) {
		const keyPair = await m.generateKeyPair();
		const signingKeyPair = await m.generateSigningKeyPair();
		people.push({ id, keyPair, signingKeyPair, member: { recipientId: id, role: "ADVISER", displayName, hotlineId: null,
			publicKey: keyPair.publicKey, signingPublicKey: signingKeyPair.publicKey } });
	}
	const [anna, bram] = people;
	const entries = [await m.keyBookGenesis(f.organisationId, anna.member, anna.signingKeyPair)];
	let book = await m.verifyKeyBook(entries, { organisationId: f.organisationId });
	for (const [change, signers] of [[{ type: "RECIPIENT_ADDED", member: bram.member }, [anna]],
		[{ type: "THRESHOLD_CHANGED", threshold: 1 }, [anna, bram]]]) {
		const draft = await book.propose(change);
		const approvals = [];
		for (const signer of signers) {
			approvals.push(await book.approve(draft, signer.id, signer.signingKeyPair));
		}
		entries.push(m.assembleKeyBookEntry(draft, approvals));
		book = await book.append(entries[entries.length - 1]);
	}
	const { wrapped } = await m.wrapPrivateKey(anna.keyPair, f.passphrase);
	return {
		entries: entries.map(toB64),
		safetyCode: book.safetyCode.printable,
		fingerprints: book.members.map((x) => x.fingerprint),
		wrappedKey: toB64(wrapped),
		wrappedSigningKey: toB64(await m.wrapSigningKey(anna.signingKeyPair, wrapped, f.passphrase)),
	};
}

let built = null;
await check("java-books", async () => {
	const v = await (await fetch("/vectors/keybook/java-books.json")).json();
	checks.push(...await checkBookVectors(m, v));
});
await check("build-for-java", async () => {
	built = await build();
});
document.getElementById("status").textContent = failures.length ? "failed" : "passed";
await fetch("/result", { method: "POST", body: JSON.stringify({ userAgent: navigator.userAgent, checks, failures,
	built }) });

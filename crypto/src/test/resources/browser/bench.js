// Timings of meldpunt-crypto.js in this browser; posted to /result for Benchmark.java.
import * as m from "/meldpunt-crypto/v1/meldpunt-crypto.js";

const org = "0b6f1c8e-3f5c-4d2a-9a51-1d2e3f405060";
const caseId = "5a7c9e1b-2d4f-4a6b-8c0d-e1f203142536";
const itemId = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
const results = {};

async function rate(name, body, millis = 1500) {
	for (let i = 0; i < 3; i++) {
		await body();
	}
	let count = 0;
	const start = performance.now();
	while (performance.now() - start < millis) {
		await body();
		count++;
	}
	results[name] = Math.round(count / ((performance.now() - start) / 1000));
}

async function time(name, body, runs = 5) {
	const times = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await body();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	results[name] = Math.round(times[Math.floor(times.length / 2)]);
}

try {
	const caseKey = await m.newCaseKey();
	const pair = await m.generateKeyPair();
	const item = { organisationId: org, caseId, itemId, kind: "MESSAGE" };
	const small = crypto.getRandomValues(new Uint8Array(1024));
	const sealedSmall = await m.sealItem(caseKey, small, item);
	await rate("item 1 KiB seal ops/s", () => m.sealItem(caseKey, small, item));
	await rate("item 1 KiB open ops/s", () => m.openItem(caseKey, sealedSmall, item));
	const big = new Uint8Array(10 * 1024 * 1024);
	for (let i = 0; i < big.length; i += 65536) {
		crypto.getRandomValues(big.subarray(i, i + 65536));
	}
	const attachment = { organisationId: org, caseId, attachmentId: itemId, name: "a.bin", type: "application/octet-stream" };
	await time("attachment 10 MiB seal ms (median of 5)", () => m.sealAttachment(caseKey, big, attachment));
	const { chunks } = await m.sealAttachment(caseKey, big, attachment);
	await time("attachment 10 MiB open ms (median of 5)", () => m.openAttachment(caseKey, chunks, attachment));
	const binding = { organisationId: org, caseId, recipientId: "reporter" };
	const envelope = await m.sealCaseKey(caseKey, pair.publicKey, binding);
	await rate("key envelope seal ops/s", () => m.sealCaseKey(caseKey, pair.publicKey, binding));
	await rate("key envelope open ops/s", () => m.openCaseKey(envelope, pair, binding));
	const token = m.generateToken();
	await rate("token derivation ops/s", () => m.deriveReporter(token));
	await time("wrap private key, PBKDF2 600 000, ms", () => m.wrapPrivateKey(pair, "passphrase"), 3);
	const book = await (await fetch("/keybook-bench.json")).json();
	const b64 = (s) => Uint8Array.from(atob(s.replaceAll("-", "+").replaceAll("_", "/")), (c) => c.charCodeAt(0));
	const entries = book.entries.map(b64);
	await time(`verify key book of ${entries.length} entries ms (median of 5)`,
		() => m.verifyKeyBook(entries, { organisationId: book.organisationId }));
	results.userAgent = navigator.userAgent;
}
catch (error) {
	results.error = String(error && error.stack ? error.stack : error);
}
await fetch("/result", { method: "POST", body: JSON.stringify(results) });

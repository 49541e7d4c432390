// Checks a key-book vector file (vectors/keybook/{java,js}-books.json) against the browser
// module: the same state, the same refusal reasons, the same signature for the same draft,
// the wrapped signing key and the epoch and staff envelopes. Shared by the node tests and
// the headless-Chromium page; `m` is the module, `v` the parsed file. Returns check names.
const b64 = (s) => Uint8Array.from(atob(s.replaceAll("-", "+").replaceAll("_", "/")), (c) => c.charCodeAt(0));
const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
const fromHex = (s) => Uint8Array.from(s.match(/../g), (h) => parseInt(h, 16));
const decode = (b) => new TextDecoder().decode(b);

function equal(actual, expected, what) {
	const a = JSON.stringify(actual);
	const e = JSON.stringify(expected);
	if (a !== e) {
		throw new Error(`${what}: ${a} != ${e}`);
	}
}

async function refusedWith(m, reason, body, what) {
	try {
		await body();
	}
	catch (error) {
		if (!(error instanceof m.KeyBookError)) {
			throw new Error(`${what}: not a KeyBookError: ${error && error.stack}`);
		}
		equal(error.reason, reason, what);
		return;
	}
	throw new Error(`${what}: accepted, expected ${reason}`);
}

export async function checkBookVectors(m, v) {
	const checks = [];
	const organisationId = v.organisationId;
	const book = await m.verifyKeyBook(v.book.map(b64), { organisationId });
	const e = v.expected;
	equal(book.length, e.length, "length");
	equal(book.head.sequence, e.headSequence, "head sequence");
	equal(hex(book.head.hash), e.headHash, "head hash");
	equal(hex(book.headAt(1).hash), e.headAtOneHash, "head at 1");
	equal(book.safetyCode.printable, e.safetyCode, "safety code");
	equal(book.threshold, e.threshold, "threshold");
	equal(book.members.map((x) => x.recipientId), e.members, "members");
	for (const member of book.members) {
		const person = Object.values(v.people).find((p) => p.id === member.recipientId);
		equal(member.fingerprint, person.fingerprint, "fingerprint");
		equal(member.displayName, person.name, "display name");
		equal(await m.signingFingerprint(member.signingPublicKey), person.signingFingerprint, "signing fingerprint");
	}
	equal(book.requireContains(e.firstSafetyCode).sequence, 0, "published first code");
	checks.push("book");

	const hotline = await m.verifyKeyBook(v.hotlineBook.map(b64), { organisationId, hotlineId: v.hotlineId });
	equal(hex(hotline.head.hash), e.hotlineHeadHash, "hotline head");
	equal(book.hotlineMembers(hotline).map((x) => x.recipientId), e.hotlineMembers, "hotline members");
	checks.push("hotline");

	const draft = b64(v.draft.bytes);
	const described = m.parseKeyBookDraft(draft);
	equal([described.change.type, described.change.member.recipientId], ["RECIPIENT_ADDED", v.draft.memberId],
		"draft");
	await book.checkApproval(draft, { signerId: v.draft.signerId, signature: b64(v.draft.signature) });
	const { keyPair, signingKeyPair } = await m.unwrapRecipientKeys(b64(v.wrapped.wrappedKey),
		b64(v.wrapped.wrappedSigningKey), v.wrapped.passphrase.normalize("NFD"));
	equal(hex(signingKeyPair.publicKey), hex(b64(v.wrapped.signingPublicKey)), "unwrapped signing key");
	equal(hex(keyPair.publicKey), hex(b64(v.wrapped.publicKey)), "unwrapped key");
	// Ed25519 is deterministic: the same draft gives the same signature on both sides
	const approval = await book.approve(draft, v.draft.signerId, signingKeyPair);
	equal(hex(approval.signature), hex(b64(v.draft.signature)), "same signature");
	checks.push("draft");

	for (const r of v.refusals) {
		const entries = r.entries.map(b64);
		const org = r.organisationId ?? organisationId;
		if (r.kind === "verify") {
			await refusedWith(m, r.reason, () => m.verifyKeyBook(entries, { organisationId: org }), r.name);
		}
		else if (r.kind === "hotline") {
			const other = await m.verifyKeyBook(r.hotlineEntries.map(b64), { organisationId, hotlineId: v.hotlineId });
			const organisation = await m.verifyKeyBook(entries, { organisationId });
			await refusedWith(m, r.reason, async () => organisation.hotlineMembers(other), r.name);
		}
		else if (r.kind === "extends") {
			const organisation = await m.verifyKeyBook(entries, { organisationId });
			await refusedWith(m, r.reason,
				async () => organisation.requireExtends({ sequence: r.headSequence, hash: fromHex(r.headHash) }), r.name);
		}
		else if (r.kind === "safetyCode") {
			const organisation = await m.verifyKeyBook(entries, { organisationId });
			await refusedWith(m, r.reason, async () => organisation.requireContains(r.code), r.name);
		}
		else {
			throw new Error(`unknown kind ${r.kind}`);
		}
	}
	checks.push(`refusals:${v.refusals.length}`);

	for (const c of v.safetyCodes ?? []) {
		equal(m.safetyCode({ sequence: 0, hash: fromHex(c.hash) }), { printable: c.printable, url: c.url }, "code");
		equal(m.parseSafetyCode(c.printable.toLowerCase()), c.url, "parsed code");
	}
	checks.push("safety-codes");

	const x = v.epochs;
	const binding = { organisationId, caseId: x.caseId, recipientId: x.recipientId };
	const caseKey = await m.openCaseKey(b64(x.caseEnvelope), keyPair, { ...binding, epoch: 1 });
	equal([caseKey.purpose, caseKey.epoch], ["CASE", 1], "epoch key");
	equal(decode(await m.openItem(caseKey, b64(x.messageCiphertext),
		{ organisationId, caseId: x.caseId, itemId: x.messageId, kind: "MESSAGE" })), x.message, "epoch message");
	const staffKey = await m.openCaseKey(b64(x.staffEnvelope), keyPair, { ...binding, purpose: "STAFF" });
	equal(decode(await m.openItem(staffKey, b64(x.noteCiphertext),
		{ organisationId, caseId: x.caseId, itemId: x.noteId, kind: "NOTE" })), x.note, "staff note");
	let refused = false;
	try {
		await m.openCaseKey(b64(x.staffEnvelope), keyPair, binding);
	}
	catch (error) {
		refused = error instanceof m.CryptoError;
	}
	equal(refused, true, "staff envelope refused as a case-key envelope");
	checks.push("epochs");
	return checks;
}

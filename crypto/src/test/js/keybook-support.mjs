// A key book made with the browser module: people with both key pairs, an organisation's
// book (genesis, two additions, a hotline pin, a removal, a threshold) and a hotline's book.
const UUIDS = {
	anna: "a0000000-0000-4000-8000-000000000001", bram: "b0000000-0000-4000-8000-000000000002",
	carla: "c0000000-0000-4000-8000-000000000003", dirk: "d0000000-0000-4000-8000-000000000004",
	hanna: "e0000000-0000-4000-8000-000000000005", ivo: "f0000000-0000-4000-8000-000000000006",
};
const NAMES = { anna: "Anna Adviseur", bram: "Bram de Vries", carla: "Carla \u00c7elik", dirk: "Dirk Jansen",
	hanna: "Hanna Hotline", ivo: "Ivo Hotline" };
export const ORGANISATION = "0b6f1c8e-3f5c-4d2a-9a51-1d2e3f405060";
export const HOTLINE = "7d1e2f30-4a5b-4c6d-8e9f-a0b1c2d3e4f5";

export async function person(m, key) {
	const keyPair = await m.generateKeyPair();
	const signingKeyPair = await m.generateSigningKeyPair();
	const id = UUIDS[key];
	const name = NAMES[key];
	return {
		id, name, keyPair, signingKeyPair,
		member: (hotlineId = null) => ({ recipientId: id, role: hotlineId ? "HOTLINE" : "ADVISER", displayName: name,
			hotlineId, publicKey: keyPair.publicKey, signingPublicKey: signingKeyPair.publicKey }),
	};
}

export async function grow(m, book, entries, change, ...signers) {
	const draft = await book.propose(change);
	const approvals = [];
	for (const signer of signers) {
		approvals.push(await book.approve(draft, signer.id, signer.signingKeyPair));
	}
	const entry = m.assembleKeyBookEntry(draft, approvals);
	entries.push(entry);
	return book.append(entry);
}

export async function makeBook(m) {
	const people = {};
	for (const key of Object.keys(UUIDS)) {
		people[key] = await person(m, key);
	}
	const { anna, bram, carla, hanna, ivo } = people;
	const hotlineEntries = [await m.keyBookGenesis(ORGANISATION, hanna.member(HOTLINE), hanna.signingKeyPair)];
	let hotlineBook = await m.verifyKeyBook(hotlineEntries, { organisationId: ORGANISATION, hotlineId: HOTLINE });
	const pinned = hotlineBook.head;
	hotlineBook = await grow(m, hotlineBook, hotlineEntries, { type: "RECIPIENT_ADDED", member: ivo.member(HOTLINE) }, hanna);
	const entries = [await m.keyBookGenesis(ORGANISATION, anna.member(), anna.signingKeyPair)];
	let book = await m.verifyKeyBook(entries, { organisationId: ORGANISATION });
	book = await grow(m, book, entries, { type: "RECIPIENT_ADDED", member: bram.member() }, anna);
	book = await grow(m, book, entries, { type: "RECIPIENT_ADDED", member: carla.member() }, anna, bram);
	book = await grow(m, book, entries, { type: "HOTLINE_PINNED", hotlineId: HOTLINE, head: pinned }, anna, carla);
	book = await grow(m, book, entries, { type: "RECIPIENT_REMOVED", recipientId: carla.id }, bram, carla);
	book = await grow(m, book, entries, { type: "THRESHOLD_CHANGED", threshold: 2 }, anna, bram);
	return { organisationId: ORGANISATION, hotlineId: HOTLINE, people, book, entries, hotlineEntries, hotlineBook };
}

// The key books as this browser verifies them: every signature from the genesis on, the
// hotlines' books against the organisation's pins. Whom a case is shared with, re-keyed
// to or whose drafts are signed comes from here, never from a list the server sends.
import { verifyKeyBook } from "/meldpunt-crypto/v1/meldpunt-crypto.js";
import { api, fromBase64Url } from "./api.js";

const isBookError = (error) => error?.name === "KeyBookError";

/**
 * -> { view, organisation: KeyBook|null, hotlines: Map(hotlineId -> { name, book, members }),
 * problem: reason|null } — `problem` names why the caller's own book does not verify.
 */
export async function verifiedBooks() {
	const view = await api("GET", "/api/keybook");
	const result = { view, organisation: null, hotlines: new Map(), problem: null, receiving: new Set(view.receiving ?? []) };
	try {
		result.organisation = await verifyKeyBook(view.entries.map(fromBase64Url), { organisationId: view.organisationId });
	}
	catch (error) {
		if (!isBookError(error)) {
			throw error;
		}
		result.problem = error.reason;
	}
	for (const hotline of view.hotlineBooks) {
		try {
			const book = await verifyKeyBook(hotline.entries.map(fromBase64Url),
				{ organisationId: view.organisationId, hotlineId: hotline.hotlineId });
			let members = [];
			try {
				members = result.organisation ? result.organisation.hotlineMembers(book) : [];
			}
			catch (error) {
				if (!isBookError(error)) {
					throw error;
				}
				// not pinned (yet): no route, nobody to seal to
			}
			result.hotlines.set(hotline.hotlineId, { name: hotline.name, book, members });
		}
		catch (error) {
			if (!isBookError(error)) {
				throw error;
			}
			if (view.me.hotlineId === hotline.hotlineId) {
				result.problem = error.reason;
			}
		}
	}
	return result;
}

/**
 * The members a case is sealed to: verified members whose accounts the server says are
 * active. The server can leave a disabled or removed member out this way, never add one.
 */
export function receiving(books, members) {
	return members.filter((member) => books.receiving.has(member.recipientId));
}

/** The book of the caller itself: the organisation's for an adviser, its hotline's for a handler. */
export function ownBook(books) {
	const hotlineId = books.view.me.hotlineId;
	return hotlineId ? books.hotlines.get(hotlineId)?.book ?? null : books.organisation;
}

/**
 * The current member behind a recipient "KIND:id" — an adviser of the organisation's
 * book, a handler of a pinned hotline's book — or null (removed, pending, unknown).
 */
export function memberOf(books, recipient) {
	const [kind, id] = recipient.split(":");
	if (kind === "ADVISER") {
		return books.organisation?.members.find((m) => m.recipientId === id) ?? null;
	}
	if (kind === "HOTLINE") {
		for (const hotline of books.hotlines.values()) {
			const member = hotline.members.find((m) => m.recipientId === id);
			if (member) {
				return member;
			}
		}
	}
	return null;
}

/** The first characters of a fingerprint, as the reporter's form shows them too. */
export function shortFingerprint(value) {
	return value.split(" ").slice(0, 2).join(" ");
}

// The reporter's side of the key book: before anything is sealed, this browser verifies
// the organisation's key book (every signature, the chain from its genesis) and each
// hotline's book against the organisation's pin, checks a safety code from the link
// (#k=…), and takes the recipients from the verified books only. What the server lists
// besides is never sealed to; a listed key that differs from the book stops everything.
import { KeyBookError, parseSafetyCode, verifyKeyBook } from "/meldpunt-crypto/v1/meldpunt-crypto.js";
import { fromBase64Url, text, toBase64Url } from "./common.js";

/** Why this browser refuses to seal: a key-book reason (or LIST_DIFFERS, NO_SUPPORT). */
export class BookRefusal extends Error {
	constructor(reason) {
		super(reason);
		this.name = "BookRefusal";
		this.reason = reason;
	}
}

/** The safety code a link carries after #k=, or null. */
export function linkCode() {
	const fragment = location.hash.replace(/^#/, "");
	return new URLSearchParams(fragment).get("k");
}

/** The refusal in the page's language: what happened and what to do. */
export function refusalText(error) {
	const reason = error?.reason ?? "NO_SUPPORT";
	const specific = text(`js.book.${reason}`);
	return specific === text("problem.unexpected") ? text("js.book.other") : specific;
}

async function verify(entries, options) {
	try {
		return await verifyKeyBook(entries.map(fromBase64Url), options);
	}
	catch (error) {
		if (error instanceof KeyBookError) {
			throw new BookRefusal(error.reason);
		}
		// a browser whose WebCrypto lacks Ed25519 cannot check: never skip the check
		throw new BookRefusal("NO_SUPPORT");
	}
}

/**
 * Verifies what the portal served: -> { book, hotlines: Map(hotlineId -> members) }.
 * Throws a BookRefusal when the organisation's book does not verify, does not contain the
 * link's safety code, or the portal lists a member with another key than the book.
 */
export async function verifiedBooks(portal, code = linkCode()) {
	const book = await verify(portal.keyBook, { organisationId: portal.organisationId });
	if (code) {
		try {
			book.requireContains(parseSafetyCode(code));
		}
		catch (error) {
			throw new BookRefusal(error instanceof KeyBookError ? error.reason : "SAFETY_CODE_TYPO");
		}
	}
	for (const listed of portal.advisers) {
		const member = book.members.find((m) => m.recipientId === listed.id);
		if (member && toBase64Url(member.publicKey) !== listed.publicKey) {
			throw new BookRefusal("LIST_DIFFERS");
		}
	}
	const hotlines = new Map();
	for (const hotline of portal.hotlines) {
		try {
			const own = await verify(hotline.keyBook, { organisationId: portal.organisationId, hotlineId: hotline.id });
			hotlines.set(hotline.id, { book: own, members: book.hotlineMembers(own) });
		}
		catch (error) {
			// this hotline is no route now (not pinned, or its book does not verify)
			hotlines.set(hotline.id, { refusal: error?.reason ?? "HOTLINE_NOT_PINNED", members: [] });
		}
	}
	return { book, hotlines };
}

/** The head a report is sealed to, as it goes into the sealed report. */
export function headOf(book) {
	return { sequence: book.head.sequence, head: toBase64Url(book.head.hash) };
}

/** The first two groups of a fingerprint: what the form shows beside a name. */
export function shortFingerprint(value) {
	return value.split(" ").slice(0, 2).join(" ");
}

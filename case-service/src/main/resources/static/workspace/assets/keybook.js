// The key book page: who can read the organisation's reports (as this browser verifies
// the book), the organisation's safety code to publish, the changes waiting for approval
// and the recipients who are in no book (yet). Approving signs the change here, with the
// member's own signing key, after the member compared a newcomer's fingerprint out of band.
import { parseKeyBookDraft, recipientFingerprint } from "/meldpunt-crypto/v1/meldpunt-crypto.js";
import { announce, api, el, fromBase64Url, Problem, problemText, text, toBase64Url } from "./api.js";
import { ownBook, shortFingerprint, verifiedBooks } from "./books.js";

function membersTable(id, caption, members, me, onRemove) {
	const rows = members.map((member) => el("tr", {},
		el("th", { scope: "row" }, member.displayName),
		el("td", {}, text(`role.${member.role}`)),
		el("td", {}, el("code", { class: "fingerprint" }, member.fingerprint)),
		el("td", {}, onRemove && member.recipientId !== me.recipientId
			? button(`remove-${member.recipientId}`, text("keybook.remove", member.displayName), () => onRemove(member))
			: "")));
	return el("div", { class: "table-wrap" }, el("table", { id },
		el("caption", {}, caption),
		el("thead", {}, el("tr", {}, ["keybook.name", "keybook.role", "keybook.fingerprint", "keybook.actions"]
			.map((key) => el("th", { scope: "col" }, text(key))))),
		el("tbody", {}, rows)));
}

function button(id, label, onClick, kind) {
	const node = el("button", { type: "button", id, class: kind ?? "" }, label);
	node.addEventListener("click", async () => {
		node.disabled = true;
		try {
			await onClick();
		}
		finally {
			node.disabled = false;
		}
	});
	return node;
}

/** What a draft changes, in words, with what the approver must compare. */
async function describe(change, books) {
	switch (change.type) {
		case "RECIPIENT_ADDED": {
			const member = change.member;
			const fingerprint = await recipientFingerprint(member.publicKey, member.signingPublicKey);
			return { compare: member.displayName, parts: [
				el("p", {}, text(`keybook.change.added.${member.role}`, member.displayName)),
				el("p", {}, text("keybook.fingerprint"), ": ", el("code", { class: "fingerprint draft-fingerprint" }, fingerprint)),
				el("p", { class: "hint" }, text("keybook.compare", member.displayName)),
			] };
		}
		case "RECIPIENT_REMOVED": {
			const member = [...(books.organisation?.members ?? []), ...[...books.hotlines.values()].flatMap((h) => h.book.members)]
				.find((m) => m.recipientId === change.recipientId);
			return { parts: [el("p", {}, text("keybook.change.removed", member?.displayName ?? change.recipientId))] };
		}
		case "THRESHOLD_CHANGED":
			return { parts: [el("p", {}, change.threshold === 0 ? text("keybook.change.thresholdDefault")
				: text("keybook.change.threshold", change.threshold))] };
		case "HOTLINE_PINNED": {
			const hotline = books.hotlines.get(change.hotlineId);
			const names = hotline ? hotline.book.members.map((m) => `${m.displayName} (${m.fingerprint})`).join(", ") : "";
			return { compare: hotline?.name, parts: [
				el("p", {}, text("keybook.change.pinned", hotline?.name ?? change.hotlineId)),
				el("p", {}, text("keybook.change.handlers", names)),
				el("p", { class: "hint" }, text("keybook.compare", hotline?.name ?? "")),
			] };
		}
		default:
			return { parts: [el("p", {}, text("keybook.change.other"))] };
	}
}

async function draftCard(draft, books, session, again) {
	const bytes = fromBase64Url(draft.draft);
	const parsed = parseKeyBookDraft(bytes);
	const { compare, parts } = await describe(parsed.change, books);
	const me = books.view.me;
	const mine = draft.approvedBy.includes(me.recipientId);
	const error = el("p", { class: "error", role: "alert", hidden: true });
	const card = el("li", { class: "draft", id: `draft-${draft.draftId}` },
		parts,
		el("p", { class: "meta" }, text("keybook.approvals", draft.approvedBy.length, draft.threshold)),
		error);
	if (mine) {
		card.append(el("p", { class: "notice" }, text("keybook.approvedByYou")));
		return card;
	}
	const checked = el("input", { type: "checkbox", id: `compared-${draft.draftId}` });
	if (compare) {
		card.append(el("div", { class: "check" }, checked,
			el("label", { for: checked.id }, text("keybook.compared", compare))));
	}
	const fail = (problem) => {
		error.textContent = problemText(problem);
		error.hidden = false;
	};
	card.append(
		button(`approve-${draft.draftId}`, text("keybook.approve"), async () => {
			if (compare && !checked.checked) {
				error.textContent = text("keybook.compareFirst");
				error.hidden = false;
				checked.focus();
				return;
			}
			try {
				// signs only what continues the book this browser verified, as this member
				const approval = await ownBook(books).approve(bytes, me.recipientId, session.signingKeyPair);
				const answer = await api("POST", `/api/keybook/drafts/${draft.draftId}/approvals`,
					{ signature: toBase64Url(approval.signature) });
				await again(text(answer.appended ? "keybook.appended" : "keybook.approved"));
			}
			catch (problem) {
				fail(problem?.name === "KeyBookError" ? new Problem(422, { slug: `key-book-${problem.reason.toLowerCase().replaceAll("_", "-")}` }) : problem);
			}
		}),
		button(`reject-${draft.draftId}`, text("keybook.reject"), async () => {
			try {
				await api("DELETE", `/api/keybook/drafts/${draft.draftId}`);
				await again(text("keybook.rejected"));
			}
			catch (problem) {
				fail(problem);
			}
		}, "secondary"));
	return card;
}

/** Renders the key book page into the view. */
export async function renderKeyBook(session, { show }) {
	show(text("keybook.title"), el("p", {}, text("page.loading")));
	const books = await verifiedBooks();
	const again = async (message) => {
		await renderKeyBook(session, { show });
		announce(message);
	};
	const me = books.view.me;
	const own = ownBook(books);
	if (!own) {
		show(text("keybook.title"), el("p", { id: "keybook-problem", class: "error", role: "alert" },
			text("keybook.invalid", text(`keybook.reason.${books.problem ?? "EMPTY_BOOK"}`))));
		return;
	}
	const propose = async (member) => {
		try {
			await api("POST", "/api/keybook/removals", { recipientId: member.recipientId });
			await again(text("keybook.removalProposed", member.displayName));
		}
		catch (problem) {
			announce(problemText(problem));
		}
	};
	const sections = [];
	if (books.organisation) {
		sections.push(el("section", { "aria-labelledby": "safety-title" },
			el("h2", { id: "safety-title" }, text("keybook.safety.title")),
			el("p", {}, text("keybook.safety.intro")),
			el("p", { class: "safety" }, el("code", { id: "safety-code" }, books.organisation.safetyCode.printable)),
			el("p", { class: "hint" }, text("keybook.safety.link", books.organisation.safetyCode.url))));
		sections.push(el("section", { "aria-labelledby": "members-title" },
			el("h2", { id: "members-title" }, text("keybook.members.title")),
			membersTable("members", text("keybook.members.caption", books.organisation.threshold),
				books.organisation.members, me, me.role === "ADVISER" ? propose : null)));
	}
	for (const [hotlineId, hotline] of books.hotlines) {
		sections.push(el("section", { "aria-labelledby": `hotline-${hotlineId}` },
			el("h2", { id: `hotline-${hotlineId}` }, text("keybook.hotline.title", hotline.name)),
			el("p", {}, text(hotline.members.length ? "keybook.hotline.pinned" : "keybook.hotline.unpinned")),
			membersTable(`hotline-members-${hotlineId}`, text("keybook.members.caption", hotline.book.threshold),
				hotline.book.members, me, me.hotlineId === hotlineId ? propose : null)));
	}
	const drafts = await Promise.all(books.view.drafts.map((draft) => draftCard(draft, books, session, again)));
	sections.push(el("section", { "aria-labelledby": "drafts-title" },
		el("h2", { id: "drafts-title" }, text("keybook.drafts.title")),
		drafts.length ? el("ol", { id: "drafts", class: "drafts" }, drafts)
			: el("p", { id: "drafts-empty", class: "empty" }, text("keybook.drafts.none"))));
	const pending = books.view.pending.map((p) => el("li", {}, `${p.displayName} – ${text(`role.${p.role}`)} – `,
		el("strong", {}, text(`keybook.pending.${p.state}`))));
	sections.push(el("section", { "aria-labelledby": "pending-title" },
		el("h2", { id: "pending-title" }, text("keybook.pending.title")),
		el("p", {}, text("keybook.pending.intro")),
		pending.length ? el("ul", { id: "pending" }, pending)
			: el("p", { id: "pending-empty", class: "empty" }, text("keybook.pending.none"))));
	if (books.problem) {
		sections.unshift(el("p", { id: "keybook-problem", class: "error", role: "alert" },
			text("keybook.invalid", text(`keybook.reason.${books.problem}`))));
	}
	show(text("keybook.title"), el("p", {}, text("keybook.intro")), sections);
}

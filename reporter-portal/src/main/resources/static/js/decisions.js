// What the adviser puts to the reporter, and the reporter's answer: a proposed referral
// (to whom, why) the reporter agrees to or declines, minutes of a meeting or call the
// reporter approves or asks to correct, and the reporter's request for a meeting. The
// decision is sealed here and names the item it answers and a digest of its ciphertext,
// so that nobody can later swap what the reporter agreed to.
import { openItem, sealItem } from "/meldpunt-crypto/v1/meldpunt-crypto.js";
import { api, fromBase64Url, Problem, text, toBase64Url } from "./common.js";

const ANSWERS = { REFERRAL: ["AGREED", "DECLINED"], MINUTES: ["APPROVED", "CORRECTIONS_REQUESTED"] };

function node(tag, attributes = {}, ...children) {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (name === "class") {
			element.className = value;
		}
		else if (value !== null && value !== undefined && value !== false) {
			element.setAttribute(name, value === true ? "" : value);
		}
	}
	element.append(...children.flat().filter((child) => child !== null && child !== undefined));
	return element;
}

async function digestOf(ciphertext) {
	return toBase64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", fromBase64Url(ciphertext))));
}

async function opened(session, item) {
	try {
		const plain = await openItem(session.keys?.get(item.epoch ?? 0) ?? session.caseKey, fromBase64Url(item.ciphertext),
			{ organisationId: session.organisationId, caseId: session.caseId, itemId: item.itemId, kind: item.kind });
		return JSON.parse(new TextDecoder().decode(plain));
	}
	catch (error) {
		return null;
	}
}

/**
 * Renders the proposals and minutes of the mailbox into `list`; a pending one gets a
 * form. `reload` is called after a decision was stored.
 */
export async function renderDecisions(mailbox, session, { list, empty, formatDate, reload, status }) {
	const items = new Map((mailbox.items ?? []).map((item) => [item.itemId, item]));
	const entries = [];
	for (const proposal of mailbox.proposals ?? []) {
		const item = items.get(proposal.itemId);
		const content = item ? await opened(session, item) : null;
		const heading = proposal.kind === "MINUTES" ? text("js.minutes", formatDate(proposal.proposedOn))
			: text("js.referral", `${text(`event.${proposal.event}`)}${proposal.hotline ? ` – ${proposal.hotline.name}` : ""}`);
		const entry = node("li", { class: "proposal", "data-proposal": proposal.itemId },
			node("h3", {}, heading),
			node("p", { class: "text" }, content ? (content.reason ?? content.text ?? "") : text("js.cryptoFailed")));
		if (proposal.kind === "REFERRAL" && proposal.hotline) {
			entry.append(node("p", { class: "meta" }, `${text("js.hotlineContact")} ${proposal.hotline.contact}`));
		}
		if (proposal.decision) {
			entry.append(node("p", { class: "decision" }, text(`js.decision.${proposal.decision}`, formatDate(proposal.decidedOn))));
		}
		else if (mailbox.open && content && item) {
			entry.append(decisionForm(proposal, item, session, { reload, status }));
		}
		entries.push(entry);
	}
	list.replaceChildren(...entries);
	empty.hidden = entries.length > 0;
}

function decisionForm(proposal, item, session, { reload, status }) {
	const id = proposal.itemId;
	const comment = node("textarea", { id: `comment-${id}`, rows: "3", maxlength: "5000", "aria-describedby": `comment-${id}-error` });
	const error = node("p", { class: "error", id: `comment-${id}-error`, hidden: true });
	const buttons = ANSWERS[proposal.kind].map((decision, index) => node("button",
		{ type: "submit", value: decision, id: `decide-${decision}-${id}`, class: index === 0 ? "button primary" : "button" },
		text(`js.decide.${decision}`)));
	const form = node("form", { class: "decision-form", novalidate: true },
		node("div", { class: "field" }, node("label", { for: comment.id }, text(proposal.kind === "MINUTES" ? "js.corrections" : "js.comment")),
			error, comment),
		node("div", { class: "actions" }, buttons));
	form.addEventListener("submit", async (event) => {
		event.preventDefault();
		const decision = event.submitter?.value;
		error.hidden = true;
		if (decision === "CORRECTIONS_REQUESTED" && !comment.value.trim()) {
			error.textContent = text("js.correctionsRequired");
			error.hidden = false;
			comment.focus();
			return;
		}
		buttons.forEach((button) => { button.disabled = true; });
		try {
			const itemId = crypto.randomUUID();
			const plain = JSON.stringify({ answers: id, digest: await digestOf(item.ciphertext), decision,
				comment: comment.value.trim() || null });
			const sealed = await sealItem(session.caseKey, new TextEncoder().encode(plain),
				{ organisationId: session.organisationId, caseId: session.caseId, itemId, kind: "DECISION" });
			await api("POST", `/api/mailbox/proposals/${id}/decision`, { credential: session.credential,
				json: { itemId, decision, ciphertext: toBase64Url(sealed), epoch: session.caseKey.epoch }, retries: 3 });
			await reload();
			status.textContent = text("js.decided");
		}
		catch (failure) {
			buttons.forEach((button) => { button.disabled = false; });
			error.textContent = failure instanceof Problem ? failure.message : text("problem.unexpected");
			error.hidden = false;
		}
	});
	return form;
}

/** The form to ask for a meeting or call (how and when), sealed like a message. */
export function wireMeetingForm(session, { form, area, reload, status, errors }) {
	form.addEventListener("submit", async (event) => {
		event.preventDefault();
		errors.clear();
		const wish = area.value.trim();
		if (!wish) {
			errors.add(area.id, text("js.required"));
			area.focus();
			return;
		}
		try {
			const itemId = crypto.randomUUID();
			const sealed = await sealItem(session().caseKey, new TextEncoder().encode(wish),
				{ organisationId: session().organisationId, caseId: session().caseId, itemId, kind: "MEETING_REQUEST" });
			await api("POST", "/api/mailbox/meetings", { credential: session().credential,
				json: { itemId, ciphertext: toBase64Url(sealed), epoch: session().caseKey.epoch }, retries: 3 });
			area.value = "";
			await reload();
			status.textContent = text("js.meetingSent");
		}
		catch (failure) {
			errors.add(area.id, failure instanceof Problem ? failure.message : text("problem.unexpected"));
		}
	});
}

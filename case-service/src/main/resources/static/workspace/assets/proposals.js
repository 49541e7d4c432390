// What the recipients put to the reporter and what the reporter decided: referral
// proposals (the reporter consents on their own page; nobody here can tick it for them)
// and minutes of meetings and calls (the reporter approves them or asks for corrections).
// Proposals and minutes are sealed here; the reporter's sealed decision names the item it
// answers and a digest of its ciphertext, checked here against what the server shows.
import { sealItem } from "/meldpunt-crypto/v1/meldpunt-crypto.js";
import { api, el, field, formatDate, fromBase64Url, text, textForm, toBase64Url } from "./api.js";

/** The steps that need the reporter's consent (or a legal duty). */
export const NEEDS_CONSENT = ["START_MEDIATION", "FILE_FORMAL_COMPLAINT", "START_INVESTIGATION", "REFER_EXTERNAL"];

/** The item kinds this section shows (the conversation shows the others). */
export const PROCEDURE_KINDS = ["PROPOSAL", "MINUTES", "DECISION"];

/** Base64url SHA-256 of a sealed item, as the reporter's decision names it. */
export async function digestOf(ciphertextBase64Url) {
	return toBase64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", fromBase64Url(ciphertextBase64Url))));
}

function parsed(item) {
	try {
		return item && !item.unreadable ? JSON.parse(item.plain) : null;
	}
	catch {
		return null;
	}
}

/**
 * The list of proposals and minutes with the reporter's decisions. Leaves in
 * `context.verified` the proposals whose decision the reporter's sealed decision confirms
 * (the step form trusts only those).
 */
export async function proposalsSection(context, items) {
	const { detail, people } = context;
	context.verified = new Set();
	const section = el("section", { id: "proposals", "aria-labelledby": "proposals-title" },
		el("h2", { id: "proposals-title" }, text("proposals.title")));
	if (detail.proposals.length === 0) {
		section.append(el("p", { class: "empty" }, text("proposals.empty")));
		return section;
	}
	const byId = new Map(items.map((item) => [item.itemId, item]));
	const entries = [];
	for (const proposal of detail.proposals) {
		const item = byId.get(proposal.itemId);
		const content = parsed(item);
		const what = proposal.kind === "MINUTES" ? text("proposals.minutes", formatDate(proposal.proposedOn))
			: text("proposals.referral", text(`event.${proposal.event}`),
				people.hotlines.find((h) => h.id === proposal.hotlineId)?.name ?? "", formatDate(proposal.proposedOn));
		const body = content ? (content.reason ?? content.text ?? "") : text("case.unreadable");
		const entry = el("li", { class: `proposal ${proposal.decision ? "decided" : "pending"}`, "data-proposal": proposal.itemId },
			el("p", { class: "meta" }, el("strong", {}, what)), el("p", { class: "text" }, body));
		const line = await decisionLine(proposal, item, byId.get(proposal.decisionItemId));
		if (line.dataset.verified === "true") {
			context.verified.add(proposal.itemId);
		}
		entry.append(line);
		entries.push(entry);
	}
	section.append(el("ol", { class: "items" }, entries));
	return section;
}

/** The reporter's decision, checked against the sealed decision and the item it answers. */
async function decisionLine(proposal, item, decisionItem) {
	if (!proposal.decision) {
		return el("p", { class: "decision pending" }, text("proposals.pending"));
	}
	const sealed = parsed(decisionItem);
	const fits = sealed && item && sealed.answers === proposal.itemId && sealed.decision === proposal.decision
		&& sealed.digest === await digestOf(item.ciphertext);
	if (!fits) {
		return el("p", { class: "decision error", role: "alert" }, text("proposals.mismatch"));
	}
	return el("p", { class: "decision", "data-verified": "true" }, text(`decision.${proposal.decision}`, formatDate(proposal.decidedOn)),
		sealed.comment ? el("span", { class: "text" }, ` ${text("proposals.comment")} ${sealed.comment}`) : null);
}

/** The form to put a referral to the reporter: which step, which hotline, why. */
export function proposeForm(context, problemText) {
	const { caseId, organisationId, sealingKey, detail, people, again } = context;
	if (!detail.open) {
		return null;
	}
	const steps = NEEDS_CONSENT.filter((event) => event !== "REFER_EXTERNAL" || people.hotlines.length > 0);
	const step = el("select", { id: "propose-event", required: true },
		el("option", { value: "" }, text("choose")), steps.map((event) => el("option", { value: event }, text(`event.${event}`))));
	const hotline = el("select", { id: "propose-hotline" },
		el("option", { value: "" }, text("choose")), people.hotlines.map((h) => el("option", { value: h.id }, h.name)));
	const hotlineField = field(text("steps.hotline"), hotline);
	hotlineField.hidden = true;
	step.addEventListener("change", () => {
		hotlineField.hidden = step.value !== "REFER_EXTERNAL";
	});
	const reason = el("textarea", { id: "propose-reason", rows: "3", required: true, maxlength: "5000" });
	const error = el("p", { id: "propose-error", class: "error", role: "alert", hidden: true });
	const submit = el("button", { type: "submit", id: "propose-submit" }, text("propose.submit"));
	const form = el("form", { id: "propose-form", class: "write", novalidate: true, "aria-labelledby": "propose-title" },
		el("h2", { id: "propose-title" }, text("propose.title")), el("p", { class: "hint" }, text("propose.intro")), error,
		field(text("propose.event"), step), hotlineField, field(text("propose.reason"), reason), submit);
	form.addEventListener("submit", async (event) => {
		event.preventDefault();
		const hotlineId = step.value === "REFER_EXTERNAL" ? hotline.value : null;
		if (!step.value || !reason.value.trim() || (step.value === "REFER_EXTERNAL" && !hotlineId)) {
			error.textContent = text("propose.missing");
			error.hidden = false;
			return;
		}
		submit.disabled = true;
		try {
			const itemId = crypto.randomUUID();
			const plain = JSON.stringify({ event: step.value, hotlineId, reason: reason.value.trim() });
			const { key, epoch } = sealingKey();
			const sealed = await sealItem(key, new TextEncoder().encode(plain), { organisationId, caseId, itemId, kind: "PROPOSAL" });
			await api("POST", `/api/cases/${caseId}/proposals`, { itemId, event: step.value, hotlineId, ciphertext: toBase64Url(sealed), epoch });
			await again(text("propose.sent"));
		}
		catch (problem) {
			submit.disabled = false;
			error.textContent = problemText(problem);
			error.hidden = false;
		}
	});
	return form;
}

/** The form to record minutes of a meeting or call for the reporter to approve. */
export function minutesForm({ caseId, organisationId, sealingKey, detail, again }, problemText) {
	if (!detail.open) {
		return null;
	}
	return textForm("minutes", { intro: text("minutes.intro"), rows: "6" }, async (value) => {
		const itemId = crypto.randomUUID();
		const plain = JSON.stringify({ text: value.trim() });
		const { key, epoch } = sealingKey();
		const sealed = await sealItem(key, new TextEncoder().encode(plain), { organisationId, caseId, itemId, kind: "MINUTES" });
		await api("POST", `/api/cases/${caseId}/minutes`, { itemId, ciphertext: toBase64Url(sealed), epoch });
		await again(text("minutes.saved"));
	}, problemText);
}

/**
 * What the step form says about the reporter's consent to `event` (no checkbox): only a
 * consent the reporter's sealed decision confirms counts here.
 */
export function consentHint({ detail, verified }, event) {
	const agreed = detail.proposals.find((p) => p.kind === "REFERRAL" && p.event === event && p.decision === "AGREED"
		&& verified?.has(p.itemId));
	const pending = detail.proposals.find((p) => p.kind === "REFERRAL" && p.event === event && !p.decision);
	const key = agreed ? "steps.consentGiven" : pending ? "steps.consentPending" : "steps.consentMissing";
	return el("p", { class: "hint", id: `consent-${event}` }, text(key, agreed ? formatDate(agreed.decidedOn) : ""));
}

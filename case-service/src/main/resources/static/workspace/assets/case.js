// One case: opens the caller's key envelope with the unlocked key, decrypts report,
// messages and notes in this browser, and seals every reply, note and share before it
// leaves. Binding ids come from the signed-in context and the route, never from fields
// stored next to a ciphertext.
import { openAttachment, openAttachmentMeta, openCaseKey, openItem, sealCaseKey, sealItem } from "/meldpunt-crypto/v1/meldpunt-crypto.js";
import { announce, api, el, field, formatDate, fromBase64Url, href, language, Problem, shortId, text, textForm, toBase64Url }
	from "./api.js";
import { uploadForm } from "./upload.js";
import { consentHint, minutesForm, NEEDS_CONSENT, PROCEDURE_KINDS, proposalsSection, proposeForm } from "./proposals.js";

const SIMPLE = ["ACKNOWLEDGE", "START_CONSULTATION", "ASK_REPORTER", "GIVE_FEEDBACK"];
const ORDER = [...SIMPLE.slice(0, 3), ...NEEDS_CONSENT, "GIVE_FEEDBACK", "REASSIGN", "CLOSE"];
const TRACKS = ["INFORMAL", "MEDIATION", "FORMAL_COMPLAINT", "INVESTIGATION", "EXTERNAL"];
const OUTCOMES = ["ADVICE_GIVEN", "RESOLVED", "SUBSTANTIATED", "NOT_SUBSTANTIATED", "REFERRED", "WITHDRAWN", "OTHER"];
/** The reporter's languages, each named in itself. */
const LANGUAGES = { nl: "Nederlands", en: "English", tr: "Türkçe", ar: "العربية", pl: "Polski" };
const REPORT_FIELDS = ["what", "when", "where", "who", "witnesses", "hopes"];

/** Renders case `caseId` (from the route) into the page. */
export async function renderCase(view, caseId, session, { show, navigate, directory }) {
	const back = el("a", { href: href("/workspace"), id: "back" }, text("case.back"));
	back.addEventListener("click", (event) => {
		event.preventDefault();
		navigate("/workspace");
	});
	const title = text("case.title", shortId(caseId));
	show(title, el("p", {}, text("page.loading")));
	let detail;
	try {
		detail = await api("GET", `/api/cases/${caseId}`);
	}
	catch (problem) {
		show(title, el("p", { class: "error", role: "alert" }, problem instanceof Problem && problem.status === 404
			? text("case.unknown") : text("page.network")), el("p", {}, back));
		return;
	}
	const people = await directory();
	const organisationId = session.caller.organisationId;
	let caseKey;
	try {
		caseKey = await openCaseKey(fromBase64Url(detail.myKeyEnvelope), session.keyPair,
			{ organisationId, caseId, recipientId: people.self.recipientId });
	}
	catch {
		show(title, el("p", { class: "error", role: "alert" }, text("case.unreadable")), el("p", {}, back));
		return;
	}
	const items = await Promise.all(detail.items.map(async (item) => {
		try {
			const plain = await openItem(caseKey, fromBase64Url(item.ciphertext),
				{ organisationId, caseId, itemId: item.itemId, kind: item.kind });
			return { ...item, plain: new TextDecoder().decode(plain) };
		}
		catch {
			return { ...item, unreadable: true };
		}
	}));
	const again = async (message) => {
		await renderCase(view, caseId, session, { show, navigate, directory });
		announce(message);
		document.getElementById("status").scrollIntoView?.({ block: "nearest" });
	};
	const context = { caseId, organisationId, caseKey, detail, people, session, again };
	show(title,
		el("p", {}, back),
		facts(detail),
		reportSection(items.find((i) => i.kind === "REPORT")),
		conversation(items.filter((i) => i.kind !== "REPORT" && !PROCEDURE_KINDS.includes(i.kind)), session.caller.accountId),
		await attachments(context),
		uploadForm(context, problemText),
		writeForm(context, "MESSAGE", "reply"),
		writeForm(context, "NOTE", "note"),
		await proposalsSection(context, items),
		proposeForm(context, problemText),
		minutesForm(context, problemText),
		steps(context),
		timeline(detail.timeline));
	markSeen(caseId);
}

/** Everything the reporter sent is now seen by this account (clears the inbox marker). */
function markSeen(caseId) {
	api("PUT", `/api/cases/${caseId}/seen`).catch(() => {
		// the marker stays; nothing on this page depends on it
	});
}

function facts(detail) {
	// a closed case has no deadlines left to show
	const rows = [["case.state", el("span", { id: "case-state" }, text(`state.${detail.state}`))],
		["case.received", formatDate(detail.receivedOn)],
		["case.acknowledgeBy", detail.open ? formatDate(detail.acknowledgeBy) : ""],
		["case.feedbackBy", detail.open ? formatDate(detail.feedbackBy) : ""],
		["case.closedOn", formatDate(detail.closedOn)]].filter(([, value]) => value);
	return el("dl", { class: "facts" }, rows.map(([key, value]) => [el("dt", {}, text(key)), el("dd", {}, value)]));
}

function reportSection(report) {
	const section = el("section", { id: "report", "aria-labelledby": "report-title" }, el("h2", { id: "report-title" }, text("report.title")));
	if (!report || report.unreadable) {
		section.append(el("p", { class: "error" }, text("case.unreadable")));
		return section;
	}
	const data = JSON.parse(report.plain);
	const rows = [["report.category", data.category?.name?.[language] ?? data.category?.code ?? ""]];
	for (const key of REPORT_FIELDS) {
		rows.push([`report.${key}`, data[key] || text("report.empty")]);
	}
	rows.push(["report.reporter", data.anonymous ? text("report.anonymous") : [data.name, data.contact].filter(Boolean).join(" – ")]);
	rows.push(["report.language", el("span", { lang: data.language }, LANGUAGES[data.language] ?? data.language ?? "")]);
	section.append(el("dl", { class: "report" }, rows.map(([key, value]) => [el("dt", {}, text(key)), el("dd", { class: "text" }, value)])));
	return section;
}

function conversation(items, myAccountId) {
	const section = el("section", { id: "conversation", "aria-labelledby": "conversation-title" },
		el("h2", { id: "conversation-title" }, text("conversation.title")));
	if (items.length === 0) {
		section.append(el("p", { class: "empty" }, text("conversation.empty")));
		return section;
	}
	section.append(el("ol", { class: "items" }, items.map((item) => el("li", { class: `item ${item.kind.toLowerCase()}` },
		el("p", { class: "meta" },
			el("strong", {}, item.authorAccountId === myAccountId ? text("author.you") : text(`author.${item.author}`)),
			` · ${text(`kind.${item.kind}`)} · ${formatDate(item.createdOn)}`),
		item.unreadable ? el("p", { class: "error" }, text("case.unreadable")) : el("p", { class: "text" }, item.plain)))));
	return section;
}

/** Attachments: names decrypted at once, content fetched and decrypted on request. */
async function attachments({ caseId, organisationId, caseKey, detail }) {
	if (detail.attachments.length === 0) {
		return null;
	}
	const list = el("ul", { class: "attachments" });
	for (const attachment of detail.attachments) {
		const binding = { organisationId, caseId, attachmentId: attachment.attachmentId };
		let meta = null;
		try {
			meta = await openAttachmentMeta(caseKey, fromBase64Url(attachment.metaCiphertext), binding);
		}
		catch {
			// shown as an unnamed attachment; its content is checked again when opened
		}
		const name = meta?.name || text("attachment.unnamed");
		const button = el("button", { type: "button", class: "link", id: `open-${attachment.attachmentId}` }, text("attachment.open", name));
		const status = el("span", { class: "hint", "aria-live": "polite" });
		button.addEventListener("click", async () => {
			button.disabled = true;
			try {
				const chunks = [];
				for (let i = 0; i < attachment.chunkCount; i++) {
					const response = await fetch(`/api/cases/${caseId}/attachments/${attachment.attachmentId}/chunks/${i}`,
						{ credentials: "same-origin", headers: { Accept: "application/octet-stream" } });
					if (!response.ok) {
						throw new Problem(response.status, { slug: "other" });
					}
					chunks.push(new Uint8Array(await response.arrayBuffer()));
				}
				const plain = await openAttachment(caseKey, chunks, binding);
				// saved, never shown inline: the content is the reporter's, not ours
				const link = el("a", { class: "download", download: name,
					href: URL.createObjectURL(new Blob([plain], { type: "application/octet-stream" })) }, text("attachment.save", name));
				button.replaceWith(link);
				link.focus();
			}
			catch {
				button.disabled = false;
				status.textContent = text("case.unreadable");
			}
		});
		list.append(el("li", {}, el("span", { class: "meta" },
			`${text(`author.${attachment.author}`)} · ${formatDate(attachment.createdOn)} · ${Math.max(1, Math.round(attachment.totalBytes / 1024))} kB `),
		button, status));
	}
	return el("section", { id: "attachments", "aria-labelledby": "attachments-title" },
		el("h2", { id: "attachments-title" }, text("attachments.title")), list);
}

function writeForm({ caseId, organisationId, caseKey, detail, again }, kind, name) {
	if (!detail.open && kind === "MESSAGE") {
		return null;
	}
	return textForm(name, {}, async (value) => {
		const itemId = crypto.randomUUID();
		const sealed = await sealItem(caseKey, new TextEncoder().encode(value), { organisationId, caseId, itemId, kind });
		await api("POST", `/api/cases/${caseId}/items`, { itemId, kind, ciphertext: toBase64Url(sealed) });
		await again(text(kind === "NOTE" ? "note.saved" : "reply.sent"));
	}, problemText);
}

function problemText(problem) {
	const key = problem instanceof Problem ? `problem.${problem.slug}` : "problem.other";
	const value = text(key);
	return value === key ? text("problem.other") : value;
}

function options(id, choices, optional) {
	return el("select", { id, required: !optional },
		el("option", { value: "" }, text(optional ? "close.unit.none" : "choose")),
		choices.map(([value, label]) => el("option", { value }, label)));
}

function steps(context) {
	const { detail } = context;
	const events = ORDER.filter((event) => detail.legalEvents.includes(event));
	const error = el("p", { id: "steps-error", class: "error", role: "alert", tabindex: "-1", hidden: true });
	const section = el("section", { id: "steps", "aria-labelledby": "steps-title" }, el("h2", { id: "steps-title" }, text("steps.title")), error);
	if (events.length === 0) {
		section.append(el("p", { class: "empty" }, text("steps.none")));
		return section;
	}
	for (const event of events) {
		section.append(stepForm(context, event, error));
	}
	return section;
}

function stepForm(context, event, error) {
	const { detail, people, session } = context;
	const controls = [];
	const inputs = {};
	if (NEEDS_CONSENT.includes(event)) {
		inputs.duty = el("input", { type: "text", id: `duty-${event}`, maxlength: "500" });
		controls.push(consentHint(context, event), field(text("steps.legalDuty"), inputs.duty));
	}
	if (event === "REFER_EXTERNAL") {
		inputs.hotline = options("hotline", people.hotlines.map((h) => [h.id, h.name]));
		controls.push(people.hotlines.length ? field(text("steps.hotline"), inputs.hotline, fingerprintHint(inputs.hotline, people.hotlines))
			: el("p", {}, text("steps.noHotline")));
	}
	if (event === "REASSIGN") {
		const candidates = people.advisers.filter((a) => a.id !== session.caller.accountId && !detail.excludedAdvisers.includes(a.id));
		if (candidates.length === 0) {
			return el("p", {}, text("steps.noAdviser"));
		}
		inputs.adviser = options("adviser", candidates.map((a) => [a.id, a.displayName]));
		controls.push(field(text("steps.adviser"), inputs.adviser, fingerprintHint(inputs.adviser, candidates)));
	}
	if (event === "CLOSE") {
		inputs.category = options("close-category", people.categories.map((c) => [c.code, c.name[language]]));
		inputs.unit = options("close-unit", people.units.map((u) => [u.code, u.name[language]]), true);
		inputs.track = options("close-track", TRACKS.map((t) => [t, text(`track.${t}`)]));
		inputs.outcome = options("close-outcome", OUTCOMES.map((o) => [o, text(`outcome.${o}`)]));
		controls.push(field(text("close.category"), inputs.category), field(text("close.unit"), inputs.unit),
			field(text("close.track"), inputs.track), field(text("close.outcome"), inputs.outcome));
	}
	const button = el("button", { type: "submit", id: `event-${event}` }, text(`event.${event}`));
	const form = controls.length
		? el("form", { class: "step", novalidate: true }, el("fieldset", {}, el("legend", {}, text(`event.${event}`)), controls, button))
		: el("form", { class: "step simple", novalidate: true }, button);
	form.addEventListener("submit", async (submitted) => {
		submitted.preventDefault();
		button.disabled = true;
		try {
			await fire(context, event, inputs);
			await context.again(text("steps.done", text(`event.${event}`)));
		}
		catch (problem) {
			button.disabled = false;
			announce("");
			error.textContent = problemText(problem);
			error.hidden = false;
			error.focus();
		}
	});
	return form;
}

/** The chosen recipient's key fingerprint, to compare out of band before sealing to it. */
function fingerprintHint(select, recipients) {
	const hint = el("p", { id: `${select.id}-fingerprint`, class: "hint", "aria-live": "polite" });
	select.setAttribute("aria-describedby", hint.id);
	select.addEventListener("change", () => {
		const chosen = recipients.find((r) => r.id === select.value);
		hint.textContent = chosen ? text("steps.fingerprint", chosen.fingerprint) : "";
	});
	return hint;
}

async function fire({ caseId, organisationId, caseKey, people }, event, inputs) {
	const body = { event };
	if (inputs.duty) {
		body.legalDutyReason = inputs.duty.value.trim() || null;
	}
	if (inputs.hotline) {
		body.share = await share(caseKey, organisationId, caseId, "HOTLINE", people.hotlines.find((h) => h.id === inputs.hotline.value));
	}
	if (inputs.adviser) {
		body.share = await share(caseKey, organisationId, caseId, "ADVISER", people.advisers.find((a) => a.id === inputs.adviser.value));
	}
	if (inputs.category) {
		// no kind chosen: no classification at all, so the server names what is missing
		body.closing = inputs.category.value ? { category: inputs.category.value, unit: inputs.unit.value || null,
			track: inputs.track.value || null, outcome: inputs.outcome.value || null } : null;
	}
	return api("POST", `/api/cases/${caseId}/events`, body);
}

/** Seals the case key to the chosen recipient's public key (chosen from the directory). */
async function share(caseKey, organisationId, caseId, recipientKind, recipient) {
	if (!recipient) {
		throw new Problem(422, { slug: "invalid-recipient" });
	}
	const envelope = await sealCaseKey(caseKey, fromBase64Url(recipient.publicKey), { organisationId, caseId, recipientId: recipient.id });
	return { recipientKind, recipientId: recipient.id, envelope: toBase64Url(envelope) };
}

function timeline(entries) {
	return el("section", { id: "timeline", "aria-labelledby": "timeline-title" },
		el("h2", { id: "timeline-title" }, text("timeline.title")),
		el("ol", { class: "timeline" }, entries.map((entry) => el("li", {},
			el("span", { class: "on" }, formatDate(entry.on)), " ",
			entry.event === "FILED" ? text("timeline.FILED") : text(`event.${entry.event}`),
			" → ", text(`state.${entry.state}`)))));
}

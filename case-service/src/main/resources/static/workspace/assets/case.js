// One case: opens the caller's key envelopes with the unlocked key, decrypts report,
// messages and notes in this browser, and seals every reply, note and share before it
// leaves. Binding ids come from the signed-in context and the route, never from fields
// stored next to a ciphertext. Whom a key is sealed to (a share, a re-keying, the staff
// key) comes from the key books this browser verifies, never from the server's lists.
import {
	newCaseKey, openAttachment, openAttachmentMeta, openCaseKey, openItem, sealCaseKey, sealItem,
} from "/meldpunt-crypto/v1/meldpunt-crypto.js";
import {
	announce, api, el, field, formatDate, fromBase64Url, href, language, Problem, problemText, shortId, text, textForm, toBase64Url,
} from "./api.js";
import { memberOf, receiving, shortFingerprint, verifiedBooks } from "./books.js";
import { uploadForm } from "./upload.js";
import { consentHint, minutesForm, NEEDS_CONSENT, PROCEDURE_KINDS, proposalsSection, proposeForm } from "./proposals.js";

const SIMPLE = ["ACKNOWLEDGE", "START_CONSULTATION", "ASK_REPORTER", "GIVE_FEEDBACK"];
const ORDER = [...SIMPLE.slice(0, 3), ...NEEDS_CONSENT, "GIVE_FEEDBACK", "REASSIGN", "CLOSE"];
const DUTIES = ["REPORTING_DUTY", "DANGER", "ORDER", "OTHER"];
const TRACKS = ["INFORMAL", "MEDIATION", "FORMAL_COMPLAINT", "INVESTIGATION", "EXTERNAL"];
const OUTCOMES = ["ADVICE_GIVEN", "RESOLVED", "SUBSTANTIATED", "NOT_SUBSTANTIATED", "REFERRED", "WITHDRAWN", "OTHER"];
/** The reporter's languages, each named in itself. */
const LANGUAGES = { nl: "Nederlands", en: "English", tr: "Türkçe", ar: "العربية", pl: "Polski" };
const REPORT_FIELDS = ["what", "when", "where", "who", "witnesses", "hopes"];

/**
 * Renders case `caseId` (from the route) into the page; a failure while rendering says so
 * on the page instead of leaving it loading.
 */
export async function renderCase(view, caseId, session, pages, rekeyed = false) {
	try {
		await render(view, caseId, session, pages, rekeyed);
	}
	catch (problem) {
		if (problem instanceof Problem && problem.status === 401) {
			// the session ended: the "meldpunt:expired" handler asks to sign in again
			return;
		}
		console.error("The case could not be shown", problem);
		pages.show(text("case.title", shortId(caseId)), el("p", { id: "case-problem", class: "error", role: "alert" },
			problemText(problem)));
	}
}

async function render(view, caseId, session, { show, navigate, directory }, rekeyed) {
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
	const keys = await openKeys(detail, session, people, organisationId, caseId);
	if (!keys.has("CASE:0")) {
		show(title, el("p", { class: "error", role: "alert" }, text("case.unreadable")), el("p", {}, back));
		return;
	}
	const items = await Promise.all(detail.items.map(async (item) => {
		try {
			const plain = await openItem(keys.get(`${item.purpose}:${item.epoch}`), fromBase64Url(item.ciphertext),
				{ organisationId, caseId, itemId: item.itemId, kind: item.kind });
			return { ...item, plain: new TextDecoder().decode(plain) };
		}
		catch {
			return { ...item, unreadable: true };
		}
	}));
	const books = await verifiedBooks();
	const report = parseReport(items.find((i) => i.kind === "REPORT"));
	if (detail.rekeyNeeded && !rekeyed) {
		try {
			await rekey({ caseId, organisationId, detail, keys, books, report });
			await renderCase(view, caseId, session, { show, navigate, directory }, true);
			announce(text("case.rekeyed"));
			return;
		}
		catch (problem) {
			announce(problemText(problem));
		}
	}
	const again = async (message) => {
		await renderCase(view, caseId, session, { show, navigate, directory });
		announce(message);
		document.getElementById("status").scrollIntoView?.({ block: "nearest" });
	};
	const context = { caseId, organisationId, keys, detail, people, session, books, report, again,
		sealingKey: () => sealingKey(detail, books, keys) };
	show(title,
		el("p", {}, back),
		facts(detail),
		trust(detail, books),
		reportSection(items.find((i) => i.kind === "REPORT"), report),
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

/**
 * What case `caseId` says (report, messages, notes, minutes), decrypted in this browser
 * with the caller's own keys, for a search that never reaches the server. What cannot be
 * opened is left out.
 */
export async function caseText(caseId, session, directory) {
	const detail = await api("GET", `/api/cases/${caseId}`);
	const organisationId = session.caller.organisationId;
	const keys = await openKeys(detail, session, await directory(), organisationId, caseId);
	const texts = await Promise.all(detail.items.map(async (item) => {
		try {
			return new TextDecoder().decode(await openItem(keys.get(`${item.purpose}:${item.epoch}`),
				fromBase64Url(item.ciphertext), { organisationId, caseId, itemId: item.itemId, kind: item.kind }));
		}
		catch {
			return "";
		}
	}));
	return texts.join("\n");
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

/**
 * The keys of this case sealed to the caller, opened: "PURPOSE:epoch" -> key. A handler's
 * envelopes sealed before hotline books named the hotline, not the handler.
 */
async function openKeys(detail, session, people, organisationId, caseId) {
	const keys = new Map();
	for (const key of detail.myKeys) {
		const ids = [people.self.recipientId];
		if (people.self.hotlineId && key.purpose === "CASE" && key.epoch === 0) {
			ids.push(people.self.hotlineId);
		}
		for (const recipientId of ids) {
			try {
				keys.set(`${key.purpose}:${key.epoch}`, await openCaseKey(fromBase64Url(key.envelope), session.keyPair,
					{ organisationId, caseId, recipientId, purpose: key.purpose, epoch: key.epoch }));
				break;
			}
			catch {
				// try the next binding, or leave the key out: its items show as unreadable
			}
		}
	}
	return keys;
}

function parseReport(report) {
	try {
		return report && !report.unreadable ? JSON.parse(report.plain) : null;
	}
	catch {
		return null;
	}
}

/** Who holds the current key of a purpose ("KIND:id"), from the caller's own envelope list. */
function holdersOf(detail, ref) {
	return detail.myKeys.find((k) => ref && k.purpose === ref.purpose && k.epoch === ref.epoch)?.holders ?? [];
}

/**
 * Nothing is sealed with a key that someone outside the key books holds: every holder of
 * the current key must be a current member (or the reporter), as this browser verified.
 */
function writable(detail, books, ref) {
	if (!books.organisation || detail.rekeyNeeded) {
		return false;
	}
	return holdersOf(detail, ref).every((h) => h.startsWith("REPORTER:") || memberOf(books, h) !== null);
}

/**
 * The current case key, to seal something new for the reporter (a proposal, minutes, a
 * file): refused while anyone outside the verified key books holds it.
 */
function sealingKey(detail, books, keys) {
	if (!writable(detail, books, detail.currentCaseKey)) {
		throw new Problem(0, { slug: "holders-not-members" });
	}
	return { key: keys.get(`CASE:${detail.currentCaseKey.epoch}`), epoch: detail.currentCaseKey.epoch };
}

function trust(detail, books) {
	if (!books.organisation) {
		return el("p", { id: "case-trust", class: "error", role: "alert" },
			text("case.bookInvalid", text(`keybook.reason.${books.problem ?? "EMPTY_BOOK"}`)));
	}
	if (!writable(detail, books, detail.currentCaseKey)) {
		return el("p", { id: "case-trust", class: "error", role: "alert" }, text("case.holdersNotMembers"));
	}
	return null;
}

/** The remaining members holding the case's current key, as the verified books list them. */
function remainingMembers(detail, books) {
	return receiving(books, holdersOf(detail, detail.currentCaseKey).filter((h) => !h.startsWith("REPORTER:"))
		.map((h) => memberOf(books, h)).filter(Boolean));
}

async function sealTo(key, member, organisationId, caseId) {
	return {
		recipientKind: member.role === "HOTLINE" ? "HOTLINE" : "ADVISER", recipientId: member.recipientId,
		envelope: toBase64Url(await sealCaseKey(key, member.publicKey,
			{ organisationId, caseId, recipientId: member.recipientId, purpose: key.purpose, epoch: key.epoch })),
	};
}

/**
 * A removed recipient still holds this case's keys: a new case key (and staff key) for
 * the remaining members, and a new case key for the reporter, whose public key comes from
 * the sealed report (where the server cannot change it).
 */
async function rekey({ caseId, organisationId, detail, books, report }) {
	if (!books.organisation) {
		throw new Problem(0, { slug: "key-book-invalid" });
	}
	const remaining = remainingMembers(detail, books);
	const next = await newCaseKey({ purpose: "CASE", epoch: detail.currentCaseKey.epoch + 1 });
	const envelopes = await Promise.all(remaining.map((m) => sealTo(next, m, organisationId, caseId)));
	const reporterKey = fromBase64Url(report?.reporterPublicKey ?? detail.reporterPublicKey);
	envelopes.push({ recipientKind: "REPORTER", recipientId: "reporter", envelope: toBase64Url(await sealCaseKey(next,
		reporterKey, { organisationId, caseId, recipientId: "reporter", purpose: "CASE", epoch: next.epoch })) });
	await api("POST", `/api/cases/${caseId}/keys`, { purpose: "CASE", epoch: next.epoch, envelopes });
	if (detail.currentStaffKey) {
		await newStaffKey({ caseId, organisationId, books, detail }, detail.currentStaffKey.epoch + 1);
	}
}

/** The staff key of internal notes: sealed to the remaining members only, never the reporter. */
async function newStaffKey({ caseId, organisationId, books, detail }, epoch) {
	const staff = await newCaseKey({ purpose: "STAFF", epoch });
	const envelopes = await Promise.all(remainingMembers(detail, books).map((m) => sealTo(staff, m, organisationId, caseId)));
	await api("POST", `/api/cases/${caseId}/keys`, { purpose: "STAFF", epoch, envelopes });
}

function reportSection(report, data) {
	const section = el("section", { id: "report", "aria-labelledby": "report-title" }, el("h2", { id: "report-title" }, text("report.title")));
	if (!data) {
		section.append(el("p", { class: "error" }, text("case.unreadable")));
		return section;
	}
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
async function attachments({ caseId, organisationId, keys, detail }) {
	if (detail.attachments.length === 0) {
		return null;
	}
	const list = el("ul", { class: "attachments" });
	for (const attachment of detail.attachments) {
		const binding = { organisationId, caseId, attachmentId: attachment.attachmentId };
		const caseKey = keys.get(`CASE:${attachment.epoch}`);
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

function writeForm(context, kind, name) {
	const { caseId, organisationId, detail, books, again } = context;
	const closed = !detail.open;
	if (closed && kind === "MESSAGE") {
		return null;
	}
	return textForm(name, {}, async (value) => {
		let ref = kind === "NOTE" ? detail.currentStaffKey : detail.currentCaseKey;
		if (kind === "NOTE" && !ref) {
			// the first internal note: a staff key the reporter never receives
			if (!books.organisation) {
				throw new Problem(0, { slug: "key-book-invalid" });
			}
			await newStaffKey(context, 0);
			const fresh = await api("GET", `/api/cases/${caseId}`);
			const key = fresh.myKeys.find((k) => k.purpose === "STAFF" && k.epoch === 0);
			context.keys.set("STAFF:0", await openCaseKey(fromBase64Url(key.envelope), context.session.keyPair,
				{ organisationId, caseId, recipientId: context.people.self.recipientId, purpose: "STAFF", epoch: 0 }));
			context.detail = fresh;
			ref = fresh.currentStaffKey;
		}
		if (!writable(context.detail, books, ref)) {
			throw new Problem(0, { slug: "holders-not-members" });
		}
		const itemId = crypto.randomUUID();
		const sealed = await sealItem(context.keys.get(`${ref.purpose}:${ref.epoch}`), new TextEncoder().encode(value),
			{ organisationId, caseId, itemId, kind });
		await api("POST", `/api/cases/${caseId}/items`,
			{ itemId, kind, ciphertext: toBase64Url(sealed), purpose: ref.purpose, epoch: ref.epoch });
		await again(text(kind === "NOTE" ? "note.saved" : "reply.sent"));
	}, problemText);
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
	const { detail, books, session, people } = context;
	const controls = [];
	const inputs = {};
	if (NEEDS_CONSENT.includes(event)) {
		inputs.duty = el("select", { id: `duty-${event}`, "aria-describedby": `duty-${event}-hint` },
			el("option", { value: "" }, text("steps.legalDuty.none")),
			DUTIES.map((duty) => el("option", { value: duty }, text(`duty.${duty}`))));
		controls.push(consentHint(context, event), field(text("steps.legalDuty"), inputs.duty,
			el("p", { id: `duty-${event}-hint`, class: "hint" }, text("steps.legalDuty.hint"))));
	}
	if (event === "REFER_EXTERNAL") {
		// only hotlines whose own book this browser verified against the organisation's pin
		const hotlines = [...books.hotlines].map(([id, h]) => [id, { name: h.name, members: receiving(books, h.members) }])
			.filter(([, h]) => h.members.length > 0)
			.map(([id, h]) => ({ id, name: h.name, fingerprint: h.members.map((m) => `${m.displayName} ${shortFingerprint(m.fingerprint)}`).join(", ") }));
		inputs.hotline = options("hotline", hotlines.map((h) => [h.id, h.name]));
		controls.push(hotlines.length ? field(text("steps.hotline"), inputs.hotline, fingerprintHint(inputs.hotline, hotlines))
			: el("p", {}, text("steps.noHotline")));
	}
	if (event === "REASSIGN") {
		if (session.caller.role === "HOTLINE" && detail.channel === "EXTERNAL_HOTLINE") {
			return el("p", { id: "reshare-note" }, text("steps.reporterConsent"));
		}
		const candidates = receiving(books, books.organisation?.members ?? [])
			.filter((m) => m.recipientId !== session.caller.accountId && !detail.excludedAdvisers.includes(m.recipientId)
				&& !detail.recipients.includes(`ADVISER:${m.recipientId}`))
			.map((m) => ({ id: m.recipientId, displayName: m.displayName, fingerprint: m.fingerprint }));
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

async function fire({ caseId, organisationId, keys, books }, event, inputs) {
	const body = { event };
	if (inputs.duty) {
		body.legalDuty = inputs.duty.value || null;
	}
	if (inputs.hotline) {
		const hotline = books.hotlines.get(inputs.hotline.value);
		body.share = await share(keys, organisationId, caseId, "HOTLINE", inputs.hotline.value, receiving(books, hotline?.members ?? []));
	}
	if (inputs.adviser) {
		const adviser = receiving(books, books.organisation?.members ?? []).find((m) => m.recipientId === inputs.adviser.value);
		body.share = await share(keys, organisationId, caseId, "ADVISER", inputs.adviser.value, adviser ? [adviser] : []);
	}
	if (inputs.category) {
		// no kind chosen: no classification at all, so the server names what is missing
		body.closing = inputs.category.value ? { category: inputs.category.value, unit: inputs.unit.value || null,
			track: inputs.track.value || null, outcome: inputs.outcome.value || null } : null;
	}
	return api("POST", `/api/cases/${caseId}/events`, body);
}

/**
 * Seals every key of the case to each new recipient, with the public key the verified key
 * book lists for it (an adviser, or each handler of the hotline).
 */
async function share(keys, organisationId, caseId, recipientKind, recipientId, members) {
	if (members.length === 0) {
		throw new Problem(422, { slug: "invalid-recipient" });
	}
	const envelopes = [];
	for (const member of members) {
		for (const key of keys.values()) {
			envelopes.push({ recipientId: member.recipientId, purpose: key.purpose, epoch: key.epoch,
				envelope: toBase64Url(await sealCaseKey(key, member.publicKey,
					{ organisationId, caseId, recipientId: member.recipientId, purpose: key.purpose, epoch: key.epoch })) });
		}
	}
	return { recipientKind, recipientId, envelopes };
}

function timeline(entries) {
	return el("section", { id: "timeline", "aria-labelledby": "timeline-title" },
		el("h2", { id: "timeline-title" }, text("timeline.title")),
		el("ol", { class: "timeline" }, entries.map((entry) => el("li", {},
			el("span", { class: "on" }, formatDate(entry.on)), " ",
			entry.event === "FILED" ? text("timeline.FILED") : text(`event.${entry.event}`),
			" → ", text(`state.${entry.state}`)))));
}

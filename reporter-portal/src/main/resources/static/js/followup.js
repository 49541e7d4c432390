// The reporter's way back: the token from the link's fragment (never sent to a server)
// opens the mailbox; messages are decrypted here; replies, files and a withdrawal are
// encrypted or sent from here. Every return checks that the organisation's key book of
// today extends the one the report was sealed to (its head is inside the sealed report).
import { deriveReporter, KeyBookError, openAttachment, openAttachmentMeta, openCaseKey, openItem, parseToken, sealItem, verifyKeyBook }
	from "/meldpunt-crypto/v1/meldpunt-crypto.js";
import { renderDecisions, wireMeetingForm } from "./decisions.js";
import { api, download, FormErrors, fromBase64Url, language, localized, Problem, text, toBase64Url, tooLarge, uploadFile,
	warnAboutHiddenDetails } from "./common.js";

const main = document.getElementById("main");
const maxAttachment = Number(main.dataset.maxAttachment);
const errors = new FormErrors(null, null);
const decoder = new TextDecoder();
const encoder = new TextEncoder();
const byId = (id) => document.getElementById(id);
let session = null;

const formatDate = (day) => (day
	? new Intl.DateTimeFormat(language, { dateStyle: "long" }).format(new Date(`${day}T12:00:00`)) : "");

function showProblem(message) {
	const problem = byId("problem");
	problem.textContent = message;
	problem.hidden = false;
	problem.focus();
}

async function open(typed) {
	errors.clear();
	byId("problem").hidden = true;
	// a second token opened on the same page shows nothing of the first case meanwhile
	session = null;
	byId("case").hidden = true;
	byId("token-form").hidden = false;
	let token;
	try {
		token = parseToken(typed.includes("#") ? typed.slice(typed.indexOf("#") + 1) : typed);
	}
	catch (error) {
		// a checksum miss (TokenTypoError) and text that is no token at all get the same advice
		errors.add("token", text("js.tokenTypo"));
		byId("token").focus();
		return;
	}
	byId("loading").textContent = text("js.encrypting");
	const opening = {};
	session = opening;
	const reporter = await deriveReporter(token);
	if (session !== opening) {
		return;
	}
	session = Object.assign(opening, { token, keyPair: reporter.keyPair, credential: toBase64Url(reporter.credential) });
	for (const link of document.querySelectorAll(".languages a")) {
		link.href = `${link.pathname}#${token}`;
	}
	try {
		await load();
	}
	catch (error) {
		if (session !== opening) {
			return;
		}
		session = null;
		byId("loading").textContent = "";
		byId("case").hidden = true;
		byId("token-form").hidden = false;
		errors.add("token", error instanceof Problem ? error.message : text("problem.unexpected"));
		byId("token").focus();
	}
}

async function load() {
	// a token opened meanwhile wins: nothing of this one is shown then
	const current = session;
	const { data: mailbox } = await api("GET", "/api/mailbox", { credential: current.credential });
	const organisationId = mailbox.organisationId;
	const caseId = mailbox.caseId;
	// the case key of every epoch: a new one after an adviser was removed
	const keys = new Map();
	for (const key of mailbox.reporterKeys ?? [{ epoch: 0, envelope: mailbox.reporterKeyEnvelope }]) {
		keys.set(key.epoch, await openCaseKey(fromBase64Url(key.envelope), current.keyPair,
			{ organisationId, caseId, recipientId: "reporter", epoch: key.epoch }));
	}
	if (session !== current) {
		return;
	}
	const caseKey = keys.get(mailbox.currentEpoch ?? 0);
	Object.assign(session, { caseKey, keys, organisationId, caseId });
	byId("token-form").hidden = true;
	byId("loading").textContent = "";
	renderStatus(mailbox);
	renderTimeline(mailbox.timeline ?? []);
	await renderItems(mailbox.items ?? []);
	await checkBooks(mailbox);
	await renderFiles(mailbox.attachments ?? []);
	await renderDecisions(mailbox, session, { list: byId("decisions"), empty: byId("decisions-empty"), formatDate,
		reload: load, status: byId("decisions-status") });
	// the case service says whether the case is still open; the states are its business
	const closed = !mailbox.open;
	for (const element of document.querySelectorAll(".open-only")) {
		element.hidden = closed;
	}
	byId("closed").hidden = !closed;
	byId("case").hidden = false;
}

function renderStatus(mailbox) {
	byId("state").textContent = text(`state.${mailbox.state}`);
	byId("receivedOn").textContent = formatDate(mailbox.receivedOn);
	byId("acknowledgeBy").textContent = formatDate(mailbox.acknowledgeBy);
	byId("feedbackBy").textContent = formatDate(mailbox.feedbackBy);
	for (const element of document.querySelectorAll(".feedback")) {
		element.hidden = !mailbox.feedbackBy;
	}
	byId("hotline").textContent = mailbox.hotline ? `${mailbox.hotline.name} (${mailbox.hotline.contact})` : "";
	for (const element of document.querySelectorAll(".hotline")) {
		element.hidden = !mailbox.hotline;
	}
}

function renderTimeline(timeline) {
	byId("timeline").replaceChildren(...timeline.map((entry) => {
		const item = document.createElement("li");
		const known = text(`event.${entry.event}`);
		item.textContent = `${formatDate(entry.on)}: ${known === text("problem.unexpected") ? text(`state.${entry.state}`) : known}`;
		return item;
	}));
}

async function renderItems(items) {
	const entries = [];
	for (const item of items) {
		if (item.kind !== "REPORT" && item.kind !== "MESSAGE" && item.kind !== "MEETING_REQUEST") {
			continue;
		}
		const entry = document.createElement("li");
		entry.classList.toggle("mine", item.author === "REPORTER");
		const meta = document.createElement("span");
		meta.className = "meta";
		meta.textContent = `${text(`author.${item.author}`)}, ${formatDate(item.createdOn)}`;
		const body = document.createElement("span");
		try {
			const plain = decoder.decode(await openItem(session.keys.get(item.epoch ?? 0), fromBase64Url(item.ciphertext),
				{ organisationId: session.organisationId, caseId: session.caseId, itemId: item.itemId, kind: item.kind }));
			if (item.kind === "REPORT") {
				body.append(reportFields(plain));
			}
			else {
				body.textContent = item.kind === "MEETING_REQUEST" ? `${text("js.meetingAsked")} ${plain}` : plain;
			}
		}
		catch (error) {
			body.textContent = text("js.cryptoFailed");
		}
		entry.append(meta, body);
		entries.push(entry);
	}
	byId("conversation").replaceChildren(...entries);
	byId("conversation-empty").hidden = entries.length > 0;
}

/** The heads the report was sealed to, from inside the sealed report. */
async function sealedHeads(mailbox) {
	const report = (mailbox.items ?? []).find((item) => item.kind === "REPORT");
	const plain = decoder.decode(await openItem(session.keys.get(report.epoch ?? 0), fromBase64Url(report.ciphertext),
		{ organisationId: session.organisationId, caseId: session.caseId, itemId: report.itemId, kind: "REPORT" }));
	return JSON.parse(plain);
}

async function extendsSealed(entries, options, sealed) {
	const book = await verifyKeyBook((entries ?? []).map(fromBase64Url), options);
	book.requireExtends({ sequence: sealed.sequence, hash: fromBase64Url(sealed.head) });
}

/**
 * Says whether today's key book (and the hotline's) extends what the report was sealed
 * to: only grown by signed changes, or rewritten (then the case should not be trusted).
 */
async function checkBooks(mailbox) {
	const status = byId("book-status");
	let message;
	let ok = false;
	try {
		const sealed = await sealedHeads(mailbox);
		if (!sealed.keyBook) {
			message = text("js.book.noRecord");
		}
		else {
			await extendsSealed(mailbox.keyBook, { organisationId: session.organisationId }, sealed.keyBook);
			if (sealed.hotlineBook) {
				await extendsSealed(mailbox.hotlineKeyBook, { organisationId: session.organisationId,
					hotlineId: sealed.hotlineBook.hotlineId }, sealed.hotlineBook);
			}
			message = text("js.book.extends");
			ok = true;
		}
	}
	catch (error) {
		message = error instanceof KeyBookError && error.reason === "NOT_EXTENDED" ? text("js.book.rewritten")
			: `${text("js.book.unverifiable")} ${error instanceof KeyBookError ? text(`js.book.${error.reason}`) : text("js.book.NO_SUPPORT")}`;
	}
	status.textContent = message;
	status.className = ok ? "notice" : "error-summary";
	status.setAttribute("role", ok ? "status" : "alert");
	status.hidden = false;
}

/** The reporter's own report, each part under its label (the form's, without the "*"). */
function reportFields(plain) {
	let report;
	try {
		report = JSON.parse(plain);
	}
	catch (error) {
		const raw = document.createElement("span");
		raw.textContent = plain;
		return raw;
	}
	const list = document.createElement("dl");
	list.className = "report";
	const parts = [["report.category", localized(report.category?.name) ?? report.category?.code],
		...["what", "when", "where", "who", "witnesses", "hopes", "name", "contact"].map((key) => [`report.${key}`, report[key]])];
	for (const [key, value] of parts.filter(([, part]) => part)) {
		const term = document.createElement("dt");
		term.textContent = text(key).replace(/\s*\*$/, "");
		const description = document.createElement("dd");
		description.textContent = value;
		list.append(term, description);
	}
	return list;
}

async function renderFiles(attachments) {
	const entries = [];
	for (const attachment of attachments) {
		const binding = { organisationId: session.organisationId, caseId: session.caseId,
			attachmentId: attachment.attachmentId };
		const caseKey = session.keys.get(attachment.epoch ?? 0);
		let meta;
		try {
			meta = await openAttachmentMeta(caseKey, fromBase64Url(attachment.metaCiphertext), binding);
		}
		catch (error) {
			meta = { name: text("js.cryptoFailed"), type: "" };
		}
		const entry = document.createElement("li");
		const button = document.createElement("button");
		button.type = "button";
		button.className = "button";
		button.textContent = `${text("js.download")}: ${meta.name}`;
		button.addEventListener("click", async () => {
			const chunks = [];
			for (let i = 0; i < attachment.chunkCount; i++) {
				chunks.push((await api("GET", `/api/mailbox/attachments/${attachment.attachmentId}/chunks/${i}`,
					{ credential: session.credential })).data);
			}
			download(await openAttachment(caseKey, chunks, binding), meta.name, meta.type);
		});
		const author = document.createElement("span");
		author.className = "meta";
		author.textContent = `${text(`author.${attachment.author}`)}, ${formatDate(attachment.createdOn)}`;
		entry.append(button, author);
		entries.push(entry);
	}
	byId("files-list").replaceChildren(...entries);
	byId("files-empty").hidden = entries.length > 0;
}

byId("token-form").addEventListener("submit", (event) => {
	event.preventDefault();
	open(byId("token").value.trim());
});

byId("reply-form").addEventListener("submit", async (event) => {
	event.preventDefault();
	errors.clear();
	const reply = byId("reply").value.trim();
	if (!reply) {
		errors.add("reply", text("js.required"));
		byId("reply").focus();
		return;
	}
	try {
		const itemId = crypto.randomUUID();
		const ciphertext = await sealItem(session.caseKey, encoder.encode(reply),
			{ organisationId: session.organisationId, caseId: session.caseId, itemId, kind: "MESSAGE" });
		await api("POST", "/api/mailbox/messages", { credential: session.credential,
			json: { itemId, ciphertext: toBase64Url(ciphertext), epoch: session.caseKey.epoch }, retries: 3 });
		byId("reply").value = "";
		await load();
		byId("status").textContent = text("js.sent");
	}
	catch (error) {
		errors.add("reply", error instanceof Problem ? error.message : text("problem.unexpected"));
	}
});

byId("files-form").addEventListener("submit", async (event) => {
	event.preventDefault();
	errors.clear();
	const files = Array.from(byId("files").files);
	if (files.length === 0) {
		errors.add("files", text("js.required"));
		return;
	}
	const large = tooLarge(files, maxAttachment);
	if (large.length > 0) {
		errors.add("files", `${text("js.fileTooLarge", Math.floor(maxAttachment / 1048576))} ${large.map((f) => f.name).join(", ")}`);
		return;
	}
	const progress = byId("progress");
	byId("progress-area").hidden = false;
	const stripped = [];
	try {
		for (let i = 0; i < files.length; i++) {
			byId("status").textContent = `${text("js.uploading")} ${files[i].name}`;
			await uploadFile(files[i], { ...session, maxBytes: maxAttachment, onStripped: (name) => stripped.push(name),
				onProgress: (fraction) => {
					progress.value = Math.round(100 * (i + fraction) / files.length);
				} });
		}
		byId("files").value = "";
		await load();
		byId("status").textContent = stripped.length > 0 ? `${text("js.stripped")} ${stripped.join(", ")}` : text("js.sent");
	}
	catch (error) {
		errors.add("files", error instanceof Problem ? error.message : text("problem.unexpected"));
	}
});

wireMeetingForm(() => session, { form: byId("meeting-form"), area: byId("meeting"), reload: load,
	status: byId("decisions-status"), errors });

byId("withdraw-confirm").addEventListener("change", () => {
	byId("withdraw").disabled = !byId("withdraw-confirm").checked;
});

byId("withdraw").addEventListener("click", async () => {
	try {
		await api("POST", "/api/mailbox/withdraw", { credential: session.credential });
		await load();
		byId("status-heading").focus();
	}
	catch (error) {
		showProblem(error instanceof Problem ? error.message : text("problem.unexpected"));
	}
});

warnAboutHiddenDetails(byId("files"), byId("files-warning"), byId("files-warning-names"));

/**
 * Opens the token in the address's fragment, then takes it out of the address bar and
 * of this history entry, so that neither the back button nor the browser's history
 * shows it. A link to another token followed on this page (only the fragment changes,
 * the page is not loaded again) opens that case.
 */
function openFromAddress() {
	if (location.hash.length <= 1) {
		return;
	}
	const typed = decodeURIComponent(location.hash.slice(1));
	history.replaceState(null, "", location.pathname + location.search);
	open(typed);
}

window.addEventListener("hashchange", openFromAddress);
openFromAddress();

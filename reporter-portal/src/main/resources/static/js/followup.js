// The reporter's way back: the token from the link's fragment (never sent to a server)
// opens the mailbox; messages are decrypted here; replies, files and a withdrawal are
// encrypted or sent from here.
import { deriveReporter, openAttachment, openAttachmentMeta, openCaseKey, openItem, parseToken, sealItem }
	from "/meldpunt-crypto/v1/meldpunt-crypto.js";
import { renderDecisions, wireMeetingForm } from "./decisions.js";
import { api, download, FormErrors, fromBase64Url, language, localized, Problem, text, toBase64Url, tooLarge, uploadFile }
	from "./common.js";

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
	const reporter = await deriveReporter(token);
	session = { token, keyPair: reporter.keyPair, credential: toBase64Url(reporter.credential) };
	for (const link of document.querySelectorAll(".languages a")) {
		link.href = `${link.pathname}#${token}`;
	}
	try {
		await load();
	}
	catch (error) {
		session = null;
		byId("loading").textContent = "";
		byId("case").hidden = true;
		byId("token-form").hidden = false;
		errors.add("token", error instanceof Problem ? error.message : text("problem.unexpected"));
		byId("token").focus();
	}
}

async function load() {
	const { data: mailbox } = await api("GET", "/api/mailbox", { credential: session.credential });
	const organisationId = mailbox.organisationId;
	const caseId = mailbox.caseId;
	const caseKey = await openCaseKey(fromBase64Url(mailbox.reporterKeyEnvelope), session.keyPair,
		{ organisationId, caseId, recipientId: "reporter" });
	Object.assign(session, { caseKey, organisationId, caseId });
	byId("token-form").hidden = true;
	byId("loading").textContent = "";
	renderStatus(mailbox);
	renderTimeline(mailbox.timeline ?? []);
	await renderItems(mailbox.items ?? []);
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
			const plain = decoder.decode(await openItem(session.caseKey, fromBase64Url(item.ciphertext),
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
		let meta;
		try {
			meta = await openAttachmentMeta(session.caseKey, fromBase64Url(attachment.metaCiphertext), binding);
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
			download(await openAttachment(session.caseKey, chunks, binding), meta.name, meta.type);
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
			json: { itemId, ciphertext: toBase64Url(ciphertext) }, retries: 3 });
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

if (location.hash.length > 1) {
	open(decodeURIComponent(location.hash.slice(1)));
}

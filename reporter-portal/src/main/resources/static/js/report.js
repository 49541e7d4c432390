// The report form: checks the input, verifies the organisation's key book, encrypts
// everything in this browser to the members the verified book lists for the chosen
// route (never to anyone else the server names), files the report, uploads the
// attachments, and shows the token link exactly once.
import { deriveReporter, generateToken, newCaseKey, sealCaseKey, sealItem } from "/meldpunt-crypto/v1/meldpunt-crypto.js";
import qrcode from "/vendor/qrcode-generator-2.0.4/qrcode.mjs";
import { api, download, FormErrors, language, Problem, text, toBase64Url, tooLarge, uploadFile,
	warnAboutHiddenDetails } from "./common.js";
import { BookRefusal, headOf, refusalText, shortFingerprint, verifiedBooks } from "./keybook.js";

const form = document.getElementById("report-form");
const encoder = new TextEncoder();

if (form) {
	const slug = form.dataset.slug;
	const base = form.dataset.base ?? "";
	const maxAttachment = Number(form.dataset.maxAttachment);
	const maxText = Number(form.dataset.maxText);
	const errors = new FormErrors(document.getElementById("error-summary"), document.getElementById("error-list"));
	const status = document.getElementById("status");
	const progressArea = document.getElementById("progress-area");
	const progress = document.getElementById("progress");
	const submit = document.getElementById("submit");
	let portal = null;
	let books = null;
	let bookRefusal = null;
	const portalLoaded = api("GET", `/api/o/${slug}`).then(async (answer) => {
		portal = answer.data;
		try {
			books = await verifiedBooks(portal);
			showVerified();
		}
		catch (error) {
			bookRefusal = error instanceof BookRefusal ? error : new BookRefusal("NO_SUPPORT");
			showRefused();
		}
	});

	/**
	 * Whether the service lists a verified member as active (a disabled or removed
	 * account is never sealed to): the service can leave a member out this way, never
	 * add one, and the page shows exactly whom the report goes to.
	 */
	const active = (member, listed) => (listed ?? []).some((recipient) => recipient.id === member.recipientId);
	const activeAdvisers = () => books.book.members.filter((m) => active(m, portal.advisers));
	const activeHandlers = (hotlineId, hotline) =>
		hotline.members.filter((m) => active(m, portal.hotlines?.find((h) => h.id === hotlineId)?.handlers));

	/** Names and short fingerprints from the verified book; anything else the page lists goes. */
	const showVerified = () => {
		const members = new Map(books.book.members.map((m) => [m.recipientId, m]));
		const fieldset = document.getElementById("exclude-choice");
		const listed = new Set(Array.from(form.querySelectorAll('input[name="exclude"]'), (box) => box.value));
		for (const member of fieldset ? books.book.members.filter((m) => !listed.has(m.recipientId)) : []) {
			// a member the page did not list can still be excluded
			const index = form.querySelectorAll('input[name="exclude"]').length;
			const choice = document.createElement("div");
			choice.className = "choice";
			const box = Object.assign(document.createElement("input"), { type: "checkbox", name: "exclude", id: `exclude-${index}`, value: member.recipientId });
			const label = Object.assign(document.createElement("label"), { htmlFor: box.id });
			choice.append(box, label);
			fieldset.append(choice);
		}
		for (const box of form.querySelectorAll('input[name="exclude"]')) {
			const member = members.get(box.value);
			const label = form.querySelector(`label[for="${box.id}"]`);
			if (!member) {
				box.closest(".choice").remove();
				continue;
			}
			label.textContent = `${member.displayName} (${shortFingerprint(member.fingerprint)})`;
		}
		for (const radio of form.querySelectorAll('input[name="hotlineId"]')) {
			const hotline = books.hotlines.get(radio.value);
			const label = form.querySelector(`label[for="${radio.id}"]`);
			if (!hotline || activeHandlers(radio.value, hotline).length === 0) {
				radio.disabled = true;
				label.append(` – ${text("js.book.hotlineUnavailable")}`);
				continue;
			}
			label.append(` – ${activeHandlers(radio.value, hotline).map((m) => `${m.displayName} (${shortFingerprint(m.fingerprint)})`).join(", ")}`);
		}
		const list = document.getElementById("recipients-list");
		list.replaceChildren(...activeAdvisers().map((m) => {
			const item = document.createElement("li");
			item.textContent = `${m.displayName} – ${shortFingerprint(m.fingerprint)}`;
			return item;
		}));
		document.getElementById("safety-code").textContent = books.book.safetyCode.printable;
		document.getElementById("book-verified").hidden = false;
	};

	const showRefused = () => {
		const box = document.getElementById("book-problem");
		box.textContent = `${text("js.book.refused")} ${refusalText(bookRefusal)}`;
		box.hidden = false;
		submit.disabled = true;
	};

	const value = (id) => document.getElementById(id)?.value.trim() ?? "";
	const checked = (name) => form.querySelector(`input[name="${name}"]:checked`)?.value ?? null;

	const syncChoices = () => {
		const hotline = checked("route") === "HOTLINE";
		const hotlineChoice = document.getElementById("hotline-choice");
		const excludeChoice = document.getElementById("exclude-choice");
		if (hotlineChoice) {
			hotlineChoice.hidden = !hotline;
		}
		if (excludeChoice) {
			excludeChoice.hidden = hotline;
		}
		document.getElementById("named-fields").hidden = checked("identity") !== "named";
	};
	form.addEventListener("change", syncChoices);
	syncChoices();
	warnAboutHiddenDetails(document.getElementById("files"), document.getElementById("files-warning"),
		document.getElementById("files-warning-names"));

	const validate = () => {
		errors.clear();
		if (document.getElementById("accessCode") && !value("accessCode")) {
			errors.add("accessCode", text("js.required"));
		}
		if (checked("route") === "HOTLINE" && !checked("hotlineId")) {
			errors.add("hotlineId", text("js.required"));
		}
		const excluded = Array.from(form.querySelectorAll('input[name="exclude"]:checked'));
		const all = form.querySelectorAll('input[name="exclude"]').length;
		if (checked("route") !== "HOTLINE" && all > 0 && excluded.length === all) {
			errors.add("exclude", text("js.excludedAll"));
		}
		if (!value("category")) {
			errors.add("category", text("js.required"));
		}
		if (!value("what")) {
			errors.add("what", text("js.required"));
		}
		for (const id of ["what", "when", "where", "who", "witnesses", "hopes"]) {
			if (value(id).length > maxText) {
				errors.add(id, text("js.tooLong"));
			}
		}
		if (checked("identity") === "named") {
			if (!value("name")) {
				errors.add("name", text("js.required"));
			}
			if (!value("contact")) {
				errors.add("contact", text("js.required"));
			}
		}
		const large = tooLarge(document.getElementById("files").files, maxAttachment);
		if (large.length > 0) {
			errors.add("files", text("js.fileTooLarge", Math.floor(maxAttachment / 1048576)) + " "
				+ large.map((file) => file.name).join(", "));
		}
		return errors.empty;
	};

	const showProgress = (fraction, message) => {
		progressArea.hidden = false;
		progress.value = Math.round(fraction * 100);
		if (message) {
			status.textContent = message;
		}
	};

	/** The current members the verified books list for the chosen route: nobody else. */
	const recipients = () => {
		if (checked("route") === "HOTLINE") {
			const hotline = books.hotlines.get(checked("hotlineId"));
			if (!hotline || activeHandlers(checked("hotlineId"), hotline).length === 0) {
				throw new BookRefusal(hotline?.refusal ?? "HOTLINE_NOT_PINNED");
			}
			return activeHandlers(checked("hotlineId"), hotline)
				.map((m) => ({ kind: "HOTLINE", id: m.recipientId, publicKey: m.publicKey }));
		}
		const excluded = new Set(Array.from(form.querySelectorAll('input[name="exclude"]:checked'), (box) => box.value));
		return activeAdvisers().filter((m) => !excluded.has(m.recipientId))
			.map((m) => ({ kind: "ADVISER", id: m.recipientId, publicKey: m.publicKey }));
	};

	/**
	 * What the report says besides the reporter's words: the heads of the books it was
	 * sealed to and the reporter's public key. Inside the ciphertext the server cannot
	 * change them: the token page checks later books against these heads, and a
	 * re-keying adviser seals to this key.
	 */
	const sealedFacts = (reporterPublicKey) => {
		const facts = { keyBook: headOf(books.book), reporterPublicKey: toBase64Url(reporterPublicKey) };
		if (checked("route") === "HOTLINE") {
			facts.hotlineBook = { hotlineId: checked("hotlineId"), ...headOf(books.hotlines.get(checked("hotlineId")).book) };
		}
		return facts;
	};

	const reportContent = () => {
		const category = portal.categories.find((c) => c.code === value("category"));
		const named = checked("identity") === "named";
		return {
			version: 1,
			category: { code: category.code, name: category.name },
			what: value("what"), when: value("when"), where: value("where"), who: value("who"),
			witnesses: value("witnesses"), hopes: value("hopes"),
			anonymous: !named, name: named ? value("name") : null, contact: named ? value("contact") : null,
			language,
		};
	};

	const file = async () => {
		await portalLoaded;
		if (bookRefusal) {
			throw bookRefusal;
		}
		const sealTo = recipients();
		const token = generateToken();
		const reporter = await deriveReporter(token);
		const caseKey = await newCaseKey();
		const organisationId = portal.organisationId;
		const caseId = crypto.randomUUID();
		const itemId = crypto.randomUUID();
		showProgress(0.05, text("js.encrypting"));
		const content = { ...reportContent(), ...sealedFacts(reporter.keyPair.publicKey) };
		const report = await sealItem(caseKey, encoder.encode(JSON.stringify(content)),
			{ organisationId, caseId, itemId, kind: "REPORT" });
		const keyEnvelopes = [];
		for (const recipient of sealTo) {
			const envelope = await sealCaseKey(caseKey, recipient.publicKey,
				{ organisationId, caseId, recipientId: recipient.id });
			keyEnvelopes.push({ recipientKind: recipient.kind, recipientId: recipient.id, envelope: toBase64Url(envelope) });
		}
		const own = await sealCaseKey(caseKey, reporter.keyPair.publicKey, { organisationId, caseId, recipientId: "reporter" });
		keyEnvelopes.push({ recipientKind: "REPORTER", recipientId: "reporter", envelope: toBase64Url(own) });
		const credential = toBase64Url(reporter.credential);
		const hotline = checked("route") === "HOTLINE";
		const filing = {
			caseId,
			accessCode: document.getElementById("accessCode") ? value("accessCode") : undefined,
			route: hotline ? "HOTLINE" : "ADVISERS",
			hotlineId: hotline ? checked("hotlineId") : undefined,
			excludedAdviserIds: hotline ? [] : Array.from(form.querySelectorAll('input[name="exclude"]:checked'), (b) => b.value),
			mailboxCredential: credential,
			reporterPublicKey: toBase64Url(reporter.keyPair.publicKey),
			report: { itemId, ciphertext: toBase64Url(report) },
			keyEnvelopes,
			language,
		};
		showProgress(0.15, text("js.sending"));
		await api("POST", `/api/o/${slug}/cases`, { json: filing, retries: 3 });
		return { token, caseKey, organisationId, caseId, credential, epoch: 0 };
	};

	const uploadAll = async (filed) => {
		const files = Array.from(document.getElementById("files").files);
		const stripped = [];
		for (let i = 0; i < files.length; i++) {
			const share = 0.8 / files.length;
			showProgress(0.2 + share * i, text("js.uploading") + " " + files[i].name);
			try {
				await uploadFile(files[i], { ...filed, maxBytes: maxAttachment,
					onStripped: (name) => stripped.push(name),
					onProgress: (fraction) => showProgress(0.2 + share * (i + fraction)) });
			}
			catch (error) {
				// the report is filed; this file and the ones after it are not
				throw Object.assign(error ?? new Error(), { unsent: files.slice(i).map((f) => f.name) });
			}
		}
		showProgress(1, stripped.length > 0 ? text("js.stripped") + " " + stripped.join(", ") : text("js.sent"));
	};

	form.addEventListener("submit", async (event) => {
		event.preventDefault();
		if (!validate()) {
			errors.show();
			return;
		}
		submit.disabled = true;
		let filed;
		try {
			filed = await file();
		}
		catch (error) {
			submit.disabled = false;
			progressArea.hidden = true;
			showFailure(error);
			return;
		}
		let uploadProblem = null;
		try {
			await uploadAll(filed);
		}
		catch (error) {
			uploadProblem = error;
		}
		showToken(filed.token, uploadProblem);
	});

	const showFailure = (error) => {
		errors.clear();
		const message = error instanceof BookRefusal ? `${text("js.book.refused")} ${refusalText(error)}`
			: error instanceof Problem ? error.message : text("problem.unexpected");
		const field = error instanceof Problem && error.type.endsWith("/wrong-access-code") ? "accessCode"
			: error instanceof Problem && error.type.endsWith("/all-advisers-excluded") ? "exclude"
				: error instanceof Problem && error.status === 413 ? "files" : "submit";
		errors.add(field, message);
		errors.show();
		status.textContent = "";
	};

	const leaveGuard = (event) => {
		event.preventDefault();
		event.returnValue = "";
	};

	const showToken = (token, uploadProblem) => {
		const link = `${location.origin}${base}/r/#${token}`;
		form.reset();
		form.hidden = true;
		const done = document.getElementById("done");
		done.hidden = false;
		document.getElementById("token-link").value = link;
		document.getElementById("token-code").textContent = token;
		// the status line (e.g. which photos lost their hidden details) moves along with the reporter
		done.insertBefore(status, document.getElementById("kept").parentElement);
		drawQr(document.getElementById("qr"), link);
		if (uploadProblem) {
			// the report itself was filed: say which files were not sent and how to add them,
			// and the status no longer says they are being uploaded
			progressArea.hidden = true;
			status.textContent = "";
			const note = document.createElement("p");
			note.className = "error";
			note.id = "files-not-sent";
			note.setAttribute("role", "alert");
			note.textContent = text("js.filesNotSent", (uploadProblem.unsent ?? []).join(", "));
			done.insertBefore(note, done.children[1]);
		}
		window.addEventListener("beforeunload", leaveGuard);
		document.getElementById("copy").addEventListener("click", async () => {
			const field = document.getElementById("token-link");
			try {
				await navigator.clipboard.writeText(link);
			}
			catch (error) {
				field.select();
				document.execCommand("copy");
			}
			status.textContent = text("done.copied");
		});
		document.getElementById("save").addEventListener("click", () => {
			download(encoder.encode(`${text("done.file.content")}\n\n${link}\n`), "meldpunt-link.txt", "text/plain");
		});
		document.getElementById("finish").addEventListener("click", () => {
			errors.clear();
			if (!document.getElementById("kept").checked) {
				errors.add("kept", text("done.finish.blocked"));
				document.getElementById("kept").focus();
				return;
			}
			window.removeEventListener("beforeunload", leaveGuard);
			location.assign(`${base}/o/${slug}`);
		});
		document.getElementById("done-title").focus();
	};
}

/** Draws the QR code on a canvas, module by module: no image URL, no inline style. */
function drawQr(canvas, link) {
	const code = qrcode(0, "M");
	code.addData(link);
	code.make();
	const count = code.getModuleCount();
	const margin = 4;
	const cell = Math.max(1, Math.floor(canvas.width / (count + 2 * margin)));
	const size = cell * (count + 2 * margin);
	canvas.width = size;
	canvas.height = size;
	const context = canvas.getContext("2d");
	context.fillStyle = "#ffffff";
	context.fillRect(0, 0, size, size);
	context.fillStyle = "#000000";
	for (let row = 0; row < count; row++) {
		for (let col = 0; col < count; col++) {
			if (code.isDark(row, col)) {
				context.fillRect((col + margin) * cell, (row + margin) * cell, cell, cell);
			}
		}
	}
	canvas.dataset.modules = String(count);
}

// Shared by the report and follow-up pages: texts, the browser API, field errors, and
// attachments (metadata stripping, encryption in chunks, upload with progress).
import { sealAttachment } from "/meldpunt-crypto/v1/meldpunt-crypto.js";
import { fromBase64Url, Problem, toBase64Url } from "/meldpunt-base/v1/base.js";

export { fromBase64Url, Problem, toBase64Url };

const texts = new Map();
for (const span of document.querySelectorAll("#texts [data-key]")) {
	texts.set(span.dataset.key, span.textContent);
}

/** A text in the page's language, rendered by the server from messages_*.properties. */
export function text(key, argument) {
	const value = texts.get(key) ?? texts.get("problem.unexpected") ?? key;
	return argument === undefined ? value : value.replace("{0}", argument);
}

/** The page's language (the server chose it by the path); Dutch when unknown. */
export const language = ["nl", "en", "tr", "ar", "pl"].includes(document.documentElement.lang)
	? document.documentElement.lang : "nl";

/** An organisation's name for something in the page's language, else English, else Dutch. */
export function localized(names) {
	return names?.[language] ?? (language === "nl" ? null : names?.en) ?? names?.nl ?? null;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls the portal's browser API. A network failure is retried (the requests are
 * idempotent: the browser chose every id), a refusal becomes a Problem.
 */
export async function api(method, path, { json, body, credential, retries = 2 } = {}) {
	const headers = { "Accept-Language": language, Accept: "application/json, application/problem+json" };
	if (credential) {
		headers["X-Mailbox-Credential"] = credential;
	}
	if (json !== undefined) {
		headers["Content-Type"] = "application/json";
		body = JSON.stringify(json);
	}
	else if (body !== undefined) {
		headers["Content-Type"] = "application/octet-stream";
	}
	for (let attempt = 0; ; attempt++) {
		let response;
		try {
			response = await fetch(path, { method, headers, body, credentials: "omit", cache: "no-store",
				referrerPolicy: "no-referrer" });
		}
		catch (error) {
			if (attempt < retries) {
				await sleep(500 * (attempt + 1));
				continue;
			}
			throw new Problem(0, { detail: text("js.network"), type: "network" });
		}
		if ((response.status === 429 || response.status === 503) && attempt < retries) {
			await sleep(1000 * (attempt + 1));
			continue;
		}
		if (!response.ok) {
			let problem = {};
			try {
				problem = await response.json();
			}
			catch (error) {
				problem = {};
			}
			throw new Problem(response.status, { detail: problem.detail ?? text("problem.unexpected"),
				type: problem.type, fields: (problem.errors ?? []).map((e) => e.field) });
		}
		const type = response.headers.get("Content-Type") ?? "";
		if (type.includes("json")) {
			return { status: response.status, data: await response.json() };
		}
		if (type.includes("octet-stream")) {
			return { status: response.status, data: new Uint8Array(await response.arrayBuffer()) };
		}
		return { status: response.status, data: null };
	}
}

/** The visible name of a field (its label, or its group's legend), without the "*" mark. */
function labelOf(fieldId) {
	const label = document.querySelector(`label[for="${fieldId}"]`)
		?? document.getElementById(`${fieldId}-error`)?.closest("fieldset")?.querySelector("legend");
	return label ? label.textContent.replace(/\s*\*\s*$/, "").trim() : "";
}

/** Field errors shown next to the field (aria-describedby) and in a summary that links to them. */
export class FormErrors {
	constructor(summary, list) {
		this.summary = summary;
		this.list = list;
		this.errors = [];
	}

	clear() {
		for (const error of document.querySelectorAll(".error")) {
			error.hidden = true;
			error.textContent = "";
		}
		for (const field of document.querySelectorAll("[aria-invalid]")) {
			field.removeAttribute("aria-invalid");
		}
		if (this.list) {
			this.list.replaceChildren();
		}
		if (this.summary) {
			this.summary.hidden = true;
		}
		this.errors = [];
	}

	add(fieldId, message) {
		const field = document.getElementById(fieldId);
		const error = document.getElementById(fieldId + "-error");
		if (error) {
			error.textContent = message;
			error.hidden = false;
		}
		if (field) {
			field.setAttribute("aria-invalid", "true");
		}
		this.errors.push({ fieldId, message });
	}

	get empty() {
		return this.errors.length === 0;
	}

	show() {
		if (!this.summary || this.empty) {
			return;
		}
		for (const { fieldId, message } of this.errors) {
			const item = document.createElement("li");
			const link = document.createElement("a");
			link.href = "#" + (document.getElementById(fieldId) ? fieldId : fieldId + "-error");
			link.textContent = labelOf(fieldId) ? `${labelOf(fieldId)} – ${message}` : message;
			item.append(link);
			this.list.append(item);
		}
		this.summary.hidden = false;
		this.summary.focus();
	}
}

const REENCODED = new Set(["image/jpeg", "image/png"]);

/**
 * The bytes of a file as they will be encrypted. JPEG and PNG are redrawn on a canvas and
 * encoded afresh, which leaves behind every metadata block (EXIF, GPS, XMP, comments).
 */
export async function contentOf(file) {
	if (REENCODED.has(file.type) && typeof createImageBitmap === "function") {
		try {
			const bitmap = await createImageBitmap(file);
			const canvas = document.createElement("canvas");
			canvas.width = bitmap.width;
			canvas.height = bitmap.height;
			canvas.getContext("2d").drawImage(bitmap, 0, 0);
			bitmap.close();
			const blob = await new Promise((resolve) => canvas.toBlob(resolve, file.type, 0.92));
			if (blob) {
				return { bytes: new Uint8Array(await blob.arrayBuffer()), stripped: true };
			}
		}
		catch (error) {
			// not decodable as an image: refuse rather than upload it with its metadata
			throw new Problem(0, { detail: text("problem.unexpected") + " " + file.name });
		}
	}
	return { bytes: new Uint8Array(await file.arrayBuffer()), stripped: false };
}

/**
 * Warns plainly, as soon as files are chosen, about every file whose hidden details this
 * page cannot remove (everything but JPEG and PNG: PDF and Office documents carry
 * authors, organisations and earlier versions).
 */
export function warnAboutHiddenDetails(input, warning, names) {
	input.addEventListener("change", () => {
		const kept = Array.from(input.files).filter((file) => !REENCODED.has(file.type));
		names.textContent = kept.map((file) => file.name).join(", ");
		warning.hidden = kept.length === 0;
	});
}

/** Files over the limit, checked before anything is read or encrypted. */
export function tooLarge(files, maxBytes) {
	return Array.from(files).filter((file) => file.size > maxBytes);
}

/**
 * Strips, encrypts and uploads one file: the sealed metadata first, then each sealed
 * chunk. onProgress gets a fraction between 0 and 1.
 */
export async function uploadFile(file, { caseKey, organisationId, caseId, credential, maxBytes, onProgress, onStripped }) {
	const { bytes, stripped } = await contentOf(file);
	if (stripped && onStripped) {
		onStripped(file.name);
	}
	if (bytes.length > maxBytes) {
		throw new Problem(413, { detail: text("js.fileTooLarge", Math.floor(maxBytes / 1048576)) + " " + file.name });
	}
	const attachmentId = crypto.randomUUID();
	const sealed = await sealAttachment(caseKey, bytes,
		{ organisationId, caseId, attachmentId, name: file.name, type: file.type },
		(done, total) => onProgress?.(0.5 * done / total));
	await api("POST", "/api/mailbox/attachments", { credential, json: { attachmentId,
		metaCiphertext: toBase64Url(sealed.meta), chunkCount: sealed.chunks.length, totalBytes: bytes.length,
		epoch: caseKey.epoch } });
	for (let i = 0; i < sealed.chunks.length; i++) {
		await api("PUT", `/api/mailbox/attachments/${attachmentId}/chunks/${i}`, { credential, body: sealed.chunks[i] });
		onProgress?.(0.5 + 0.5 * (i + 1) / sealed.chunks.length);
	}
	return attachmentId;
}

/** Offers bytes as a download without any server round trip. */
export function download(bytes, name, type) {
	const url = URL.createObjectURL(new Blob([bytes], { type: type || "application/octet-stream" }));
	const link = document.createElement("a");
	link.href = url;
	link.download = name;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10000);
}

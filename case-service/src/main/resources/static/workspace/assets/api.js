// Shared by the workspace views: texts, the JSON API with CSRF, base64url, DOM building
// (text only: decrypted content is never parsed as HTML). Base64url and Problem are the
// base helpers both applications share.
import { fromBase64Url, Problem, toBase64Url } from "/meldpunt-base/v1/base.js";

export { fromBase64Url, Problem, toBase64Url };

const texts = JSON.parse(document.getElementById("texts").textContent);

export const language = document.documentElement.lang === "en" ? "en" : "nl";

/** A text in the page's language, from workspace/messages*.properties. */
export function text(key, ...args) {
	let value = texts[key] ?? key;
	args.forEach((arg, i) => { value = value.replace(`{${i}}`, arg); });
	return value;
}

/** A page path with the language kept (Dutch is the default and needs no parameter). */
export function href(path) {
	return language === "en" ? `${path}?lang=en` : path;
}

function csrfToken() {
	const found = document.cookie.split("; ").find((c) => c.startsWith("XSRF-TOKEN="));
	if (found) {
		return decodeURIComponent(found.substring("XSRF-TOKEN=".length));
	}
	// double-submit: any unguessable value works as long as cookie and header agree
	const token = crypto.randomUUID();
	document.cookie = `XSRF-TOKEN=${token}; path=/; SameSite=Strict`;
	return token;
}

/** Calls case-service's JSON API; a refusal becomes a Problem. */
export async function api(method, path, json) {
	const headers = { Accept: "application/json, application/problem+json" };
	if (method !== "GET") {
		headers["X-XSRF-TOKEN"] = csrfToken();
	}
	if (json !== undefined) {
		headers["Content-Type"] = "application/json";
	}
	const response = await fetch(path, {
		method, headers, credentials: "same-origin", redirect: "error",
		body: json === undefined ? undefined : JSON.stringify(json),
	});
	if (!response.ok) {
		if (response.status === 401 && !path.startsWith("/login")) {
			window.dispatchEvent(new CustomEvent("meldpunt:expired"));
		}
		let slug = "other";
		try {
			const problem = await response.json();
			slug = (problem.type ?? "").split("/").pop() || "other";
		}
		catch {
			// not a ProblemDetail (a proxy's page): keep "other"
		}
		throw new Problem(response.status, { slug });
	}
	return response.status === 204 ? null : response.json();
}

/** Uploads bytes (one sealed chunk) with CSRF; a refusal becomes a Problem. */
export async function putBytes(path, bytes) {
	const response = await fetch(path, {
		method: "PUT", credentials: "same-origin", redirect: "error", body: bytes,
		headers: { "Content-Type": "application/octet-stream", "X-XSRF-TOKEN": csrfToken(),
			Accept: "application/json, application/problem+json" },
	});
	if (!response.ok) {
		throw new Problem(response.status, { slug: "other" });
	}
}

/** An element with attributes and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === false || value === null || value === undefined) {
			continue;
		}
		if (name === "class") {
			node.className = value;
		}
		else {
			node.setAttribute(name, value === true ? "" : value);
		}
	}
	for (const child of children.flat(Infinity)) {
		if (child !== null && child !== undefined && child !== false) {
			node.append(child instanceof Node ? child : String(child));
		}
	}
	return node;
}

/** A refusal as the page says it: its slug's text, or the general one. */
export function problemText(problem) {
	const key = problem instanceof Problem ? `problem.${problem.slug}` : "problem.other";
	const value = text(key);
	return value === key ? text("problem.other") : value;
}

/** A labelled form field; `input` is the control, its id names the label. */
export function field(labelText, input, hint) {
	return el("div", { class: "field" }, el("label", { for: input.id }, labelText), input, hint ?? null);
}

/**
 * A form with one required text area named `name` (texts `name.title`, `name.label`,
 * `name.submit`); `send(value)` seals and posts it, a refusal is shown above the field.
 */
export function textForm(name, { intro, rows = "4" }, send, problemText) {
	const area = el("textarea", { id: name, name, rows, required: true });
	const error = el("p", { id: `${name}-error`, class: "error", role: "alert", hidden: true });
	const submit = el("button", { type: "submit", id: `${name}-submit` }, text(`${name}.submit`));
	const form = el("form", { id: `${name}-form`, class: "write", novalidate: true, "aria-labelledby": `${name}-title` },
		el("h2", { id: `${name}-title` }, text(`${name}.title`)), intro ? el("p", { class: "hint" }, intro) : null, error,
		field(text(`${name}.label`), area), submit);
	form.addEventListener("submit", async (event) => {
		event.preventDefault();
		if (!area.value.trim()) {
			error.textContent = text("text.required");
			error.hidden = false;
			area.focus();
			return;
		}
		submit.disabled = true;
		try {
			await send(area.value);
		}
		catch (problem) {
			submit.disabled = false;
			error.textContent = problemText(problem);
			error.hidden = false;
		}
	});
	return form;
}

let statusTimer;

/** Announces a result politely (role=status) and shows it. */
export function announce(message) {
	const status = document.getElementById("status");
	status.textContent = message;
	clearTimeout(statusTimer);
	statusTimer = setTimeout(() => { status.textContent = ""; }, 15000);
}

export function formatDate(iso) {
	if (!iso) {
		return "";
	}
	const [y, m, d] = iso.split("-").map(Number);
	return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(language === "en" ? "en-GB" : "nl-NL",
		{ day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

export function shortId(uuid) {
	return uuid.substring(0, 8);
}

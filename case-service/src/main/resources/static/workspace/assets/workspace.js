// The advisers' workspace: log-in, inbox and case in one page, so that the unlocked
// private key lives in this page's memory only (never in storage). A reload loses it and
// asks for the passphrase again.
import {
	deriveLoginSecret, generateSigningKeyPair, keyBookGenesis, unwrapPrivateKey, unwrapRecipientKeys, wrapSigningKey,
} from "/meldpunt-crypto/v1/meldpunt-crypto.js";
import { api, announce, el, field, fromBase64Url, href, language, Problem, text, toBase64Url } from "./api.js";
import { caseText, renderCase } from "./case.js";
import { renderEnrol } from "./enrol.js";
import { renderInbox as renderInboxWith } from "./inbox.js";
import { renderKeyBook } from "./keybook.js";

const session = { caller: null, wrapped: null, wrappedSigning: null, keyPair: null, signingKeyPair: null, directory: null };
const RECIPIENT_ROLES = ["ADVISER", "HOTLINE"];
const view = document.getElementById("view");

function show(title, ...children) {
	// a section a view leaves out is null: nothing, never the text "null"; a view may pass
	// several sections as one array
	view.replaceChildren(el("h1", { id: "page-title", tabindex: "-1" }, title),
		...children.flat(Infinity).filter((child) => child !== null && child !== undefined));
	document.title = `${title} – ${text("app.name")}`;
}

function focusTitle() {
	document.getElementById("page-title")?.focus();
}

function routeOf(pathname) {
	const path = pathname.replace(/^\/en\//, "/");
	const match = path.match(/^\/workspace\/cases\/([0-9a-f-]{36})$/);
	if (match) {
		return { name: "case", caseId: match[1] };
	}
	if (path === "/workspace/enrol") {
		return { name: "enrol" };
	}
	if (path === "/workspace/keybook") {
		return { name: "keybook" };
	}
	return { name: path === "/workspace/login" ? "login" : "inbox" };
}

/** Goes to a workspace path without reloading (the key stays in memory). */
export function navigate(path) {
	history.pushState({}, "", href(path));
	route().then(focusTitle, failed);
}

function languageLink() {
	const other = document.getElementById("other-language");
	other.href = `${location.pathname}?lang=${language === "en" ? "nl" : "en"}`;
}

function signedInHeader() {
	const who = document.getElementById("who");
	const logout = document.getElementById("logout");
	const nav = document.getElementById("nav");
	who.hidden = !session.caller;
	logout.hidden = !session.caller;
	nav.hidden = !session.caller || !RECIPIENT_ROLES.includes(session.caller.role);
	who.textContent = session.caller ? text("page.signedInAs", session.caller.displayName) : "";
}

/**
 * Unlocks the keys with the passphrase (one slow derivation for both). An adviser or
 * handler enrolled before signing keys existed makes one now, wraps it beside the key
 * and, as the first member of a book without entries, signs its genesis.
 */
async function unlock(passphrase) {
	const wrapped = fromBase64Url(session.wrapped);
	if (session.wrappedSigning) {
		const keys = await unwrapRecipientKeys(wrapped, fromBase64Url(session.wrappedSigning), passphrase);
		session.keyPair = keys.keyPair;
		session.signingKeyPair = keys.signingKeyPair;
		return;
	}
	session.keyPair = await unwrapPrivateKey(wrapped, passphrase);
	if (!RECIPIENT_ROLES.includes(session.caller.role)) {
		return;
	}
	const signing = await generateSigningKeyPair();
	const wrappedSigning = await wrapSigningKey(signing, wrapped, passphrase);
	const view = await api("GET", "/api/keybook");
	const me = view.me;
	const ownEntries = me.hotlineId ? view.hotlineBooks.find((h) => h.hotlineId === me.hotlineId)?.entries ?? [] : view.entries;
	const body = { wrappedSigningKey: toBase64Url(wrappedSigning) };
	if (ownEntries.length === 0) {
		body.genesis = toBase64Url(await keyBookGenesis(view.organisationId, { recipientId: me.recipientId, role: me.role,
			displayName: session.caller.displayName, hotlineId: me.hotlineId ?? null, publicKey: session.keyPair.publicKey,
			signingPublicKey: signing.publicKey }, signing));
	}
	await api("POST", "/api/me/signing-key", body);
	session.wrappedSigning = toBase64Url(wrappedSigning);
	session.signingKeyPair = signing;
}

async function route() {
	languageLink();
	const target = routeOf(location.pathname);
	if (target.name === "enrol") {
		renderEnrol(show, focusTitle);
		return;
	}
	if (!session.caller) {
		try {
			const me = await api("GET", "/api/me");
			session.caller = me.caller;
			session.wrapped = me.wrappedPrivateKey;
			session.wrappedSigning = me.wrappedSigningKey;
		}
		catch (error) {
			if (!(error instanceof Problem)) {
				show(text("login.title"), el("p", { class: "error", role: "alert" }, text("page.network")));
				return;
			}
		}
	}
	signedInHeader();
	if (session.caller && elsewhere(session.caller)) {
		return;
	}
	if (!session.caller) {
		if (target.name !== "login") {
			history.replaceState({}, "", href("/workspace/login"));
		}
		renderLogin();
		return;
	}
	if (!session.keyPair) {
		renderUnlock(target);
		return;
	}
	if (target.name === "login") {
		history.replaceState({}, "", href("/workspace"));
		await renderInbox();
	}
	else if (target.name === "case") {
		await renderCase(view, target.caseId, session, { show, navigate, directory });
	}
	else if (target.name === "keybook") {
		await renderKeyBook(session, { show });
	}
	else {
		await renderInbox();
	}
}

async function directory() {
	session.directory ??= await api("GET", "/workspace/api/directory");
	return session.directory;
}

/**
 * Directors and administrators have no workspace: a director goes to the statistics
 * dashboard, an administrator is told where administration happens. True when handled.
 */
function elsewhere(caller) {
	if (caller.role === "DIRECTOR") {
		location.assign(href("/statistics"));
		return true;
	}
	if (caller.role === "ADMIN") {
		show(text("admin.title"), el("p", { id: "admin-note" }, text("admin.note")));
		return true;
	}
	return false;
}

function errorBox(id) {
	return el("div", { id, class: "error", role: "alert", tabindex: "-1", hidden: true });
}

function fail(box, message) {
	box.textContent = message;
	box.hidden = false;
	box.focus();
}

// The organisation's sign-in was refused: the server sends the browser back here with the
// refusal's code, which only picks one of these sentences
const OIDC_REFUSALS = {
	"oidc-no-account": () => text("login.refused.oidc-no-account"),
	"oidc-account-disabled": () => text("login.refused.oidc-account-disabled"),
	"oidc-sign-in-failed": () => text("login.refused.oidc-sign-in-failed"),
};

function renderLogin(notice) {
	const refused = new URLSearchParams(location.search).get("refused");
	if (!notice && Object.hasOwn(OIDC_REFUSALS, refused)) {
		notice = OIDC_REFUSALS[refused]();
	}
	const email = el("input", { id: "email", type: "email", name: "email", autocomplete: "username", required: true });
	const passphrase = el("input", { id: "passphrase", type: "password", name: "passphrase", autocomplete: "current-password", required: true });
	const code = el("input", { id: "code", type: "text", name: "code", inputmode: "numeric", autocomplete: "one-time-code", pattern: "[0-9]{6}", maxlength: "6", required: true });
	const error = errorBox("login-error");
	const submit = el("button", { type: "submit", id: "login-submit" }, text("login.submit"));
	const form = el("form", { id: "login-form", novalidate: true },
		error,
		field(text("login.email"), email),
		field(text("login.passphrase"), passphrase),
		field(text("login.code"), code),
		submit);
	form.addEventListener("submit", async (event) => {
		event.preventDefault();
		const typedCode = code.value.replace(/\s/g, "");
		if (!email.value.trim() || !passphrase.value || !/^[0-9]{6}$/.test(typedCode)) {
			fail(error, text("login.missing"));
			return;
		}
		error.hidden = true;
		submit.disabled = true;
		announce(text("login.working"));
		try {
			const { kdfHeader } = await api("POST", "/login/key", { email: email.value.trim() });
			const loginSecret = await deriveLoginSecret(fromBase64Url(kdfHeader), passphrase.value);
			const signedIn = await api("POST", "/login", { email: email.value.trim(), loginSecret: toBase64Url(loginSecret), code: typedCode });
			if (elsewhere(signedIn.caller)) {
				passphrase.value = "";
				announce("");
				session.caller = signedIn.caller;
				signedInHeader();
				focusTitle();
				return;
			}
			session.caller = signedIn.caller;
			session.wrapped = signedIn.wrappedPrivateKey;
			session.wrappedSigning = signedIn.wrappedSigningKey;
			await unlock(passphrase.value);
			passphrase.value = "";
			announce("");
			navigate("/workspace");
		}
		catch (problem) {
			announce("");
			submit.disabled = false;
			fail(error, problem instanceof Problem ? (problem.status === 401 ? text("login.failed") : text("page.network"))
				: problem?.name === "CryptoError" ? text("login.failed") : text("page.network"));
		}
	});
	const enrol = el("a", { id: "enrol-link", href: href("/workspace/enrol") }, text("login.enrol"));
	// the organisation's own sign-in replaces e-mail, passphrase and code; the passphrase
	// is asked afterwards, to unlock the key in this browser
	const oidc = document.body.dataset.oidc === "true"
		? [el("p", {}, el("a", { id: "login-oidc", href: "/oauth2/authorization/oidc" }, text("login.oidc")))] : [];
	show(text("login.title"), notice ? el("p", { id: "login-expired", class: "notice", role: "status" }, notice) : null,
		el("p", {}, text("login.intro")), ...oidc, form, el("p", {}, enrol));
}

function renderUnlock(target) {
	const passphrase = el("input", { id: "unlock-passphrase", type: "password", autocomplete: "current-password", required: true });
	const error = errorBox("unlock-error");
	const submit = el("button", { type: "submit", id: "unlock-submit" }, text("unlock.submit"));
	const form = el("form", { id: "unlock-form", novalidate: true }, error, field(text("login.passphrase"), passphrase), submit);
	form.addEventListener("submit", async (event) => {
		event.preventDefault();
		submit.disabled = true;
		try {
			await unlock(passphrase.value);
			passphrase.value = "";
			await route();
			focusTitle();
		}
		catch {
			submit.disabled = false;
			fail(error, text("unlock.failed"));
		}
	});
	show(text("unlock.title"), el("p", {}, text("unlock.intro")), form);
	if (target.name === "login") {
		history.replaceState({}, "", href("/workspace"));
	}
}

function renderInbox() {
	return renderInboxWith(show, navigate, (caseId) => caseText(caseId, session, directory));
}

document.getElementById("logout").addEventListener("click", async () => {
	try {
		await api("POST", "/logout");
	}
	finally {
		session.caller = null;
		session.keyPair = null;
		session.signingKeyPair = null;
		session.wrapped = null;
		session.wrappedSigning = null;
		session.directory = null;
		navigate("/workspace/login");
	}
});

for (const link of document.querySelectorAll("#nav a")) {
	link.addEventListener("click", (event) => {
		event.preventDefault();
		navigate(link.dataset.path);
	});
}

// The session ended on the server (expired, or signed out elsewhere): forget the keys and
// the caller, and ask to sign in again, after the view that noticed has shown its error.
window.addEventListener("meldpunt:expired", () => {
	if (!session.caller) {
		return;
	}
	Object.assign(session, { caller: null, keyPair: null, signingKeyPair: null, wrapped: null, wrappedSigning: null,
		directory: null });
	signedInHeader();
	setTimeout(() => {
		history.replaceState({}, "", href("/workspace/login"));
		renderLogin(text("login.expired"));
		focusTitle();
	}, 0);
});

window.addEventListener("popstate", () => route().then(focusTitle, failed));
function failed(error) {
	if (error instanceof Problem && error.status === 401) {
		// the session ended: the "meldpunt:expired" handler asks to sign in again
		return;
	}
	const message = error instanceof Problem && error.status === 403 ? text("page.forbidden") : text("page.network");
	show(text("app.name"), el("p", { class: "error", role: "alert" }, message));
}

route().catch(failed);

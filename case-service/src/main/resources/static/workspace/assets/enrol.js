// Enrolment: the browser makes the key pair (and, for an adviser or hotline handler, the
// signing key beside it) and wraps them under the passphrase; the server only ever
// receives the public keys, the wrapped keys and the log-in secret. The first member of a
// key book signs its genesis here; everyone else is added once members approved, after
// comparing the fingerprint this page shows.
import {
	fingerprint, generateKeyPair, generateSigningKeyPair, keyBookGenesis, recipientFingerprint, verifyKeyBook,
	wrapPrivateKey, wrapSigningKey,
} from "/meldpunt-crypto/v1/meldpunt-crypto.js";
import { announce, api, el, field, href, Problem, text, toBase64Url } from "./api.js";

const RECIPIENT_ROLES = ["ADVISER", "HOTLINE"];

const MIN_PASSPHRASE = 12;

function errorSummary() {
	return el("div", { id: "enrol-error", class: "error", role: "alert", tabindex: "-1", hidden: true });
}

function check(email, code, passphrase, repeat) {
	const problems = [];
	if (!/^[^\s@]+@[^\s@]+$/.test(email.value.trim())) {
		problems.push([email, text("enrol.error.email")]);
	}
	if (!code.value.trim()) {
		problems.push([code, text("enrol.error.code")]);
	}
	if (passphrase.value.length < MIN_PASSPHRASE) {
		problems.push([passphrase, text("enrol.error.short", MIN_PASSPHRASE)]);
	}
	else if (passphrase.value !== repeat.value) {
		problems.push([repeat, text("enrol.error.repeat")]);
	}
	return problems;
}

function showProblems(summary, problems, inputs) {
	inputs.forEach((input) => input.removeAttribute("aria-invalid"));
	const items = problems.map(([input, message]) => {
		input.setAttribute("aria-invalid", "true");
		const link = el("a", { href: `#${input.id}` }, message);
		link.addEventListener("click", (event) => {
			event.preventDefault();
			input.focus();
		});
		return el("li", {}, link);
	});
	summary.replaceChildren(el("h2", {}, text("enrol.error.title")), el("ul", {}, items));
	summary.hidden = false;
	summary.focus();
}

function refusal(problem) {
	if (problem instanceof Problem) {
		if (problem.slug === "key-book-started" || problem.slug === "key-book-missing") {
			return text("enrol.race");
		}
		if (problem.status === 403) {
			return text("enrol.refused");
		}
		if (problem.status === 409) {
			return text("enrol.taken");
		}
		if (problem.status === 400) {
			return text("enrol.invalid");
		}
	}
	return text("page.network");
}

/** What the key book means for this person: started by them, or waiting for approval. */
function keyBookNote(enrolled, started) {
	if (started) {
		return el("div", { id: "enrol-keybook", class: "notice" },
			el("p", {}, text("enrol.keybook.started")),
			el("p", {}, text("enrol.keybook.safetyCode"), " ", el("code", { id: "safety-code" }, started.safetyCode.printable)));
	}
	if (enrolled.pendingApproval) {
		return el("div", { id: "enrol-keybook", class: "notice" },
			el("p", {}, text("enrol.keybook.pending")),
			el("p", {}, text("enrol.keybook.compare")));
	}
	return null;
}

function done(show, enrolled, keyFingerprint, started) {
	const signIn = el("a", { id: "enrol-signin", href: href("/workspace/login") }, text("enrol.done.signin"));
	show(text("enrol.done.title"),
		el("p", { id: "enrol-next" }, text("enrol.done.next")),
		el("dl", { id: "enrol-result" },
			el("dt", {}, text("enrol.done.secret")),
			el("dd", {}, el("code", { id: "totp-secret" }, enrolled.totpSecret)),
			el("dt", {}, text("enrol.done.uri")),
			el("dd", {}, el("code", { id: "totp-uri", class: "wrap" }, enrolled.totpUri)),
			el("dt", {}, text("enrol.done.fingerprint")),
			el("dd", {}, el("code", { id: "key-fingerprint" }, keyFingerprint))),
		keyBookNote(enrolled, started),
		el("p", {}, text("enrol.done.keep")),
		el("p", {}, signIn));
}

/**
 * The keys of a new account, made and wrapped here: an adviser or handler also gets a
 * signing key and, as the first member of its key book, signs the book's genesis.
 */
async function makeKeys(invitation, passphrase) {
	const keyPair = await generateKeyPair();
	const { wrapped, loginSecret } = await wrapPrivateKey(keyPair, passphrase);
	const body = { publicKey: toBase64Url(keyPair.publicKey), wrappedPrivateKey: toBase64Url(wrapped),
		loginSecret: toBase64Url(loginSecret) };
	if (!RECIPIENT_ROLES.includes(invitation.role)) {
		return { body, keyFingerprint: await fingerprint(keyPair.publicKey), started: null };
	}
	const signing = await generateSigningKeyPair();
	body.wrappedSigningKey = toBase64Url(await wrapSigningKey(signing, wrapped, passphrase));
	let started = null;
	if (!invitation.bookStarted) {
		const member = { recipientId: invitation.accountId, role: invitation.role, displayName: invitation.displayName,
			hotlineId: invitation.hotlineId ?? null, publicKey: keyPair.publicKey, signingPublicKey: signing.publicKey };
		const genesis = await keyBookGenesis(invitation.organisationId, member, signing);
		started = await verifyKeyBook([genesis], { organisationId: invitation.organisationId, hotlineId: invitation.hotlineId });
		body.genesis = toBase64Url(genesis);
	}
	return { body, keyFingerprint: await recipientFingerprint(keyPair.publicKey, signing.publicKey), started };
}

/** The enrolment form; `show` replaces the view with a titled page. */
export function renderEnrol(show, focusTitle) {
	const email = el("input", { id: "enrol-email", type: "email", autocomplete: "username", required: true });
	const code = el("input", { id: "enrol-code", type: "text", autocomplete: "off", spellcheck: "false", required: true });
	const passphrase = el("input", { id: "enrol-passphrase", type: "password", autocomplete: "new-password", minlength: String(MIN_PASSPHRASE), required: true, "aria-describedby": "passphrase-hint" });
	const repeat = el("input", { id: "enrol-repeat", type: "password", autocomplete: "new-password", required: true });
	const summary = errorSummary();
	const submit = el("button", { type: "submit", id: "enrol-submit" }, text("enrol.submit"));
	const progress = el("p", { id: "enrol-progress", class: "notice", hidden: true }, text("enrol.working"));
	const form = el("form", { id: "enrol-form", novalidate: true },
		summary,
		field(text("enrol.email"), email),
		field(text("enrol.code"), code),
		field(text("enrol.passphrase"), passphrase, el("p", { id: "passphrase-hint", class: "hint" }, text("enrol.passphrase.hint", MIN_PASSPHRASE))),
		field(text("enrol.repeat"), repeat),
		progress,
		submit);
	form.addEventListener("submit", async (event) => {
		event.preventDefault();
		const problems = check(email, code, passphrase, repeat);
		if (problems.length > 0) {
			showProblems(summary, problems, [email, code, passphrase, repeat]);
			return;
		}
		summary.hidden = true;
		submit.disabled = true;
		progress.hidden = false;
		form.setAttribute("aria-busy", "true");
		announce(text("enrol.working"));
		try {
			const who = { email: email.value.trim(), code: code.value.trim() };
			const invitation = await api("POST", "/enrol/invitation", who);
			const { body, keyFingerprint, started } = await makeKeys(invitation, passphrase.value);
			const enrolled = await api("POST", "/enrol", { ...who, ...body });
			passphrase.value = "";
			repeat.value = "";
			announce("");
			done(show, enrolled, keyFingerprint, started);
			focusTitle();
		}
		catch (problem) {
			announce("");
			submit.disabled = false;
			progress.hidden = true;
			form.removeAttribute("aria-busy");
			summary.replaceChildren(el("p", {}, refusal(problem)));
			summary.hidden = false;
			summary.focus();
		}
	});
	show(text("enrol.title"), el("p", {}, text("enrol.intro")), form);
}

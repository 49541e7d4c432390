// The inbox: open cases, the next legal deadline first, with news from the reporter
// marked (what this account has not yet seen) and what waits for the reporter counted.
// Filters narrow it by the coarse facts the server has (state, deadline, channel, news,
// case number or date); what a case says is ciphertext and never searched on the server:
// this browser decrypts the listed cases and searches them itself, the term never leaves it.
import { api, el, field, formatDate, href, shortId, text } from "./api.js";

// the open states, as the server defines them (the page carries them)
const STATES = (document.body.dataset.openStates || "").split(",").filter(Boolean);
const URGENCIES = [["OVERDUE", "inbox.overdue"], ["DUE_SOON", "inbox.dueSoon"], ["ON_TIME", "inbox.onTime"]];
const CHANNELS = [["INTERNAL_ADVISER", "channel.ADVISERS"], ["EXTERNAL_HOTLINE", "channel.HOTLINE"]];

/** The filter the recipient chose last (kept while the page lives). */
const filter = { state: "", urgency: "", channel: "", news: false, q: "" };

function query() {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries(filter)) {
		if (value) {
			params.set(name, String(value));
		}
	}
	const encoded = params.toString();
	return encoded ? `/api/cases?${encoded}` : "/api/cases";
}

function filtered() {
	return Object.values(filter).some(Boolean);
}

function select(id, choices, value) {
	const node = el("select", { id }, el("option", { value: "" }, text("inbox.filter.any")),
		choices.map(([choice, label]) => el("option", { value: choice, selected: choice === value }, label)));
	return node;
}

function filterForm(show, navigate, caseText) {
	const state = select("filter-state", STATES.map((s) => [s, text(`state.${s}`)]), filter.state);
	const urgency = select("filter-urgency", URGENCIES.map(([u, key]) => [u, text(key)]), filter.urgency);
	const channel = select("filter-channel", CHANNELS.map(([c, key]) => [c, text(key)]), filter.channel);
	const news = el("input", { type: "checkbox", id: "filter-news", checked: filter.news });
	const q = el("input", { type: "search", id: "filter-q", value: filter.q, maxlength: "36", pattern: "[0-9a-fA-F-]*" });
	const form = el("form", { id: "inbox-filter", class: "filters", role: "search", "aria-labelledby": "filter-title", novalidate: true },
		el("h2", { id: "filter-title" }, text("inbox.filter.title")),
		field(text("inbox.filter.state"), state), field(text("inbox.filter.urgency"), urgency),
		field(text("inbox.filter.channel"), channel), field(text("inbox.filter.query"), q),
		el("div", { class: "check" }, news, el("label", { for: news.id }, text("inbox.filter.news"))),
		el("button", { type: "submit", id: "filter-submit" }, text("inbox.filter.submit")));
	form.addEventListener("submit", async (event) => {
		event.preventDefault();
		Object.assign(filter, { state: state.value, urgency: urgency.value, channel: channel.value, news: news.checked,
			q: q.value.trim() });
		await renderInbox(show, navigate, caseText);
		document.getElementById("filter-submit")?.focus();
	});
	return form;
}

function row(c, navigate) {
	const urgency = c.overdue ? el("span", { class: "badge overdue" }, text("inbox.overdue"))
		: c.dueSoon ? el("span", { class: "badge due-soon" }, text("inbox.dueSoon"))
			: el("span", { class: "badge on-time" }, text("inbox.onTime"));
	const link = el("a", { href: href(`/workspace/cases/${c.caseId}`), "data-case": c.caseId }, text("inbox.open", shortId(c.caseId)));
	link.addEventListener("click", (event) => {
		event.preventDefault();
		navigate(`/workspace/cases/${c.caseId}`);
	});
	const notes = [];
	if (c.unseen > 0) {
		notes.push(el("span", { class: "badge news", "data-news": c.caseId }, text("inbox.newsCount", c.unseen)));
	}
	if (c.pendingDecisions > 0) {
		notes.push(el("span", { class: "badge waiting" }, text("inbox.waiting", c.pendingDecisions)));
	}
	return el("tr", { class: [c.overdue ? "overdue" : c.dueSoon ? "due-soon" : "", c.unseen > 0 ? "news" : ""].join(" ").trim() },
		el("th", { scope: "row" }, link),
		el("td", {}, text(`state.${c.state}`)),
		el("td", {}, formatDate(c.receivedOn)),
		el("td", {}, c.deadline ? text(`deadline.${c.deadline}`, formatDate(c.dueOn)) : text("deadline.none")),
		el("td", {}, urgency, " ", notes));
}

/**
 * The search over what the listed cases say: each case is decrypted here, one after the
 * other, with progress; rows that do not contain the term are hidden. Nothing about the
 * term is sent.
 */
function contentSearch(cases, table, caseText) {
	const q = el("input", { type: "search", id: "content-q", maxlength: "200" });
	const progress = el("p", { id: "content-status", role: "status", "aria-live": "polite" });
	const submit = el("button", { type: "submit", id: "content-submit" }, text("inbox.content.submit"));
	const form = el("form", { id: "content-search", class: "filters", role: "search", "aria-labelledby": "content-title", novalidate: true },
		el("h2", { id: "content-title" }, text("inbox.content.title")),
		el("p", { class: "hint" }, text("inbox.content.intro")),
		field(text("inbox.content.query"), q), submit, progress);
	form.addEventListener("submit", async (event) => {
		event.preventDefault();
		const term = q.value.trim().toLocaleLowerCase();
		const rows = [...table.tBodies[0].rows];
		if (!term) {
			rows.forEach((r) => { r.hidden = false; });
			progress.textContent = "";
			return;
		}
		submit.disabled = true;
		let found = 0;
		try {
			for (const [i, c] of cases.entries()) {
				progress.textContent = text("inbox.content.progress", i + 1, cases.length);
				let says = "";
				try {
					says = (await caseText(c.caseId)).toLocaleLowerCase();
				}
				catch {
					// a case this browser cannot open is not found
				}
				rows[i].hidden = !says.includes(term);
				found += rows[i].hidden ? 0 : 1;
			}
			progress.textContent = found ? text("inbox.content.found", found, cases.length, q.value.trim())
				: text("inbox.content.none", q.value.trim());
		}
		finally {
			submit.disabled = false;
		}
	});
	return form;
}

/**
 * Renders the inbox with the current filter; `caseText(caseId)` decrypts what a case says
 * for the search in this browser.
 */
export async function renderInbox(show, navigate, caseText) {
	show(text("inbox.title"), el("p", {}, text("page.loading")));
	const cases = await api("GET", query());
	if (cases.length === 0 && !filtered()) {
		show(text("inbox.title"), el("p", { id: "inbox-empty", class: "empty" }, text("inbox.empty")));
		return;
	}
	const form = filterForm(show, navigate, caseText);
	if (cases.length === 0) {
		show(text("inbox.title"), form, el("p", { id: "inbox-none", class: "empty", role: "status" }, text("inbox.filter.none")));
		return;
	}
	const table = el("table", { id: "inbox" },
		el("caption", { class: "visually-hidden" }, text("inbox.intro")),
		el("thead", {}, el("tr", {}, ["inbox.case", "inbox.state", "inbox.received", "inbox.due", "inbox.urgency"]
			.map((key) => el("th", { scope: "col" }, text(key))))),
		el("tbody", {}, cases.map((c) => row(c, navigate))));
	show(text("inbox.title"), el("p", {}, text("inbox.intro")), form, contentSearch(cases, table, caseText),
		el("div", { class: "table-wrap" }, table));
}

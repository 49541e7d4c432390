// The landing page: verifies the organisation's key book in this browser and shows its
// safety code, to compare with the one the organisation published. A link that carries
// a code (#k=…) must match: otherwise this page says so and the form will refuse to seal.
// The link's code travels on to the form.
import { api } from "./common.js";
import { BookRefusal, linkCode, refusalText, verifiedBooks } from "./keybook.js";

const main = document.getElementById("main");
const code = linkCode();

if (code) {
	for (const start of document.querySelectorAll('a[href$="/report"]')) {
		start.href = `${start.href}#k=${encodeURIComponent(code)}`;
	}
}

async function check() {
	const { data: portal } = await api("GET", `/api/o/${main.dataset.slug}`);
	if (!portal.acceptingReports) {
		return;
	}
	try {
		const { book } = await verifiedBooks(portal, code);
		document.getElementById("safety-code").textContent = book.safetyCode.printable;
		document.getElementById("safety-match").hidden = !code;
		document.getElementById("book-verified").hidden = false;
	}
	catch (error) {
		const box = document.getElementById("book-problem");
		box.textContent = refusalText(error instanceof BookRefusal ? error : new BookRefusal("NO_SUPPORT"));
		box.hidden = false;
		for (const start of document.querySelectorAll('a[href*="/report"]')) {
			start.setAttribute("aria-disabled", "true");
		}
	}
}

check().catch(() => {
	// the landing page still explains everything; the form checks again before sealing
});

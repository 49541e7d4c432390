package nl.meldpunt.caseservice.workspace.pages;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import nl.meldpunt.caseservice.casefile.CaseState;
import nl.meldpunt.crypto.browser.ScriptIntegrity;

/**
 * The advisers' workspace pages. Every page is the same shell: the browser module routes
 * between enrolment, log-in, inbox, case and key book without reloading, so the unlocked
 * private key lives in page memory only and never in storage. The shell holds no case
 * data at all; everything comes from the JSON API after log-in.
 */
@Controller
class WorkspacePages {

	private final ScriptIntegrity sri;

	/** Whether the log-in page offers the organisation's OIDC sign-in. */
	/**
	 * The open states in the procedure's order, for the inbox's state filter: the browser
	 * takes "open" from {@link CaseState#isOpen()} instead of a list of its own.
	 */
	static final String OPEN_STATES = String.join(",", CaseState.openNames());

	private final boolean oidc;

	WorkspacePages(ResourceLoader resources, @Value("${meldpunt.oidc.enabled:false}") boolean oidc) {
		this.sri = new ScriptIntegrity(resources.getClassLoader());
		this.oidc = oidc;
	}

	@GetMapping({ "/workspace/login", "/en/workspace/login" })
	String login(@RequestParam(required = false) String lang, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		return shell("login", null, lang, request, model, response);
	}

	@GetMapping({ "/workspace/enrol", "/en/workspace/enrol" })
	String enrol(@RequestParam(required = false) String lang, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		return shell("enrol", null, lang, request, model, response);
	}

	@GetMapping({ "/workspace", "/en/workspace" })
	String inbox(@RequestParam(required = false) String lang, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		return shell("inbox", null, lang, request, model, response);
	}

	@GetMapping({ "/workspace/keybook", "/en/workspace/keybook" })
	String keyBook(@RequestParam(required = false) String lang, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		return shell("keybook", null, lang, request, model, response);
	}

	@GetMapping({ "/workspace/cases/{caseId}", "/en/workspace/cases/{caseId}" })
	String caseFile(@PathVariable UUID caseId, @RequestParam(required = false) String lang, HttpServletRequest request,
			Model model, HttpServletResponse response) {
		return shell("case", caseId, lang, request, model, response);
	}

	private String shell(String view, UUID caseId, String lang, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		Texts texts = Texts.of(language(lang, request));
		model.addAttribute("t", texts);
		model.addAttribute("textsJson", texts.json());
		model.addAttribute("view", view);
		model.addAttribute("caseId", (caseId != null) ? caseId.toString() : "");
		model.addAttribute("sri", this.sri);
		model.addAttribute("oidc", this.oidc);
		model.addAttribute("openStates", OPEN_STATES);
		String path = request.getRequestURI().replaceFirst("^/en/", "/");
		model.addAttribute("otherHref", path + "?lang=" + texts.other());
		// touching the token makes Spring Security send the XSRF-TOKEN cookie
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		if (csrf != null) {
			csrf.getToken();
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return "workspace/app";
	}

	/**
	 * English when asked for by {@code ?lang=en} or the {@code /en} prefix, else Dutch.
	 */
	static String language(String lang, HttpServletRequest request) {
		if (lang != null) {
			return "en".equals(lang.toLowerCase(Locale.ROOT)) ? "en" : "nl";
		}
		return request.getRequestURI().startsWith("/en/") ? "en" : "nl";
	}

}

package nl.meldpunt.portal.followup;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import nl.meldpunt.portal.PortalProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page a reporter opens with the token link {@code /r/#<token>}. The token stays in
 * the fragment, which the browser never sends: this page is the same for every reporter.
 */
@Controller
class FollowUpPage {

	/**
	 * The texts the page's script shows: states, events, authors and its own messages.
	 */
	private static final List<String> SCRIPT_TEXTS = ResourceBundle.getBundle("messages", Locale.forLanguageTag("nl"))
		.keySet()
		.stream()
		.filter((key) -> key.startsWith("state.") || key.startsWith("event.") || key.startsWith("author.")
				|| key.startsWith("js.") || key.equals("problem.unexpected"))
		.sorted()
		.toList();

	private final PortalProperties properties;

	FollowUpPage(PortalProperties properties) {
		this.properties = properties;
	}

	@GetMapping({ "/r/", "/en/r/" })
	String followUp(Locale locale, Model model) {
		String lang = locale.getLanguage();
		model.addAttribute("lang", lang);
		model.addAttribute("base", "en".equals(lang) ? "/en" : "");
		model.addAttribute("otherHref", ("en".equals(lang) ? "" : "/en") + "/r/");
		model.addAttribute("maxAttachmentMiB", this.properties.maxAttachmentBytes() / (1024 * 1024));
		model.addAttribute("maxAttachmentBytes", this.properties.maxAttachmentBytes());
		model.addAttribute("texts", SCRIPT_TEXTS);
		return "followup";
	}

	@GetMapping({ "/r", "/en/r" })
	String withSlash(Locale locale) {
		// a relative redirect keeps the fragment in every current browser
		return "redirect:" + ("en".equals(locale.getLanguage()) ? "/en/r/" : "/r/");
	}

}

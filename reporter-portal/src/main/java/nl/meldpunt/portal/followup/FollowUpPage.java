package nl.meldpunt.portal.followup;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import nl.meldpunt.portal.PortalProperties;
import nl.meldpunt.portal.web.Language;

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
	/** The labels of the reporter's own report, shown above each part of it. */
	private static final List<String> REPORT_LABELS = List.of("report.category", "report.what", "report.when",
			"report.where", "report.who", "report.witnesses", "report.hopes", "report.name", "report.contact");

	private static final List<String> SCRIPT_TEXTS = ResourceBundle.getBundle("messages", Locale.forLanguageTag("nl"))
		.keySet()
		.stream()
		.filter((key) -> key.startsWith("state.") || key.startsWith("event.") || key.startsWith("author.")
				|| key.startsWith("js.") || key.equals("problem.unexpected") || REPORT_LABELS.contains(key))
		.sorted()
		.toList();

	private final PortalProperties properties;

	FollowUpPage(PortalProperties properties) {
		this.properties = properties;
	}

	@GetMapping({ "/r/", "/en/r/", "/tr/r/", "/ar/r/", "/pl/r/" })
	String followUp(Locale locale, Model model) {
		Language language = Language.of(locale);
		model.addAttribute("lang", language.code());
		model.addAttribute("dir", language.dir());
		model.addAttribute("base", language.prefix());
		model.addAttribute("languages", language.others("/r/"));
		model.addAttribute("maxAttachmentMiB", this.properties.maxAttachmentBytes() / (1024 * 1024));
		model.addAttribute("maxAttachmentBytes", this.properties.maxAttachmentBytes());
		model.addAttribute("texts", SCRIPT_TEXTS);
		return "followup";
	}

	@GetMapping({ "/r", "/en/r", "/tr/r", "/ar/r", "/pl/r" })
	String withSlash(Locale locale) {
		// a relative redirect keeps the fragment in every current browser
		return "redirect:" + Language.of(locale).prefix() + "/r/";
	}

}

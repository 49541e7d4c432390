package nl.meldpunt.portal.submission;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import nl.meldpunt.portal.PortalProperties;
import nl.meldpunt.portal.web.Language;
import nl.meldpunt.portal.caseservice.CaseServiceClient;
import nl.meldpunt.internalapi.OrganisationPortal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An organisation's landing page and report form, Dutch under {@code /o/{slug}} and the
 * other languages under their prefix ({@code /en/o/{slug}}, {@code /ar/o/{slug}}, …).
 */
@Controller
class LandingPages {

	/** The texts the pages' scripts show (messages, refusals of the key book). */
	private static final List<String> SCRIPT_TEXTS = ResourceBundle.getBundle("messages", Locale.forLanguageTag("nl"))
		.keySet()
		.stream()
		.filter((key) -> key.startsWith("js.") || key.startsWith("done.") || key.equals("problem.unexpected"))
		.sorted()
		.toList();

	private final CaseServiceClient caseService;

	private final PortalProperties properties;

	LandingPages(CaseServiceClient caseService, PortalProperties properties) {
		this.caseService = caseService;
		this.properties = properties;
	}

	@GetMapping({ "/o/{slug}", "/en/o/{slug}", "/tr/o/{slug}", "/ar/o/{slug}", "/pl/o/{slug}" })
	String landing(@PathVariable String slug, Locale locale, Model model) {
		describe(slug, locale, model);
		model.addAttribute("languages", Language.of(locale).others("/o/" + slug));
		return "landing";
	}

	@GetMapping({ "/o/{slug}/report", "/en/o/{slug}/report", "/tr/o/{slug}/report", "/ar/o/{slug}/report",
			"/pl/o/{slug}/report" })
	String form(@PathVariable String slug, Locale locale, Model model) {
		describe(slug, locale, model);
		model.addAttribute("languages", Language.of(locale).others("/o/" + slug + "/report"));
		model.addAttribute("maxTextChars", this.properties.maxTextChars());
		return "report";
	}

	private void describe(String slug, Locale locale, Model model) {
		OrganisationPortal portal = this.caseService.portal(Slugs.checked(slug))
			.withAttachmentCap(this.properties.maxAttachmentBytes());
		Language language = Language.of(locale);
		model.addAttribute("portal", portal);
		model.addAttribute("lang", language.code());
		model.addAttribute("dir", language.dir());
		model.addAttribute("base", language.prefix());
		model.addAttribute("maxAttachmentMiB", portal.maxAttachmentBytes() / (1024 * 1024));
		model.addAttribute("texts", SCRIPT_TEXTS);
	}

}

package nl.meldpunt.portal.home;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import nl.meldpunt.portal.web.Language;

/**
 * The portal's front door, Dutch under {@code /} and English under {@code /en/}: what
 * Meldpunt is, and how to reach one's organisation's page. It lists no organisations (who
 * uses Meldpunt is nobody's business here); a reporter types the name from the address
 * the employer published and is sent there.
 */
@Controller
class HomePage {

	@GetMapping({ "/", "/en", "/en/" })
	String home(Locale locale, Model model) {
		boolean english = "en".equals(locale.getLanguage());
		model.addAttribute("lang", locale.getLanguage());
		model.addAttribute("base", english ? "/en" : "");
		// this page is in Dutch and English only: its one language link leads to the
		// other
		Language current = english ? Language.EN : Language.NL;
		String other = english ? "nl" : "en";
		model.addAttribute("languages",
				current.others("/").stream().filter((link) -> link.code().equals(other)).toList());
		return "home";
	}

	/**
	 * The home page's form: to the organisation's page. Anything typed stays one path
	 * segment (encoded), so it can lead nowhere but to a page of this portal; an unknown
	 * name gets that page's own "unknown organisation" answer.
	 */
	@GetMapping({ "/o", "/en/o" })
	String organisation(@RequestParam(name = "organisation", required = false) String name, Locale locale) {
		String base = "en".equals(locale.getLanguage()) ? "/en" : "";
		String slug = (name != null) ? name.strip().toLowerCase(Locale.ROOT).replace(' ', '-') : "";
		if (slug.isEmpty()) {
			return "redirect:" + base + "/";
		}
		return "redirect:" + base + "/o/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
	}

}

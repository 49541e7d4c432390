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
 * The portal's front door, in every reporter language: Dutch under {@code /}, the others
 * under {@code /<code>/}. It says what Meldpunt is and how to reach one's organisation's
 * page. It lists no organisations (who uses Meldpunt is nobody's business here); a
 * reporter types the name from the address the employer published and is sent there.
 */
@Controller
class HomePage {

	@GetMapping({ "/", "/en", "/en/", "/tr", "/tr/", "/ar", "/ar/", "/pl", "/pl/" })
	String home(Locale locale, Model model) {
		Language current = Language.of(locale);
		model.addAttribute("lang", current.code());
		model.addAttribute("dir", current.dir());
		model.addAttribute("base", current.prefix());
		model.addAttribute("languages", current.others("/"));
		return "home";
	}

	/**
	 * The home page's form: to the organisation's page. Anything typed stays one path
	 * segment (encoded), so it can lead nowhere but to a page of this portal; an unknown
	 * name gets that page's own "unknown organisation" answer.
	 */
	@GetMapping({ "/o", "/en/o", "/tr/o", "/ar/o", "/pl/o" })
	String organisation(@RequestParam(name = "organisation", required = false) String name, Locale locale) {
		String base = Language.of(locale).prefix();
		String slug = (name != null) ? name.strip().toLowerCase(Locale.ROOT).replace(' ', '-') : "";
		if (slug.isEmpty()) {
			return "redirect:" + base + "/";
		}
		return "redirect:" + base + "/o/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
	}

}

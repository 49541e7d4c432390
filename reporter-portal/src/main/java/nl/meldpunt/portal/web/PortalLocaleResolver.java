package nl.meldpunt.portal.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language lives in the URL, never in a cookie or session: pages under {@code /en/},
 * {@code /tr/}, {@code /ar/} and {@code /pl/} are in that language, every other page
 * Dutch. The browser API follows the page's language, which the page's script sends as
 * {@code Accept-Language}.
 */
@Component("localeResolver")
class PortalLocaleResolver implements LocaleResolver {

	static final Locale DUTCH = Locale.forLanguageTag("nl");

	private static final List<Locale> SUPPORTED = Language.locales();

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Language byPath = Language.ofPath(path);
		if (byPath != null) {
			return byPath.locale();
		}
		if (path.startsWith("/api/")) {
			String accepted = request.getHeader("Accept-Language");
			if (accepted != null) {
				try {
					Locale best = Locale.lookup(Locale.LanguageRange.parse(accepted), SUPPORTED);
					if (best != null) {
						return best;
					}
				}
				catch (IllegalArgumentException ex) {
					return DUTCH;
				}
			}
		}
		return DUTCH;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("The language is chosen by the URL");
	}

}

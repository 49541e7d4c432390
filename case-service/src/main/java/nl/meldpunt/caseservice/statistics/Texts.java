package nl.meldpunt.caseservice.statistics;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The statistics' own words in Dutch or English
 * ({@code statistics/messages*.properties}), kept apart from the application's message
 * source so that the feature carries its texts with it.
 */
public final class Texts {

	private final Locale locale;

	private final ResourceBundle bundle;

	private Texts(Locale locale) {
		this.locale = locale;
		this.bundle = ResourceBundle.getBundle("statistics.messages", locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	/**
	 * Dutch unless English is asked for by parameter: the same rule as the workspace,
	 * whose log-in page sends the director here, so that both speak one language in one
	 * browser (the browser's own language is not asked).
	 */
	static Texts of(String lang) {
		if (lang != null && !lang.equals("nl") && !lang.equals("en")) {
			throw new UnsupportedLanguage();
		}
		return new Texts("en".equals(lang) ? Locale.ENGLISH : Locale.forLanguageTag("nl"));
	}

	public String lang() {
		return this.locale.getLanguage();
	}

	public String get(String key, Object... arguments) {
		String pattern = this.bundle.getString(key);
		Object[] shown = arguments.clone();
		for (int i = 0; i < shown.length; i++) {
			// years and thresholds read as they are: 2026, not 2.026
			if (shown[i] instanceof Integer || shown[i] instanceof Long) {
				shown[i] = shown[i].toString();
			}
		}
		return (arguments.length == 0) ? pattern : new MessageFormat(pattern, this.locale).format(shown);
	}

	/**
	 * The label of a row key of a table; codes the organisation made up show as they are.
	 */
	public String row(String table, String key) {
		for (String candidate : new String[] { "row." + table + "." + key, "row." + key }) {
			try {
				return this.bundle.getString(candidate);
			}
			catch (MissingResourceException ex) {
				// try the next, more general key
			}
		}
		return key;
	}

	public String table(String name) {
		return get("table." + name);
	}

	public String count(PublishedCount count) {
		return count.suppressed() ? count.display() : String.format(this.locale, "%,d", count.count());
	}

	public String percent(PublishedFigure figure) {
		return figure.suppressed() ? get("figure.hidden") : String.format(this.locale, "%.0f%%", figure.value());
	}

	public String days(PublishedFigure figure) {
		return figure.suppressed() ? get("figure.hidden") : get("figure.days", figure.value());
	}

	/** Only Dutch and English are offered. */
	static final class UnsupportedLanguage extends RuntimeException {

		UnsupportedLanguage() {
			super("The language must be nl or en");
		}

	}

}

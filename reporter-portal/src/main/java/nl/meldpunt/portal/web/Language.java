package nl.meldpunt.portal.web;

import java.util.List;
import java.util.Locale;

/**
 * The reporter's languages, chosen by the path: Dutch without a prefix, every other one
 * under {@code /<code>/}. Arabic is written right to left. Each language's name is shown
 * in that language, so a reporter recognises their own.
 */
public enum Language {

	/** Dutch, the default. */
	NL("nl", "Nederlands", false),
	/** English. */
	EN("en", "English", false),
	/** Turkish. */
	TR("tr", "Türkçe", false),
	/** Arabic, right to left. */
	AR("ar", "العربية", true),
	/** Polish. */
	PL("pl", "Polski", false);

	private final String code;

	private final String name;

	private final boolean rightToLeft;

	Language(String code, String name, boolean rightToLeft) {
		this.code = code;
		this.name = name;
		this.rightToLeft = rightToLeft;
	}

	/** The language of a locale the resolver chose; Dutch for anything else. */
	public static Language of(Locale locale) {
		for (Language language : values()) {
			if (language.code.equals(locale.getLanguage())) {
				return language;
			}
		}
		return NL;
	}

	/** The language whose path prefix starts {@code path}, or null (Dutch). */
	static Language ofPath(String path) {
		for (Language language : values()) {
			if (language != NL && (path.startsWith(language.prefix() + "/") || path.equals(language.prefix()))) {
				return language;
			}
		}
		return null;
	}

	static List<Locale> locales() {
		return List.of(values()).stream().map(Language::locale).toList();
	}

	public Locale locale() {
		return Locale.forLanguageTag(this.code);
	}

	public String code() {
		return this.code;
	}

	/** The path prefix: empty for Dutch, {@code /en} and so on for the others. */
	public String prefix() {
		return (this == NL) ? "" : "/" + this.code;
	}

	/** {@code rtl} or {@code ltr}, for the page's {@code dir}. */
	public String dir() {
		return this.rightToLeft ? "rtl" : "ltr";
	}

	/**
	 * The links to the same page in the other languages, {@code path} being the page's
	 * path without a language prefix.
	 */
	public List<Link> others(String path) {
		return List.of(values())
			.stream()
			.filter((other) -> other != this)
			.map((other) -> new Link(other.code, other.name, other.prefix() + path, other.dir()))
			.toList();
	}

	/** A link to a page in another language, named in that language. */
	public record Link(String code, String name, String href, String dir) {
	}

}

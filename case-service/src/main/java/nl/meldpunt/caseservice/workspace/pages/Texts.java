package nl.meldpunt.caseservice.workspace.pages;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The workspace's texts in one language ({@code workspace/messages*.properties}), kept
 * apart from other pages' message sources like the statistics dashboard's. The browser
 * module receives them as a JSON data block (not executed, so the strict CSP allows it).
 */
public final class Texts {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String lang;

	private final ResourceBundle bundle;

	private Texts(String lang) {
		this.lang = lang;
		this.bundle = ResourceBundle.getBundle("workspace.messages", Locale.forLanguageTag(lang),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	static Texts of(String lang) {
		return new Texts("en".equals(lang) ? "en" : "nl");
	}

	public String lang() {
		return this.lang;
	}

	public String other() {
		return "en".equals(this.lang) ? "nl" : "en";
	}

	public String get(String key) {
		return this.bundle.getString(key);
	}

	/** All texts as JSON, with {@code <} escaped so the block cannot end early. */
	String json() {
		Map<String, String> all = new TreeMap<>();
		for (String key : this.bundle.keySet()) {
			all.put(key, this.bundle.getString(key));
		}
		try {
			return JSON.writeValueAsString(all).replace("<", "\\u003c");
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

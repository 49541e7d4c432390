package nl.meldpunt.portal.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Turns a problem slug into a {@link ProblemDetail} in the reporter's language. The type
 * URI stays stable; title and detail come from {@code messages_*.properties}; a slug the
 * portal does not know gets the generic text rather than the case service's English.
 */
@Component
public class ProblemTranslator {

	static final String TYPE_PREFIX = "https://meldpunt.nl/problems/";

	private final MessageSource messages;

	ProblemTranslator(MessageSource messages) {
		this.messages = messages;
	}

	public ProblemDetail problem(int status, String slug, List<String> fields, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create(TYPE_PREFIX + slug));
		String key = "problem." + slug;
		String fallback = this.messages.getMessage("problem.unexpected", null, locale);
		problem.setTitle(this.messages.getMessage(key + ".title", null,
				this.messages.getMessage("problem.unexpected.title", null, locale), locale));
		problem.setDetail(this.messages.getMessage(key, null, fallback, locale));
		if (!fields.isEmpty()) {
			String invalid = this.messages.getMessage("problem.field-invalid", null, locale);
			problem.setProperty("errors",
					fields.stream().map((field) -> Map.of("field", field, "detail", invalid)).toList());
		}
		return problem;
	}

	/** Text of a problem for a server-rendered page. */
	public String detail(String slug, Locale locale) {
		return this.messages.getMessage("problem." + slug, null,
				this.messages.getMessage("problem.unexpected", null, locale), locale);
	}

	static int statusOr500(int status) {
		return (HttpStatus.resolve(status) != null) ? status : 500;
	}

}

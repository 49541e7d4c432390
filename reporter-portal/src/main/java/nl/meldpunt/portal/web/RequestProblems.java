package nl.meldpunt.portal.web;

import java.util.List;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals that happen while Spring looks for a handler (a method or a content type that
 * no handler takes), so before it knows whether a page or the browser API was meant: a
 * Meldpunt problem document either way, never Spring's {@code about:blank}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestProblems {

	private final ProblemTranslator translator;

	RequestProblems(ProblemTranslator translator) {
		this.translator = translator;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex, Locale locale) {
		return answer(415, locale);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex, Locale locale) {
		return answer(405, locale);
	}

	private ResponseEntity<ProblemDetail> answer(int status, Locale locale) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(this.translator.problem(status, "invalid-request", List.of(), locale));
	}

}

package nl.meldpunt.portal.web;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Whatever ends on the servlet container's error page (a request refused before any
 * controller saw it) is answered as a Meldpunt {@link ProblemDetail} too, never as a
 * container page or Spring's default error body.
 */
@Controller
class ErrorProblems implements ErrorController {

	private final ProblemTranslator translator;

	private final LocaleResolver locales;

	ErrorProblems(ProblemTranslator translator, LocaleResolver locales) {
		this.translator = translator;
		this.locales = locales;
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer value && value >= 400) ? ProblemTranslator.statusOr500(value) : 500;
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(this.translator.problem(status, slugFor(status), List.of(), this.locales.resolveLocale(request)));
	}

	static String slugFor(int status) {
		return switch (status) {
			case 400, 405, 411, 414, 415, 431 -> "invalid-request";
			case 404 -> "not-found";
			case 413 -> "request-too-large";
			case 429 -> "rate-limited";
			default -> "unexpected";
		};
	}

}

package nl.meldpunt.portal.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;

import nl.meldpunt.internalapi.MalformedValue;
import nl.meldpunt.internalapi.servlet.BoundedRequest;
import nl.meldpunt.portal.caseservice.CaseServiceProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal of the browser API leaves as a translated {@link ProblemDetail}; no stack
 * trace, no request content and no credential ever reaches the answer or the log.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final ProblemTranslator translator;

	ApiProblems(ProblemTranslator translator) {
		this.translator = translator;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> caseService(CaseServiceProblem problem, Locale locale) {
		return answer(ProblemTranslator.statusOr500(problem.status()), problem.slug(), problem.fields(), locale);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> portal(PortalProblem problem, Locale locale) {
		return answer(problem.status(), problem.slug(), problem.fields(), locale);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException ex, Locale locale) {
		List<String> fields = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(FieldError::getField)
			.distinct()
			.sorted()
			.toList();
		return answer(400, "invalid-request", fields, locale);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, Locale locale) {
		if (NestedExceptionUtils.getRootCause(ex) instanceof BoundedRequest.BodyTooLarge) {
			return answer(413, "request-too-large", List.of(), locale);
		}
		if (ex.getCause() instanceof MalformedValue malformed
				&& malformed.reason() == MalformedValue.Reason.NOT_PARSEABLE) {
			return answer(400, "malformed-ciphertext", List.of(malformed.field()), locale);
		}
		List<String> fields = List.of();
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			fields = List.of(mapping.getPath()
				.stream()
				.map((reference) -> (reference.getFieldName() != null) ? reference.getFieldName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "["));
		}
		return answer(400, "invalid-request", fields, locale);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingRequestHeaderException.class })
	ResponseEntity<ProblemDetail> mismatch(Exception ex, Locale locale) {
		return answer(400, "invalid-request", List.of(), locale);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NoResourceFoundException ex, Locale locale) {
		return answer(404, "not-found", List.of(), locale);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex, Locale locale) {
		// the class name only: a message could quote request content
		log.error("Unexpected failure in the browser API: {}", ex.getClass().getName());
		return answer(500, "unexpected", List.of(), locale);
	}

	private ResponseEntity<ProblemDetail> answer(int status, String slug, List<String> fields, Locale locale) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == 429) {
			answer.header(HttpHeaders.RETRY_AFTER, "1");
		}
		return answer.body(this.translator.problem(status, slug, fields, locale));
	}

}

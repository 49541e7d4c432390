package nl.meldpunt.caseservice.web;

import java.net.URI;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.MailboxCredential;
import nl.meldpunt.internalapi.MalformedValue;

/**
 * Turns every refusal into a {@code ProblemDetail} with a stable {@code type}; nothing
 * else (no stack trace, no exception message) leaves the service.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

	static final String BASE = "https://meldpunt.nl/problems/";

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Problems.class);

	@ExceptionHandler(Refusal.class)
	ResponseEntity<ProblemDetail> refused(Refusal refusal) {
		return respond(statusOf(refusal.problem()), refusal.slug(), refusal.getMessage(), refusal.errors());
	}

	/** The one place where a domain problem becomes an HTTP status. */
	static HttpStatus statusOf(Problem problem) {
		return switch (problem) {
			case INVALID_REQUEST, MALFORMED_CIPHERTEXT -> HttpStatus.BAD_REQUEST;
			case LOGIN_FAILED, UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
			case WRONG_ACCESS_CODE, NOT_A_RECIPIENT, REPORTER_ONLY, SYSTEM_ONLY, FORBIDDEN, ENROLMENT_REFUSED ->
				HttpStatus.FORBIDDEN;
			case UNKNOWN_TOKEN, UNKNOWN_ORGANISATION, UNKNOWN_CASE, UNKNOWN_ATTACHMENT, UNKNOWN_CHUNK,
					UNKNOWN_PROPOSAL ->
				HttpStatus.NOT_FOUND;
			case CASE_CLOSED, ITEM_ID_TAKEN, CHUNK_CONFLICT, ILLEGAL_TRANSITION, CASE_ID_TAKEN, NOT_ACCEPTING_REPORTS,
					EMAIL_TAKEN, CODE_TAKEN, CONFLICT, ALREADY_DECIDED ->
				HttpStatus.CONFLICT;
			case ATTACHMENT_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
			case CONSENT_REQUIRED, CLASSIFICATION_REQUIRED, INVALID_RECIPIENT, EXCLUDED_ADVISER, RECIPIENTS_MISMATCH,
					ALL_ADVISERS_EXCLUDED ->
				HttpStatus.UNPROCESSABLE_ENTITY;
			case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
		};
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> conflict(DataIntegrityViolationException ex) {
		return respond(HttpStatus.CONFLICT, Problem.CONFLICT.slug(), "The request conflicts with data already stored.",
				List.of());
	}

	/** Anything unexpected: logged here, and the caller learns nothing about it. */
	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<ProblemDetail> unexpected(RuntimeException ex) {
		log.error("Unexpected failure", ex);
		return respond(HttpStatus.INTERNAL_SERVER_ERROR, Problem.INTERNAL_ERROR.slug(),
				"Something went wrong on our side.", List.of());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + ": " + error.getDefaultMessage())
			.sorted()
			.toList();
		return new ResponseEntity<>(
				problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid.", errors),
				HttpStatus.BAD_REQUEST);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getCause() instanceof MalformedValue malformed) {
			ProblemDetail problem = (malformed.type() == MailboxCredential.class)
					? problem(HttpStatus.BAD_REQUEST, Problem.INVALID_REQUEST.slug(), "The request is not valid.",
							List.of(malformed.field() + ": must be base64url of 32 bytes"))
					: problem(HttpStatus.BAD_REQUEST, Problem.MALFORMED_CIPHERTEXT.slug(),
							"An encrypted value is not in the expected format.", List.of(malformed.field()));
			return new ResponseEntity<>(problem, HttpStatus.BAD_REQUEST);
		}
		return new ResponseEntity<>(problem(HttpStatus.BAD_REQUEST, "invalid-request",
				"The request body could not be read.", List.of("body: unreadable")), HttpStatus.BAD_REQUEST);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail detail
				&& (detail.getType() == null || "about:blank".equals(detail.getType().toString()))) {
			detail.setType(URI.create(BASE + slugFor(statusCode)));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static String slugFor(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "invalid-request";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 413 -> "too-large";
			case 415 -> "unsupported-media-type";
			default -> "error";
		};
	}

	static ResponseEntity<ProblemDetail> respond(HttpStatus status, String slug, String detail, List<String> errors) {
		return ResponseEntity.status(status).body(problem(status, slug, detail, errors));
	}

	static ProblemDetail problem(HttpStatus status, String slug, String detail, List<String> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(BASE + slug));
		problem.setTitle(status.getReasonPhrase());
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

}

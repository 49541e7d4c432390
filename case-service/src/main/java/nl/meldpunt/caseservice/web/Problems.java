package nl.meldpunt.caseservice.web;

import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.hibernate.exception.JDBCConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
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

	private final FailureLog failures = new FailureLog(Clock.systemUTC());

	private final MeterRegistry meters;

	Problems(MeterRegistry meters) {
		this.meters = meters;
	}

	@ExceptionHandler(Refusal.class)
	ResponseEntity<ProblemDetail> refused(Refusal refusal) {
		HttpStatus status = statusOf(refusal.problem());
		this.failures.refused(status.value(), refusal.slug(), refusal, refusal.getMessage());
		return respond(status, refusal.slug(), refusal.getMessage(), refusal.errors());
	}

	/** The one place where a domain problem becomes an HTTP status. */
	static HttpStatus statusOf(Problem problem) {
		return switch (problem) {
			case INVALID_REQUEST, MALFORMED_CIPHERTEXT, KEY_BOOK_MALFORMED, KEY_BOOK_SAFETY_CODE_TYPO ->
				HttpStatus.BAD_REQUEST;
			case LOGIN_FAILED, UNAUTHENTICATED, OIDC_SIGN_IN_FAILED -> HttpStatus.UNAUTHORIZED;
			case WRONG_ACCESS_CODE, NOT_A_RECIPIENT, REPORTER_ONLY, SYSTEM_ONLY, FORBIDDEN, ENROLMENT_REFUSED,
					REPORTER_CONSENT_REQUIRED, OIDC_NO_ACCOUNT, OIDC_ACCOUNT_DISABLED ->
				HttpStatus.FORBIDDEN;
			case UNKNOWN_TOKEN, UNKNOWN_ORGANISATION, UNKNOWN_CASE, UNKNOWN_ATTACHMENT, UNKNOWN_CHUNK, UNKNOWN_ACCOUNT,
					UNKNOWN_DRAFT, UNKNOWN_PROPOSAL ->
				HttpStatus.NOT_FOUND;
			case CASE_CLOSED, TOO_MANY_ATTACHMENTS, ITEM_ID_TAKEN, CHUNK_CONFLICT, ILLEGAL_TRANSITION, CASE_ID_TAKEN,
					NOT_ACCEPTING_REPORTS, EMAIL_TAKEN, CODE_TAKEN, CONFLICT, NOTHING_TO_CORRECT, OWN_ACCOUNT,
					ALREADY_ENROLLED, DISPLAY_NAME_TAKEN, KEY_BOOK_MISSING, KEY_BOOK_STARTED, REKEY_REQUIRED,
					STAFF_KEY_REQUIRED, WRONG_EPOCH, KEY_BOOK_WRONG_SEQUENCE, KEY_BOOK_BROKEN_CHAIN,
					KEY_BOOK_NOT_EXTENDED, ALREADY_DECIDED ->
				HttpStatus.CONFLICT;
			case ATTACHMENT_TOO_LARGE, REQUEST_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
			case CONSENT_REQUIRED, CLASSIFICATION_REQUIRED, INVALID_RECIPIENT, EXCLUDED_ADVISER, RECIPIENTS_MISMATCH,
					ALL_ADVISERS_EXCLUDED, UNKNOWN_UNIT, KEY_BOOK_WRONG_BOOK, KEY_BOOK_BAD_GENESIS,
					KEY_BOOK_BAD_SIGNATURE, KEY_BOOK_NOT_A_SIGNER, KEY_BOOK_REMOVED_SIGNER, KEY_BOOK_DUPLICATE_APPROVAL,
					KEY_BOOK_THRESHOLD_NOT_MET, KEY_BOOK_DUPLICATE_RECIPIENT, KEY_BOOK_UNKNOWN_RECIPIENT,
					KEY_BOOK_WRONG_ROLE, KEY_BOOK_THRESHOLD_UNREACHABLE, KEY_BOOK_EMPTY_BOOK,
					KEY_BOOK_HOTLINE_NOT_PINNED ->
				HttpStatus.UNPROCESSABLE_ENTITY;
			case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
			case DATABASE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
		};
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> conflict(DataIntegrityViolationException ex) {
		// the driver's message quotes the conflicting values: the class only
		this.failures.refused(409, Problem.CONFLICT.slug(), ex);
		return respond(HttpStatus.CONFLICT, Problem.CONFLICT.slug(), "The request conflicts with data already stored.",
				List.of());
	}

	/**
	 * The pool found no connection within its short time-out (the database is down or
	 * unreachable): a fast 503 the caller can retry, instead of a hang.
	 */
	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			JDBCConnectionException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException ex) {
		this.failures.refused(503, Problem.DATABASE_UNAVAILABLE.slug(), ex);
		return respond(HttpStatus.SERVICE_UNAVAILABLE, Problem.DATABASE_UNAVAILABLE.slug(),
				"The database cannot be reached right now; nothing was stored. Try again shortly.", List.of());
	}

	/**
	 * Whether the database went away under this request: a connection failure anywhere in
	 * the causes (a rollback on a dead connection replaces the query's own failure with a
	 * {@code JpaSystemException} whose cause is the closed connection, SQL state 08xxx).
	 */
	static boolean databaseLost(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof JDBCConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

	/** Anything unexpected: logged here, and the caller learns nothing about it. */
	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<ProblemDetail> unexpected(RuntimeException ex) {
		if (databaseLost(ex)) {
			return databaseUnavailable(ex);
		}
		this.failures.unexpected(500, Problem.INTERNAL_ERROR.slug(), ex);
		return respond(HttpStatus.INTERNAL_SERVER_ERROR, Problem.INTERNAL_ERROR.slug(),
				"Something went wrong on our side.", List.of());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		this.failures.refused(400, Problem.INVALID_REQUEST.slug(), ex);
		counted(400, Problem.INVALID_REQUEST.slug());
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
		if (org.springframework.core.NestedExceptionUtils
			.getRootCause(ex) instanceof nl.meldpunt.internalapi.servlet.BoundedRequest.BodyTooLarge) {
			this.failures.refused(413, Problem.REQUEST_TOO_LARGE.slug(), ex);
			counted(413, Problem.REQUEST_TOO_LARGE.slug());
			return new ResponseEntity<>(problem(HttpStatus.PAYLOAD_TOO_LARGE, Problem.REQUEST_TOO_LARGE.slug(),
					"The request is too large.", List.of()), HttpStatus.PAYLOAD_TOO_LARGE);
		}
		this.failures.refused(400, Problem.INVALID_REQUEST.slug(), ex);
		counted(400, Problem.INVALID_REQUEST.slug());
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
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		this.failures.refused(statusCode.value(), slugFor(statusCode), ex);
		counted(statusCode.value(), slugFor(statusCode));
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
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

	private ResponseEntity<ProblemDetail> respond(HttpStatus status, String slug, String detail, List<String> errors) {
		counted(status.value(), slug);
		return ResponseEntity.status(status).body(problem(status, slug, detail, errors));
	}

	/**
	 * {@code meldpunt_refusals_total} by problem type and status: a fixed set of slugs.
	 */
	private void counted(int status, String slug) {
		this.meters.counter("meldpunt.refusals", "problem", slug, "status", Integer.toString(status)).increment();
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

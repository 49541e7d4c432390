package nl.meldpunt.caseservice.web;

import java.util.List;
import java.util.Objects;

import org.springframework.http.HttpStatus;

/**
 * A request refused for a reason the caller may know: leaves HTTP as a
 * {@code ProblemDetail} with type {@code https://meldpunt.nl/problems/<slug>}. Thrown
 * inside a transaction it also rolls everything back, so nothing is half-written.
 */
public class Refusal extends RuntimeException {

	private final HttpStatus status;

	private final String slug;

	private final List<String> errors;

	public Refusal(HttpStatus status, String slug, String detail) {
		this(status, slug, detail, List.of());
	}

	public Refusal(HttpStatus status, String slug, String detail, List<String> errors) {
		super(detail, null, false, false);
		this.status = Objects.requireNonNull(status);
		this.slug = Objects.requireNonNull(slug);
		this.errors = List.copyOf(errors);
	}

	public static Refusal invalid(String field, String message) {
		return new Refusal(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid.",
				List.of(field + ": " + message));
	}

	public static Refusal malformedCiphertext(String field) {
		return new Refusal(HttpStatus.BAD_REQUEST, "malformed-ciphertext",
				"An encrypted value is not in the expected format.", List.of(field));
	}

	public static Refusal unknownToken() {
		return new Refusal(HttpStatus.NOT_FOUND, "unknown-token", "No report belongs to this token.");
	}

	public static Refusal notFound(String slug, String detail) {
		return new Refusal(HttpStatus.NOT_FOUND, slug, detail);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String slug() {
		return this.slug;
	}

	public List<String> errors() {
		return this.errors;
	}

}

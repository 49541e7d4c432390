package nl.meldpunt.caseservice.problem;

import java.util.List;
import java.util.Objects;

import nl.meldpunt.crypto.CryptoException;

/**
 * A request refused for a reason the caller may know, named by a {@link Problem}. The
 * {@code web} package turns it into a {@code ProblemDetail}. Thrown inside a transaction
 * it also rolls everything back, so nothing is half-written.
 */
public class Refusal extends RuntimeException {

	private final Problem problem;

	private final List<String> errors;

	public Refusal(Problem problem, String detail) {
		this(problem, detail, List.of());
	}

	public Refusal(Problem problem, String detail, List<String> errors) {
		super(detail, null, false, false);
		this.problem = Objects.requireNonNull(problem);
		this.errors = List.copyOf(errors);
	}

	public static Refusal invalid(String field, String message) {
		return new Refusal(Problem.INVALID_REQUEST, "The request is not valid.", List.of(field + ": " + message));
	}

	public static Refusal malformedCiphertext(String field) {
		return new Refusal(Problem.MALFORMED_CIPHERTEXT, "An encrypted value is not in the expected format.",
				List.of(field));
	}

	public static Refusal unknownToken() {
		return new Refusal(Problem.UNKNOWN_TOKEN, "No report belongs to this token.");
	}

	/**
	 * A key-book refusal of the crypto module (its message names what failed and never
	 * holds key material); any other crypto failure is a malformed value.
	 */
	public static Refusal keyBook(CryptoException ex) {
		return ex.refusal()
			.map((reason) -> new Refusal(Problem.of(reason), ex.getMessage()))
			.orElseGet(
					() -> new Refusal(Problem.MALFORMED_CIPHERTEXT, "A key-book value is not in the expected format."));
	}

	public Problem problem() {
		return this.problem;
	}

	/** The problem's stable slug. */
	public String slug() {
		return this.problem.slug();
	}

	public List<String> errors() {
		return this.errors;
	}

}

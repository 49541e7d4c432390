package nl.meldpunt.crypto;

import java.util.Optional;

/**
 * The one checked exception for every parse, verify, unwrap or open failure. Its message
 * is safe to show: it never contains key material, plaintext or a token. A refusal of a
 * key book also names its {@link KeyBookRefusal reason}, stable enough for a problem
 * type.
 */
public final class CryptoException extends Exception {

	private static final long serialVersionUID = 1L;

	private final KeyBookRefusal refusal;

	public CryptoException(String message) {
		super(message);
		this.refusal = null;
	}

	public CryptoException(String message, Throwable cause) {
		super(message, cause);
		this.refusal = null;
	}

	public CryptoException(KeyBookRefusal refusal, String message) {
		super(message);
		this.refusal = refusal;
	}

	/**
	 * Why a key book, entry, draft or safety code was refused; empty for other failures.
	 */
	public Optional<KeyBookRefusal> refusal() {
		return Optional.ofNullable(this.refusal);
	}

}

package nl.meldpunt.crypto;

/**
 * The one checked exception for every parse, verify, unwrap or open failure. Its message
 * is safe to show: it never contains key material, plaintext or a token.
 */
public final class CryptoException extends Exception {

	private static final long serialVersionUID = 1L;

	public CryptoException(String message) {
		super(message);
	}

	public CryptoException(String message, Throwable cause) {
		super(message, cause);
	}

}

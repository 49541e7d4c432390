package nl.meldpunt.crypto;

import java.util.Objects;

/**
 * What wrapping a private key under a passphrase yields: the wrapped key to store, and
 * the log-in secret whose slow hash the server stores.
 *
 * @param wrappedKey the passphrase-wrapped private key
 * @param loginSecret the value checked at log-in
 */
public record Enrolment(WrappedPrivateKey wrappedKey, LoginSecret loginSecret) {

	public Enrolment {
		Objects.requireNonNull(wrappedKey, "wrappedKey");
		Objects.requireNonNull(loginSecret, "loginSecret");
	}

}

package nl.meldpunt.crypto;

import java.util.Arrays;

import javax.security.auth.Destroyable;

import nl.meldpunt.crypto.internal.Ed25519;

/**
 * A recipient's Ed25519 signing key (RFC 8032 seed), made next to its X25519 key at
 * enrolment and stored only wrapped under the same passphrase
 * ({@link WrappedSigningKey}). It signs nothing but key-book approvals
 * ({@link KeyBook#approve}), so a signature can never be lifted into another context.
 * Immutable until {@link #destroy()}.
 */
public final class SigningKey implements Destroyable {

	private final byte[] seed;

	private final SigningPublicKey publicKey;

	private volatile boolean destroyed;

	private SigningKey(byte[] seed) {
		this.seed = seed;
		this.publicKey = SigningPublicKey.ofPrivate(seed);
	}

	/** A fresh key from the CSPRNG. */
	public static SigningKey generate() {
		return new SigningKey(Ed25519.generatePrivateKey());
	}

	static SigningKey ofSecretBytes(byte[] seed) {
		return new SigningKey(seed.clone());
	}

	public SigningPublicKey publicKey() {
		return this.publicKey;
	}

	/** The one path to the raw seed; package-private on purpose. */
	byte[] exposeSecretBytes() {
		return secret().clone();
	}

	byte[] sign(byte[] message) {
		return Ed25519.sign(secret(), message);
	}

	private byte[] secret() {
		if (this.destroyed) {
			throw new IllegalStateException("This signing key was destroyed");
		}
		return this.seed;
	}

	/**
	 * Wraps this key beside {@code companion}, the same recipient's wrapped X25519 key,
	 * under the same passphrase: one slow derivation opens both.
	 * @param companion the recipient's wrapped private key
	 * @param passphrase the passphrase {@code companion} is wrapped under
	 * @return the wrapped signing key
	 * @throws CryptoException when the passphrase does not open {@code companion}
	 */
	public WrappedSigningKey wrap(WrappedPrivateKey companion, CharSequence passphrase) throws CryptoException {
		return WrappedSigningKey.wrap(this, companion, passphrase);
	}

	/** Zeroes the seed in memory; the public half stays readable. */
	@Override
	public void destroy() {
		this.destroyed = true;
		Arrays.fill(this.seed, (byte) 0);
	}

	@Override
	public boolean isDestroyed() {
		return this.destroyed;
	}

	@Override
	public String toString() {
		return "SigningKey[public " + this.publicKey.fingerprint() + "]";
	}

}

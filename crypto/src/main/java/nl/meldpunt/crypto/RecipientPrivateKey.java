package nl.meldpunt.crypto;

import java.util.Arrays;
import java.util.Objects;

import javax.security.auth.Destroyable;

import nl.meldpunt.crypto.internal.AssociatedData;
import nl.meldpunt.crypto.internal.Hpke;

/**
 * A recipient's X25519 key pair. The private half leaves this object only wrapped under a
 * passphrase ({@link #wrap}); inside the module it is read through
 * {@link #exposeSecretBytes()}, the one access path. Immutable until {@link #destroy()},
 * which zeroes the private half; any use of it after that throws
 * {@link IllegalStateException}.
 */
public final class RecipientPrivateKey implements Destroyable {

	private final byte[] privateKey;

	private final RecipientPublicKey publicKey;

	private volatile boolean destroyed;

	private RecipientPrivateKey(byte[] privateKey) {
		this.privateKey = privateKey;
		this.publicKey = RecipientPublicKey.ofPrivate(privateKey);
	}

	/** A fresh key pair from the CSPRNG. */
	public static RecipientPrivateKey generate() {
		return new RecipientPrivateKey(Hpke.generatePrivateKey());
	}

	/**
	 * RFC 9180 DeriveKeyPair over {@code ikm}: used for the reporter's key from the
	 * token.
	 */
	static RecipientPrivateKey derive(byte[] ikm) {
		return new RecipientPrivateKey(Hpke.derivePrivateKey(ikm));
	}

	static RecipientPrivateKey ofSecretBytes(byte[] privateKey) {
		return new RecipientPrivateKey(privateKey.clone());
	}

	/** The one path to the raw private key; package-private on purpose. */
	byte[] exposeSecretBytes() {
		return secret().clone();
	}

	private byte[] secret() {
		if (this.destroyed) {
			throw new IllegalStateException("This private key was destroyed");
		}
		return this.privateKey;
	}

	/** Zeroes the private half in memory; the public half stays readable. */
	@Override
	public void destroy() {
		this.destroyed = true;
		Arrays.fill(this.privateKey, (byte) 0);
	}

	@Override
	public boolean isDestroyed() {
		return this.destroyed;
	}

	public RecipientPublicKey publicKey() {
		return this.publicKey;
	}

	/**
	 * Opens a key envelope sealed to this key for exactly {@code binding}.
	 * @param envelope the envelope
	 * @param binding organisation, case and recipient id, purpose and epoch
	 * @return the case key (or staff key) of the binding's purpose and epoch
	 * @throws CryptoException for another recipient, another binding or tampered data
	 */
	public CaseKey open(KeyEnvelope envelope, EnvelopeBinding binding) throws CryptoException {
		Objects.requireNonNull(envelope, "envelope");
		byte[] info = AssociatedData.envelopeInfo(binding);
		return CaseKey.ofOpenedBytes(Hpke.open(secret(), info, AssociatedData.envelopeHeader(), envelope.hpkePart()),
				binding.purpose(), binding.epoch());
	}

	/**
	 * Wraps this key under {@code passphrase} with the default KDF (PBKDF2-SHA256, 600
	 * 000 iterations), which browsers can unwrap too.
	 * @param passphrase the adviser's passphrase
	 * @return the wrapped key and the log-in secret
	 */
	public Enrolment wrap(CharSequence passphrase) {
		return wrap(passphrase, KdfParameters.defaults());
	}

	/**
	 * Wraps this key under {@code passphrase} with the given KDF.
	 * @param passphrase the adviser's passphrase
	 * @param kdf the KDF and its cost
	 * @return the wrapped key and the log-in secret
	 */
	public Enrolment wrap(CharSequence passphrase, KdfParameters kdf) {
		return WrappedPrivateKey.wrap(this, passphrase, kdf);
	}

	@Override
	public String toString() {
		return "RecipientPrivateKey[public " + this.publicKey.fingerprint() + "]";
	}

}

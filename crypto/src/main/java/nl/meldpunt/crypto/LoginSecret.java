package nl.meldpunt.crypto;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 32 bytes an adviser's browser sends at log-in. Derived from the passphrase
 * independently of the key that unwraps the private key, so the server, which sees only
 * this value (and stores only a slow hash of it), learns nothing that unwraps. Immutable.
 */
public final class LoginSecret {

	private final byte[] bytes;

	LoginSecret(byte[] bytes) {
		this.bytes = bytes;
	}

	/**
	 * Derives the log-in secret from a KDF header alone (what the server serves before
	 * log-in, {@link WrappedPrivateKey#kdfHeader()}), without the wrapped key.
	 * @param kdfHeader exactly the header bytes {@code [0, 19+p)} of a wrapped key
	 * @param passphrase the adviser's passphrase
	 * @return the log-in secret
	 * @throws CryptoException when the header is malformed or out of bounds, or the
	 * passphrase is empty
	 */
	public static LoginSecret derive(byte[] kdfHeader, CharSequence passphrase) throws CryptoException {
		return KdfHeader.parse(kdfHeader).loginSecret(passphrase);
	}

	public byte[] toBytes() {
		return this.bytes.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LoginSecret secret && MessageDigest.isEqual(this.bytes, secret.bytes);
	}

	/** From a digest of the secret, so that a hash code never shows its bits. */
	@Override
	public int hashCode() {
		try {
			return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(this.bytes)).getInt();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is in every JDK", ex);
		}
	}

	@Override
	public String toString() {
		return "LoginSecret[redacted]";
	}

}

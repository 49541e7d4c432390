package nl.meldpunt.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

import nl.meldpunt.crypto.internal.Ed25519;
import nl.meldpunt.crypto.internal.Fingerprint;
import nl.meldpunt.crypto.internal.Wire;

/**
 * A recipient's Ed25519 public key (RFC 8032), with which it approves key-book entries.
 * Built only from bytes that pass the shared check (32 bytes, canonical, not of small
 * order). Immutable.
 */
public final class SigningPublicKey {

	static final String FINGERPRINT_LABEL = "meldpunt/v1/signing-key";

	private final byte[] bytes;

	private SigningPublicKey(byte[] bytes) {
		this.bytes = bytes;
	}

	/**
	 * Validates a stored or received signing key.
	 * @param bytes the raw Ed25519 public key
	 * @return the key
	 * @throws CryptoException when the bytes are no acceptable signing key
	 */
	public static SigningPublicKey fromBytes(byte[] bytes) throws CryptoException {
		Ed25519.checkPublicKey(bytes);
		return new SigningPublicKey(bytes.clone());
	}

	static SigningPublicKey ofPrivate(byte[] privateKey) {
		return new SigningPublicKey(Ed25519.publicKeyOf(privateKey));
	}

	public byte[] toBytes() {
		return this.bytes.clone();
	}

	/**
	 * The first 16 bytes of SHA-256 over {@code lp("meldpunt/v1/signing-key") || key}, as
	 * eight groups of four upper-case hex digits.
	 * @return the fingerprint
	 */
	public String fingerprint() {
		return Fingerprint.groups(Fingerprint.sha256(new Wire.Fields().text(FINGERPRINT_LABEL).toBytes(), this.bytes));
	}

	boolean verifies(byte[] message, byte[] signature) {
		return Ed25519.verify(this.bytes, message, signature);
	}

	byte[] raw() {
		return this.bytes;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SigningPublicKey key && MessageDigest.isEqual(this.bytes, key.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.bytes);
	}

	@Override
	public String toString() {
		return "SigningPublicKey[" + fingerprint() + "]";
	}

}

package nl.meldpunt.crypto;

import java.util.Arrays;
import java.util.Objects;

import nl.meldpunt.crypto.internal.AesGcm;
import nl.meldpunt.crypto.internal.Ed25519;
import nl.meldpunt.crypto.internal.Wire;

/**
 * A signing key wrapped beside a recipient's {@link WrappedPrivateKey}, under the same
 * passphrase-derived master key (HKDF info {@code signing-key-wrap}). Layout v1 (suite
 * 0x04):
 * {@code 01 | 04 | Ed25519 public key (32) | nonce (12) | AES-256-GCM ciphertext of
 * the 32-byte seed (32) | tag (16)}, 94 bytes; the associated data is
 * {@code 01 04 || companion[0, 51+p) || public key}, so it opens only beside its own
 * companion. Old wrapped keys stay as they are. See {@code crypto/FORMAT.md}. Immutable.
 */
public final class WrappedSigningKey {

	/** Exactly this many bytes. */
	public static final int LENGTH = Wire.HEADER_LENGTH + Ed25519.KEY_LENGTH + Wire.NONCE_LENGTH + Ed25519.KEY_LENGTH
			+ Wire.TAG_LENGTH;

	private static final byte[] HEADER = { Wire.VERSION, Wire.SUITE_WRAPPED_SIGNING_KEY };

	private static final String INFO = "signing-key-wrap";

	private final byte[] bytes;

	private WrappedSigningKey(byte[] bytes) {
		this.bytes = bytes;
	}

	/**
	 * Checks the structure and the public key without the passphrase.
	 * @param bytes the serialized wrapped signing key
	 * @return the wrapped signing key
	 * @throws CryptoException when the bytes cannot be a wrapped signing key of format v1
	 */
	public static WrappedSigningKey parse(byte[] bytes) throws CryptoException {
		Wire.checkHeader(bytes, Wire.SUITE_WRAPPED_SIGNING_KEY, "Wrapped signing key");
		if (bytes.length != LENGTH) {
			throw new CryptoException("Wrapped signing key has the wrong length");
		}
		Ed25519.checkPublicKey(Arrays.copyOfRange(bytes, 2, 34));
		return new WrappedSigningKey(bytes.clone());
	}

	static WrappedSigningKey wrap(SigningKey key, WrappedPrivateKey companion, CharSequence passphrase)
			throws CryptoException {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(companion, "companion");
		byte[] master = companion.header().stretch(KdfHeader.forOpening(passphrase));
		byte[] wrapKey = KdfHeader.derive(master, INFO);
		byte[] seed = key.exposeSecretBytes();
		try {
			// Proves the passphrase: a signing key wrapped under another one could never
			// be opened.
			companion.unwrap(master).destroy();
			byte[] publicKey = key.publicKey().toBytes();
			byte[] nonce = AesGcm.randomNonce();
			byte[] prefix = new Wire.Fields().bytes(HEADER).bytes(publicKey).bytes(nonce).toBytes();
			return new WrappedSigningKey(
					AesGcm.seal(wrapKey, nonce, associatedData(companion, publicKey), seed, 0, seed.length, prefix));
		}
		finally {
			Arrays.fill(master, (byte) 0);
			Arrays.fill(wrapKey, (byte) 0);
			Arrays.fill(seed, (byte) 0);
		}
	}

	/**
	 * The public half, stored in clear so that the server can compare it with the key
	 * book.
	 */
	public SigningPublicKey publicKey() throws CryptoException {
		return SigningPublicKey.fromBytes(Arrays.copyOfRange(this.bytes, 2, 34));
	}

	/**
	 * Unwraps the signing key; a wrong passphrase, another companion or any changed byte
	 * fails.
	 * @param companion the same recipient's wrapped private key
	 * @param passphrase the passphrase
	 * @return the signing key
	 * @throws CryptoException on a wrong passphrase, a foreign companion or tampering
	 */
	public SigningKey unwrap(WrappedPrivateKey companion, CharSequence passphrase) throws CryptoException {
		Objects.requireNonNull(companion, "companion");
		byte[] master = companion.header().stretch(KdfHeader.forOpening(passphrase));
		try {
			return unwrap(companion, master);
		}
		finally {
			Arrays.fill(master, (byte) 0);
		}
	}

	/**
	 * Unwraps with the already stretched passphrase; the caller zeroes {@code master}.
	 */
	SigningKey unwrap(WrappedPrivateKey companion, byte[] master) throws CryptoException {
		byte[] wrapKey = KdfHeader.derive(master, INFO);
		byte[] publicKey = Arrays.copyOfRange(this.bytes, 2, 34);
		byte[] seed = null;
		try {
			seed = AesGcm.open(wrapKey, Arrays.copyOfRange(this.bytes, 34, 46), associatedData(companion, publicKey),
					this.bytes, 46, this.bytes.length - 46);
			SigningKey key = SigningKey.ofSecretBytes(seed);
			if (!Arrays.equals(key.publicKey().toBytes(), publicKey)) {
				key.destroy();
				throw new CryptoException("Wrapped signing key does not match its public key");
			}
			return key;
		}
		catch (CryptoException ex) {
			throw new CryptoException("Wrong passphrase, or the wrapped signing key was changed or moved");
		}
		finally {
			Arrays.fill(wrapKey, (byte) 0);
			if (seed != null) {
				Arrays.fill(seed, (byte) 0);
			}
		}
	}

	private static byte[] associatedData(WrappedPrivateKey companion, byte[] publicKey) {
		return new Wire.Fields().bytes(HEADER).bytes(companion.associatedData()).bytes(publicKey).toBytes();
	}

	public byte[] toBytes() {
		return this.bytes.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof WrappedSigningKey key && Arrays.equals(this.bytes, key.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.bytes);
	}

	@Override
	public String toString() {
		return "WrappedSigningKey[" + this.bytes.length + " bytes]";
	}

}

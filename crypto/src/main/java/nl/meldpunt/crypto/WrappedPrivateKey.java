package nl.meldpunt.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

import nl.meldpunt.crypto.internal.AesGcm;
import nl.meldpunt.crypto.internal.Wire;

/**
 * A private key wrapped under a passphrase. Layout v1:
 * {@code 01 | 03 | kdf id | kdf parameters | salt (16) | public key (32) | nonce (12) |
 * AES-256-GCM ciphertext of the private key (32) | tag (16)}; all bytes before the nonce
 * are the associated data, the bytes up to and including the salt are the KDF header
 * ({@link #kdfHeader()}). The slow KDF output is split by HKDF into the wrapping key and
 * the log-in secret. See {@code crypto/FORMAT.md}. Immutable.
 */
public final class WrappedPrivateKey {

	private static final int TAIL_LENGTH = 32 + Wire.NONCE_LENGTH + Wire.KEY_LENGTH + Wire.TAG_LENGTH;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] bytes;

	private final KdfHeader header;

	private WrappedPrivateKey(byte[] bytes, KdfHeader header) {
		this.bytes = bytes;
		this.header = header;
	}

	/**
	 * Checks the structure and the KDF bounds without the passphrase.
	 * @param bytes the serialized wrapped key
	 * @return the wrapped key
	 * @throws CryptoException when the bytes cannot be a wrapped key of format v1
	 */
	public static WrappedPrivateKey parse(byte[] bytes) throws CryptoException {
		KdfHeader header = KdfHeader.readPrefix(bytes, "Wrapped key");
		if (bytes.length != header.length() + TAIL_LENGTH) {
			throw new CryptoException("Wrapped key has the wrong length");
		}
		return new WrappedPrivateKey(bytes.clone(), header);
	}

	/**
	 * A KDF header for an account name that has no wrapped key, for the log-in step
	 * before the account is known: deterministic per name and server secret, shaped like
	 * a real header with {@code kdf}, so that the answer does not reveal whether the
	 * account exists.
	 * @param serverSecret at least 32 random bytes the server keeps for this purpose
	 * @param accountName the name as typed at log-in, in the server's canonical form
	 * @param kdf the KDF parameters the server uses for new enrolments
	 * @return the bytes of a KDF header
	 */
	public static byte[] decoyKdfHeader(byte[] serverSecret, String accountName, KdfParameters kdf) {
		return KdfHeader.decoy(serverSecret, accountName, kdf).toBytes();
	}

	static Enrolment wrap(RecipientPrivateKey key, CharSequence passphrase, KdfParameters kdf) {
		Objects.requireNonNull(kdf, "kdf");
		byte[] salt = new byte[KdfHeader.SALT_LENGTH];
		RANDOM.nextBytes(salt);
		KdfHeader header = KdfHeader.of(kdf, salt);
		byte[] aad = new Wire.Fields().bytes(header.toBytes()).bytes(key.publicKey().toBytes()).toBytes();
		byte[] master = header.stretch(KdfHeader.forWrapping(passphrase));
		byte[] wrapKey = KdfHeader.derive(master, "key-wrap");
		byte[] secret = key.exposeSecretBytes();
		try {
			byte[] nonce = AesGcm.randomNonce();
			byte[] prefix = new Wire.Fields().bytes(aad).bytes(nonce).toBytes();
			byte[] out = AesGcm.seal(wrapKey, nonce, aad, secret, 0, secret.length, prefix);
			return new Enrolment(new WrappedPrivateKey(out, header),
					new LoginSecret(KdfHeader.derive(master, "login")));
		}
		finally {
			Arrays.fill(master, (byte) 0);
			Arrays.fill(wrapKey, (byte) 0);
			Arrays.fill(secret, (byte) 0);
		}
	}

	public KdfParameters kdf() {
		return this.header.kdf();
	}

	/**
	 * The KDF header, bytes {@code [0, 19+p)}: version, suite, KDF id and parameters,
	 * salt. What the server serves before log-in; see
	 * {@link LoginSecret#derive(byte[], CharSequence)}.
	 */
	public byte[] kdfHeader() {
		return this.header.toBytes();
	}

	/** The public half, stored in clear beside the wrapped private half. */
	public RecipientPublicKey publicKey() throws CryptoException {
		return RecipientPublicKey.fromBytes(slice(this.header.length(), 32));
	}

	/**
	 * Unwraps the private key; a wrong or empty passphrase or any changed byte fails.
	 * @param passphrase the adviser's passphrase
	 * @return the key pair
	 * @throws CryptoException when the passphrase is wrong or the value was tampered with
	 */
	public RecipientPrivateKey unwrap(CharSequence passphrase) throws CryptoException {
		byte[] master = this.header.stretch(KdfHeader.forOpening(passphrase));
		try {
			return unwrap(master);
		}
		finally {
			Arrays.fill(master, (byte) 0);
		}
	}

	/**
	 * Unwraps with the already stretched passphrase; the caller zeroes {@code master}.
	 */
	RecipientPrivateKey unwrap(byte[] master) throws CryptoException {
		byte[] wrapKey = KdfHeader.derive(master, "key-wrap");
		int nonceOffset = associatedDataLength();
		int ctOffset = nonceOffset + Wire.NONCE_LENGTH;
		byte[] secret = null;
		try {
			secret = AesGcm.open(wrapKey, slice(nonceOffset, Wire.NONCE_LENGTH), slice(0, nonceOffset), this.bytes,
					ctOffset, this.bytes.length - ctOffset);
			RecipientPrivateKey key = RecipientPrivateKey.ofSecretBytes(secret);
			if (!MessageDigest.isEqual(key.publicKey().toBytes(), slice(this.header.length(), 32))) {
				key.destroy();
				throw new CryptoException("Wrapped key does not match its public key");
			}
			return key;
		}
		finally {
			Arrays.fill(wrapKey, (byte) 0);
			if (secret != null) {
				Arrays.fill(secret, (byte) 0);
			}
		}
	}

	KdfHeader header() {
		return this.header;
	}

	/** Bytes {@code [0, 51+p)}: header, parameters, salt and public key. */
	byte[] associatedData() {
		return slice(0, associatedDataLength());
	}

	private int associatedDataLength() {
		return this.header.length() + 32;
	}

	/**
	 * Derives the log-in secret without unwrapping: what the browser sends at log-in.
	 * @param passphrase the adviser's passphrase
	 * @return the log-in secret
	 * @throws CryptoException when the passphrase is empty
	 */
	public LoginSecret loginSecret(CharSequence passphrase) throws CryptoException {
		return this.header.loginSecret(passphrase);
	}

	public byte[] toBytes() {
		return this.bytes.clone();
	}

	private byte[] slice(int offset, int length) {
		return Arrays.copyOfRange(this.bytes, offset, offset + length);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof WrappedPrivateKey key && Arrays.equals(this.bytes, key.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.bytes);
	}

	@Override
	public String toString() {
		return "WrappedPrivateKey[" + this.header.kdf() + "]";
	}

}

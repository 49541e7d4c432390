package nl.meldpunt.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;

import nl.meldpunt.crypto.internal.AesGcm;
import nl.meldpunt.crypto.internal.Hkdf;
import nl.meldpunt.crypto.internal.Wire;

/**
 * A private key wrapped under a passphrase. Layout v1:
 * {@code 01 | 03 | kdf id | kdf parameters | salt (16) | public key (32) | nonce (12) |
 * AES-256-GCM ciphertext of the private key (32) | tag (16)}; all bytes before the nonce
 * are the associated data. The slow KDF output is split by HKDF into the wrapping key and
 * the log-in secret. See {@code crypto/FORMAT.md}. Immutable.
 */
public final class WrappedPrivateKey {

	static final int SALT_LENGTH = 16;

	private static final String SALT_LABEL = "meldpunt/v1/passphrase";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] bytes;

	private final KdfParameters kdf;

	private final int saltOffset;

	private WrappedPrivateKey(byte[] bytes, KdfParameters kdf, int saltOffset) {
		this.bytes = bytes;
		this.kdf = kdf;
		this.saltOffset = saltOffset;
	}

	/**
	 * Checks the structure and the KDF bounds without the passphrase.
	 * @param bytes the serialized wrapped key
	 * @return the wrapped key
	 * @throws CryptoException when the bytes cannot be a wrapped key of format v1
	 */
	public static WrappedPrivateKey parse(byte[] bytes) throws CryptoException {
		Wire.checkHeader(bytes, Wire.SUITE_WRAPPED_KEY, "Wrapped key");
		if (bytes.length < 3) {
			throw new CryptoException("Wrapped key is too short");
		}
		ByteBuffer in = ByteBuffer.wrap(bytes, 3, bytes.length - 3);
		KdfParameters kdf;
		try {
			kdf = switch (bytes[2]) {
				case KdfParameters.Pbkdf2.ID -> (in.remaining() >= 4) ? new KdfParameters.Pbkdf2(in.getInt()) : null;
				case KdfParameters.Argon2id.ID ->
					(in.remaining() >= 9) ? new KdfParameters.Argon2id(in.getInt(), in.getInt(), in.get()) : null;
				default -> throw new CryptoException("Wrapped key names an unknown KDF");
			};
		}
		catch (IllegalArgumentException ex) {
			throw new CryptoException("Wrapped key has KDF parameters out of bounds");
		}
		int tail = SALT_LENGTH + 32 + Wire.NONCE_LENGTH + Wire.KEY_LENGTH + Wire.TAG_LENGTH;
		if (kdf == null || in.remaining() != tail) {
			throw new CryptoException("Wrapped key has the wrong length");
		}
		return new WrappedPrivateKey(bytes.clone(), kdf, in.position());
	}

	static Enrolment wrap(RecipientPrivateKey key, CharSequence passphrase, KdfParameters kdf) {
		Objects.requireNonNull(kdf, "kdf");
		byte[] salt = new byte[SALT_LENGTH];
		RANDOM.nextBytes(salt);
		ByteBuffer header = ByteBuffer.allocate(3 + 9 + SALT_LENGTH + 32);
		header.put(Wire.VERSION).put(Wire.SUITE_WRAPPED_KEY).put((byte) kdf.id());
		if (kdf instanceof KdfParameters.Pbkdf2 pbkdf2) {
			header.putInt(pbkdf2.iterations());
		}
		else if (kdf instanceof KdfParameters.Argon2id argon) {
			header.putInt(argon.memoryKiB()).putInt(argon.iterations()).put((byte) argon.parallelism());
		}
		header.put(salt).put(key.publicKey().toBytes());
		byte[] aad = Arrays.copyOf(header.array(), header.position());
		byte[] master = kdf.stretch(normalise(passphrase), salt);
		byte[] nonce = AesGcm.randomNonce();
		byte[] prefix = new Wire.Fields().bytes(aad).bytes(nonce).toBytes();
		byte[] secret = key.exposeSecretBytes();
		byte[] out = AesGcm.seal(wrapKey(master), nonce, aad, secret, 0, secret.length, prefix);
		Arrays.fill(secret, (byte) 0);
		return new Enrolment(new WrappedPrivateKey(out, kdf, aad.length - SALT_LENGTH - 32),
				new LoginSecret(loginSecret(master)));
	}

	public KdfParameters kdf() {
		return this.kdf;
	}

	/** The public half, stored in clear beside the wrapped private half. */
	public RecipientPublicKey publicKey() throws CryptoException {
		return RecipientPublicKey.fromBytes(slice(this.saltOffset + SALT_LENGTH, 32));
	}

	/**
	 * Unwraps the private key; a wrong passphrase or any changed byte fails.
	 * @param passphrase the adviser's passphrase
	 * @return the key pair
	 * @throws CryptoException when the passphrase is wrong or the value was tampered with
	 */
	public RecipientPrivateKey unwrap(CharSequence passphrase) throws CryptoException {
		byte[] salt = slice(this.saltOffset, SALT_LENGTH);
		byte[] master = this.kdf.stretch(normalise(passphrase), salt);
		int nonceOffset = this.saltOffset + SALT_LENGTH + 32;
		byte[] aad = slice(0, nonceOffset);
		int ctOffset = nonceOffset + Wire.NONCE_LENGTH;
		byte[] secret = AesGcm.open(wrapKey(master), slice(nonceOffset, Wire.NONCE_LENGTH), aad, this.bytes, ctOffset,
				this.bytes.length - ctOffset);
		RecipientPrivateKey key = RecipientPrivateKey.ofSecretBytes(secret);
		Arrays.fill(secret, (byte) 0);
		if (!MessageDigest.isEqual(key.publicKey().toBytes(), slice(this.saltOffset + SALT_LENGTH, 32))) {
			throw new CryptoException("Wrapped key does not match its public key");
		}
		return key;
	}

	/**
	 * Derives the log-in secret without unwrapping: what the browser sends at log-in.
	 * @param passphrase the adviser's passphrase
	 * @return the log-in secret
	 */
	public LoginSecret loginSecret(CharSequence passphrase) {
		byte[] salt = slice(this.saltOffset, SALT_LENGTH);
		return new LoginSecret(loginSecret(this.kdf.stretch(normalise(passphrase), salt)));
	}

	public byte[] toBytes() {
		return this.bytes.clone();
	}

	private byte[] slice(int offset, int length) {
		return Arrays.copyOfRange(this.bytes, offset, offset + length);
	}

	private static byte[] wrapKey(byte[] master) {
		return Hkdf.derive(master, SALT_LABEL.getBytes(StandardCharsets.UTF_8),
				"key-wrap".getBytes(StandardCharsets.UTF_8), 32);
	}

	private static byte[] loginSecret(byte[] master) {
		return Hkdf.derive(master, SALT_LABEL.getBytes(StandardCharsets.UTF_8),
				"login".getBytes(StandardCharsets.UTF_8), 32);
	}

	private static byte[] normalise(CharSequence passphrase) {
		Objects.requireNonNull(passphrase, "passphrase");
		if (passphrase.length() == 0) {
			throw new IllegalArgumentException("An empty passphrase protects nothing");
		}
		return Normalizer.normalize(passphrase, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
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
		return "WrappedPrivateKey[" + this.kdf + "]";
	}

}

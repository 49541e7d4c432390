package nl.meldpunt.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;

import nl.meldpunt.crypto.internal.Hkdf;
import nl.meldpunt.crypto.internal.Wire;

/**
 * The KDF header of a wrapped key: {@code 01 | 03 | kdf id | kdf parameters | salt (16)},
 * bytes {@code [0, 19+p)}. It is all a browser needs to derive the log-in secret, so the
 * server can serve it before log-in without handing out the wrapped private key. Also
 * owns the one slow stretch and the two HKDF splits of its output, so that every
 * intermediate secret is zeroed in one place.
 */
final class KdfHeader {

	static final int SALT_LENGTH = 16;

	private static final String SALT_LABEL = "meldpunt/v1/passphrase";

	private static final String DECOY_LABEL = "meldpunt/v1/decoy-kdf-header";

	private final KdfParameters kdf;

	private final byte[] bytes;

	private KdfHeader(KdfParameters kdf, byte[] bytes) {
		this.kdf = kdf;
		this.bytes = bytes;
	}

	static KdfHeader of(KdfParameters kdf, byte[] salt) {
		Objects.requireNonNull(kdf, "kdf");
		ByteBuffer out = ByteBuffer.allocate(3 + 9 + SALT_LENGTH);
		out.put(Wire.VERSION).put(Wire.SUITE_WRAPPED_KEY).put((byte) kdf.id());
		if (kdf instanceof KdfParameters.Pbkdf2 pbkdf2) {
			out.putInt(pbkdf2.iterations());
		}
		else if (kdf instanceof KdfParameters.Argon2id argon) {
			out.putInt(argon.memoryKiB()).putInt(argon.iterations()).put((byte) argon.parallelism());
		}
		out.put(salt);
		return new KdfHeader(kdf, Arrays.copyOf(out.array(), out.position()));
	}

	/** Exactly a KDF header, nothing before or after it. */
	static KdfHeader parse(byte[] bytes) throws CryptoException {
		KdfHeader header = readPrefix(bytes, "KDF header");
		if (bytes.length != header.length()) {
			throw new CryptoException("KDF header has the wrong length");
		}
		return header;
	}

	/**
	 * The KDF header at the start of {@code bytes}, which may go on (a whole wrapped
	 * key); checks the version, suite, KDF id and every parameter bound.
	 */
	static KdfHeader readPrefix(byte[] bytes, String what) throws CryptoException {
		Wire.checkHeader(bytes, Wire.SUITE_WRAPPED_KEY, what);
		if (bytes.length < 3) {
			throw new CryptoException(what + " is too short");
		}
		ByteBuffer in = ByteBuffer.wrap(bytes, 3, bytes.length - 3);
		KdfParameters kdf;
		try {
			kdf = switch (bytes[2]) {
				case KdfParameters.Pbkdf2.ID -> (in.remaining() >= 4) ? new KdfParameters.Pbkdf2(in.getInt()) : null;
				case KdfParameters.Argon2id.ID ->
					(in.remaining() >= 9) ? new KdfParameters.Argon2id(in.getInt(), in.getInt(), in.get()) : null;
				default -> throw new CryptoException(what + " names an unknown KDF");
			};
		}
		catch (IllegalArgumentException ex) {
			throw new CryptoException(what + " has KDF parameters out of bounds");
		}
		if (kdf == null || in.remaining() < SALT_LENGTH) {
			throw new CryptoException(what + " is too short");
		}
		return new KdfHeader(kdf, Arrays.copyOf(bytes, in.position() + SALT_LENGTH));
	}

	/**
	 * A header for an account that does not exist: the same shape as a real one, with a
	 * salt that only the holder of {@code serverSecret} can compute and that stays the
	 * same for the same name, so that asking twice reveals nothing.
	 */
	static KdfHeader decoy(byte[] serverSecret, String accountName, KdfParameters kdf) {
		Objects.requireNonNull(serverSecret, "serverSecret");
		Objects.requireNonNull(accountName, "accountName");
		if (serverSecret.length < 32) {
			throw new IllegalArgumentException("The server secret must hold at least 32 bytes");
		}
		byte[] salt = Hkdf.derive(serverSecret, DECOY_LABEL.getBytes(StandardCharsets.UTF_8),
				accountName.getBytes(StandardCharsets.UTF_8), SALT_LENGTH);
		return of(kdf, salt);
	}

	KdfParameters kdf() {
		return this.kdf;
	}

	int length() {
		return this.bytes.length;
	}

	byte[] toBytes() {
		return this.bytes.clone();
	}

	byte[] salt() {
		return Arrays.copyOfRange(this.bytes, this.bytes.length - SALT_LENGTH, this.bytes.length);
	}

	LoginSecret loginSecret(CharSequence passphrase) throws CryptoException {
		byte[] master = stretch(forOpening(passphrase));
		try {
			return new LoginSecret(derive(master, "login"));
		}
		finally {
			Arrays.fill(master, (byte) 0);
		}
	}

	/** The slow KDF over the NFC-normalised UTF-8 passphrase, which is zeroed after. */
	byte[] stretch(byte[] passphrase) {
		try {
			return this.kdf.stretch(passphrase, salt());
		}
		finally {
			Arrays.fill(passphrase, (byte) 0);
		}
	}

	/**
	 * HKDF-SHA256 of the stretched passphrase with info {@code key-wrap} or
	 * {@code login}.
	 */
	static byte[] derive(byte[] master, String info) {
		return Hkdf.derive(master, SALT_LABEL, info, 32);
	}

	/** For wrapping: an empty passphrase is a programming error. */
	static byte[] forWrapping(CharSequence passphrase) {
		Objects.requireNonNull(passphrase, "passphrase");
		if (passphrase.length() == 0) {
			throw new IllegalArgumentException("An empty passphrase protects nothing");
		}
		return utf8Nfc(passphrase);
	}

	/** For unwrapping or log-in: an empty passphrase is simply a wrong one. */
	static byte[] forOpening(CharSequence passphrase) throws CryptoException {
		Objects.requireNonNull(passphrase, "passphrase");
		if (passphrase.length() == 0) {
			throw new CryptoException("Wrong passphrase: it is empty");
		}
		return utf8Nfc(passphrase);
	}

	private static byte[] utf8Nfc(CharSequence passphrase) {
		return Normalizer.normalize(passphrase, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
	}

}

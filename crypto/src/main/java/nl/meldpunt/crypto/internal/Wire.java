package nl.meldpunt.crypto.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import nl.meldpunt.crypto.CryptoException;

/**
 * Format v1 constants and the unambiguous (length-prefixed) encoding of associated data
 * and HPKE info. See {@code crypto/FORMAT.md}.
 */
public final class Wire {

	/** The format version, first byte of every ciphertext. */
	public static final byte VERSION = 0x01;

	/** Suite byte of an item: AES-256-GCM under the case key, 96-bit random nonce. */
	public static final byte SUITE_ITEM = 0x01;

	/**
	 * Suite byte of a key envelope: HPKE base, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
	 * AES-256-GCM.
	 */
	public static final byte SUITE_ENVELOPE = 0x02;

	/** Suite byte of a passphrase-wrapped private key. */
	public static final byte SUITE_WRAPPED_KEY = 0x03;

	/** Suite byte of a passphrase-wrapped signing key (beside a wrapped private key). */
	public static final byte SUITE_WRAPPED_SIGNING_KEY = 0x04;

	/** Suite byte of a key-book entry. */
	public static final byte SUITE_KEY_BOOK_ENTRY = 0x05;

	/** The label at the start of every associated data and info value. */
	public static final String LABEL = "meldpunt/v1";

	public static final int HEADER_LENGTH = 2;

	public static final int NONCE_LENGTH = 12;

	public static final int TAG_LENGTH = 16;

	public static final int KEY_LENGTH = 32;

	/** Largest item plaintext: 16 MiB. */
	public static final int MAX_ITEM_PLAINTEXT = 16 * 1024 * 1024;

	public static final int MIN_ITEM_LENGTH = HEADER_LENGTH + NONCE_LENGTH + TAG_LENGTH;

	public static final int MAX_ITEM_LENGTH = MIN_ITEM_LENGTH + MAX_ITEM_PLAINTEXT;

	/** Attachment chunk plaintext size: 1 MiB; only the last chunk may be shorter. */
	public static final int CHUNK_SIZE = 1024 * 1024;

	/**
	 * Most chunks an attachment may have: 2047 MiB is the most plaintext that still fits
	 * one Java array (the services cap far lower).
	 */
	public static final int MAX_CHUNKS = 2047;

	/**
	 * version, suite, enc (32), HPKE ciphertext of the 32-byte case key with its tag
	 * (48).
	 */
	public static final int ENVELOPE_LENGTH = HEADER_LENGTH + 32 + KEY_LENGTH + TAG_LENGTH;

	private Wire() {
	}

	/** Checks the version and suite bytes of {@code bytes}. */
	public static void checkHeader(byte[] bytes, byte suite, String what) throws CryptoException {
		if (bytes == null || bytes.length < HEADER_LENGTH) {
			throw new CryptoException(what + " is too short");
		}
		if (bytes[0] != VERSION) {
			throw new CryptoException(what + " has an unknown format version");
		}
		if (bytes[1] != suite) {
			throw new CryptoException(what + " has an unknown suite");
		}
	}

	/**
	 * A builder of length-prefixed fields: each string is a big-endian u16 length and
	 * UTF-8.
	 */
	public static final class Fields {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

		public Fields bytes(byte[] raw) {
			this.out.writeBytes(raw);
			return this;
		}

		public Fields text(String value) {
			byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
			if (utf8.length > 0xFFFF) {
				throw new IllegalArgumentException("field too long");
			}
			this.out.write(utf8.length >>> 8);
			this.out.write(utf8.length);
			this.out.writeBytes(utf8);
			return this;
		}

		public Fields u32(int value) {
			this.out.write(value >>> 24);
			this.out.write(value >>> 16);
			this.out.write(value >>> 8);
			this.out.write(value);
			return this;
		}

		public Fields u8(int value) {
			this.out.write(value);
			return this;
		}

		public byte[] toBytes() {
			return this.out.toByteArray();
		}

	}

	/**
	 * Reads what {@link Fields} writes; every read checks the remaining length, so a
	 * short or forged input fails with {@link CryptoException}, never an index error.
	 */
	public static final class Reader {

		private final byte[] in;

		private final String what;

		private int at;

		public Reader(byte[] in, int offset, String what) {
			this.in = in;
			this.at = offset;
			this.what = what;
		}

		public int position() {
			return this.at;
		}

		public int remaining() {
			return this.in.length - this.at;
		}

		public int u8() throws CryptoException {
			need(1);
			return this.in[this.at++] & 0xFF;
		}

		public int u16() throws CryptoException {
			return (u8() << 8) | u8();
		}

		public long u32() throws CryptoException {
			return ((long) u16() << 16) | u16();
		}

		public byte[] bytes(int length) throws CryptoException {
			need(length);
			byte[] out = Arrays.copyOfRange(this.in, this.at, this.at + length);
			this.at += length;
			return out;
		}

		/** A length-prefixed string of at most {@code maxBytes} bytes of valid UTF-8. */
		public String text(int maxBytes) throws CryptoException {
			int length = u16();
			if (length > maxBytes) {
				throw new CryptoException(this.what + " has a field that is too long");
			}
			byte[] utf8 = bytes(length);
			try {
				return StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(java.nio.ByteBuffer.wrap(utf8))
					.toString();
			}
			catch (CharacterCodingException ex) {
				throw new CryptoException(this.what + " has a field that is not UTF-8");
			}
		}

		public void end() throws CryptoException {
			if (this.at != this.in.length) {
				throw new CryptoException(this.what + " has trailing bytes");
			}
		}

		private void need(int length) throws CryptoException {
			if (length < 0 || this.in.length - this.at < length) {
				throw new CryptoException(this.what + " is too short");
			}
		}

	}

}

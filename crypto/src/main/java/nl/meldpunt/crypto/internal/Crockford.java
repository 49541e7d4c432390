package nl.meldpunt.crypto.internal;

import nl.meldpunt.crypto.CryptoException;

/**
 * Crockford base32: digits and upper-case letters without I, L, O and U. Decoding ignores
 * case, hyphens and spaces and reads O as 0 and I, L as 1, so what people copy or type by
 * hand still decodes.
 */
public final class Crockford {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private Crockford() {
	}

	/**
	 * Encodes {@code bytes}, whose bit length must be a multiple of 5 (whole symbols).
	 */
	public static String encode(byte[] bytes) {
		if ((bytes.length * 8) % 5 != 0) {
			throw new IllegalArgumentException("length must be a multiple of 5 bytes");
		}
		StringBuilder out = new StringBuilder(bytes.length * 8 / 5);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xFF);
			bits += 8;
			while (bits >= 5) {
				out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		return out.toString();
	}

	/** Decodes to exactly {@code length} bytes, or fails. */
	public static byte[] decode(String text, int length) throws CryptoException {
		if (text == null || text.length() > 4 * length) {
			throw new CryptoException("Not a valid code");
		}
		byte[] out = new byte[length];
		int buffer = 0;
		int bits = 0;
		int index = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '-' || c == ' ') {
				continue;
			}
			int value = value(c);
			if (value < 0 || index >= length) {
				throw new CryptoException("Not a valid code");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out[index++] = (byte) (buffer >>> (bits - 8));
				bits -= 8;
			}
		}
		if (index != length || bits != 0) {
			throw new CryptoException("Not a valid code");
		}
		return out;
	}

	private static int value(char c) {
		// Checked before case folding, which maps ı to I and ſ to S.
		if (c >= 128) {
			return -1;
		}
		char u = Character.toUpperCase(c);
		if (u == 'O') {
			return 0;
		}
		if (u == 'I' || u == 'L') {
			return 1;
		}
		return ALPHABET.indexOf(u);
	}

}

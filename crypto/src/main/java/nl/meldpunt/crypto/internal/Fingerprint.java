package nl.meldpunt.crypto.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 and the fingerprint form people compare: 16 bytes as 8 groups of 4 upper-case
 * hex digits.
 */
public final class Fingerprint {

	private Fingerprint() {
	}

	public static byte[] sha256(byte[]... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (byte[] part : parts) {
				digest.update(part);
			}
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is in every JDK", ex);
		}
	}

	/** {@code 3F2A 9C01 …}: the first 16 bytes of {@code digest}. */
	public static String groups(byte[] digest) {
		String hex = HexFormat.of().withUpperCase().formatHex(digest, 0, 16);
		StringBuilder out = new StringBuilder(39);
		for (int i = 0; i < hex.length(); i += 4) {
			out.append((i > 0) ? " " : "").append(hex, i, i + 4);
		}
		return out.toString();
	}

}

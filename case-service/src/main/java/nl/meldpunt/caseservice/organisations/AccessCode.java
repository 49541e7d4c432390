package nl.meldpunt.caseservice.organisations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The optional organisation-wide access code of the portal. It is a shared code printed
 * on the intranet, not a personal secret, and it is checked on every filing; a fast hash
 * keeps filing fast while keeping the code itself out of the database.
 */
final class AccessCode {

	private AccessCode() {
	}

	static String hash(String code) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("meldpunt/access-code/v1|" + code.strip()).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static boolean matches(String code, String storedHash) {
		if (code == null) {
			return false;
		}
		return MessageDigest.isEqual(hash(code).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

}

package nl.meldpunt.caseservice.casefile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** How public keys are shown to people: as fingerprints to compare out of band. */
public final class RecipientKeys {

	private RecipientKeys() {
	}

	public static String fingerprint(byte[] publicKey) {
		try {
			String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey), 0, 16);
			return String.join(" ", hex.split("(?<=\\G.{4})"));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

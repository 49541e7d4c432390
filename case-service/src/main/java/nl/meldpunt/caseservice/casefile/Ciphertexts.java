package nl.meldpunt.caseservice.casefile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import nl.meldpunt.caseservice.web.Refusal;

/**
 * The one place where case-service looks at the structure of what browsers sealed: it
 * checks format without any key (it has none) and refuses malformed values before
 * anything is stored.
 */
public final class Ciphertexts {

	/** The largest single sealed item or chunk the service accepts. */
	public static final int MAX_ITEM_BYTES = 8 * 1024 * 1024;

	private static final int MAX_ENVELOPE_BYTES = 4096;

	private Ciphertexts() {
	}

	/** An item ciphertext (report, message, note, attachment meta or chunk). */
	public static SealedBytes item(String field, SealedBytes ciphertext) {
		if (ciphertext == null || ciphertext.length() < 29 || ciphertext.length() > MAX_ITEM_BYTES) {
			throw Refusal.malformedCiphertext(field);
		}
		return ciphertext;
	}

	/** A key envelope sealed to one recipient. */
	public static SealedBytes envelope(String field, SealedBytes envelope) {
		if (envelope == null || envelope.length() < 32 + 32 + 16 || envelope.length() > MAX_ENVELOPE_BYTES) {
			throw Refusal.malformedCiphertext(field);
		}
		return envelope;
	}

	/** An X25519 public key. */
	public static SealedBytes publicKey(String field, SealedBytes key) {
		if (key == null || key.length() != 32) {
			throw Refusal.malformedCiphertext(field);
		}
		return key;
	}

	/**
	 * The hex SHA-256 the server stores for a 32-byte mailbox credential, or null when
	 * the value is not a credential.
	 */
	public static String credentialHash(SealedBytes credential) {
		if (credential == null || credential.length() != 32) {
			return null;
		}
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(credential.bytes()));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

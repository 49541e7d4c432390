package nl.meldpunt.portal.web;

import java.util.Base64;

import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.KeyEnvelope;
import nl.meldpunt.crypto.RecipientPublicKey;
import nl.meldpunt.crypto.SealedItem;

/**
 * Structural checks of ciphertexts at the portal's edge, with the crypto module's own
 * parsers and without any key: a malformed ciphertext is refused before it travels on.
 * Every argument is base64url text that already passed {@link Base64Url}.
 */
public final class Ciphertexts {

	private Ciphertexts() {
	}

	public static boolean isSealedItem(String base64Url) {
		try {
			SealedItem.parse(Base64.getUrlDecoder().decode(base64Url));
			return true;
		}
		catch (CryptoException | IllegalArgumentException ex) {
			return false;
		}
	}

	public static boolean isKeyEnvelope(String base64Url) {
		try {
			KeyEnvelope.parse(Base64.getUrlDecoder().decode(base64Url));
			return true;
		}
		catch (CryptoException | IllegalArgumentException ex) {
			return false;
		}
	}

	public static boolean isPublicKey(String base64Url) {
		try {
			RecipientPublicKey.fromBytes(Base64.getUrlDecoder().decode(base64Url));
			return true;
		}
		catch (CryptoException | IllegalArgumentException ex) {
			return false;
		}
	}

}

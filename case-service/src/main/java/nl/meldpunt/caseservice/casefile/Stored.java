package nl.meldpunt.caseservice.casefile;

import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.KeyEnvelope;
import nl.meldpunt.crypto.RecipientPublicKey;
import nl.meldpunt.crypto.SealedItem;

/**
 * Sealed bytes as the database holds them ({@code bytea}), read back into the crypto
 * module's types at the view boundary. Everything stored was parsed by the same type on
 * arrival, so a value that no longer parses is a damaged database, not a caller's
 * mistake: it fails as an unexpected error, never as a refusal.
 */
final class Stored {

	private Stored() {
	}

	static SealedItem item(byte[] bytes) {
		try {
			return SealedItem.parse(bytes);
		}
		catch (CryptoException ex) {
			throw new IllegalStateException("A stored sealed item does not parse", ex);
		}
	}

	static KeyEnvelope envelope(byte[] bytes) {
		try {
			return KeyEnvelope.parse(bytes);
		}
		catch (CryptoException ex) {
			throw new IllegalStateException("A stored key envelope does not parse", ex);
		}
	}

	static RecipientPublicKey publicKey(byte[] bytes) {
		try {
			return RecipientPublicKey.fromBytes(bytes);
		}
		catch (CryptoException ex) {
			throw new IllegalStateException("A stored public key does not parse", ex);
		}
	}

}

package nl.meldpunt.caseservice.casefile;

import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.KeyEnvelope;
import nl.meldpunt.crypto.MailboxCredential;
import nl.meldpunt.crypto.RecipientPublicKey;
import nl.meldpunt.crypto.SealedItem;
import nl.meldpunt.crypto.WrappedPrivateKey;

/**
 * The one place where case-service looks at the structure of what browsers sealed, with
 * the crypto module's key-less parsers: malformed values are refused before anything is
 * stored. (The service holds no key, so it can never check more than the format.)
 */
public final class Ciphertexts {

	/** The largest request body for one sealed chunk (1 MiB chunks plus framing). */
	public static final int MAX_ITEM_BYTES = 2 * 1024 * 1024;

	private Ciphertexts() {
	}

	/** An item ciphertext (report, message, note, attachment meta or chunk). */
	public static SealedBytes item(String field, SealedBytes ciphertext) {
		try {
			if (ciphertext != null) {
				SealedItem.parse(ciphertext.bytes());
				return ciphertext;
			}
		}
		catch (CryptoException ex) {
			// refused below, with the field named
		}
		throw Refusal.malformedCiphertext(field);
	}

	/** A key envelope sealed to one recipient. */
	public static SealedBytes envelope(String field, SealedBytes envelope) {
		try {
			if (envelope != null) {
				KeyEnvelope.parse(envelope.bytes());
				return envelope;
			}
		}
		catch (CryptoException ex) {
			// refused below, with the field named
		}
		throw Refusal.malformedCiphertext(field);
	}

	/** An X25519 public key. */
	public static SealedBytes publicKey(String field, SealedBytes key) {
		try {
			if (key != null) {
				RecipientPublicKey.fromBytes(key.bytes());
				return key;
			}
		}
		catch (CryptoException ex) {
			// refused below, with the field named
		}
		throw Refusal.malformedCiphertext(field);
	}

	/** A private key wrapped under a passphrase; it must carry {@code publicKey}. */
	public static SealedBytes wrappedPrivateKey(String field, SealedBytes wrapped, SealedBytes publicKey) {
		try {
			if (wrapped != null && publicKey != null) {
				RecipientPublicKey inside = WrappedPrivateKey.parse(wrapped.bytes()).publicKey();
				if (inside.equals(RecipientPublicKey.fromBytes(publicKey.bytes()))) {
					return wrapped;
				}
			}
		}
		catch (CryptoException ex) {
			// refused below, with the field named
		}
		throw Refusal.malformedCiphertext(field);
	}

	/** The fingerprint people compare out of band. */
	public static String fingerprint(byte[] publicKey) {
		try {
			return RecipientPublicKey.fromBytes(publicKey).fingerprint();
		}
		catch (CryptoException ex) {
			throw new IllegalStateException("A stored public key is invalid", ex);
		}
	}

	/**
	 * The hex SHA-256 the server stores for a 32-byte mailbox credential, or null when
	 * the value is not a credential.
	 */
	public static String credentialHash(SealedBytes credential) {
		try {
			return (credential != null) ? MailboxCredential.fromBytes(credential.bytes()).storageHash() : null;
		}
		catch (CryptoException ex) {
			return null;
		}
	}

}

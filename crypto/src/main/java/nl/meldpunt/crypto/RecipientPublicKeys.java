package nl.meldpunt.crypto;

import java.util.Objects;

import nl.meldpunt.crypto.internal.Fingerprint;
import nl.meldpunt.crypto.internal.Wire;

/**
 * A recipient's two public keys: the X25519 key envelopes are sealed to and the Ed25519
 * key its approvals are checked with. {@link #fingerprint()} covers both; it is what an
 * adviser compares out of band before approving a newcomer.
 *
 * @param encryptionKey the X25519 key (HPKE)
 * @param signingKey the Ed25519 key
 */
public record RecipientPublicKeys(RecipientPublicKey encryptionKey, SigningPublicKey signingKey) {

	static final String FINGERPRINT_LABEL = "meldpunt/v1/recipient";

	public RecipientPublicKeys {
		Objects.requireNonNull(encryptionKey, "encryptionKey");
		Objects.requireNonNull(signingKey, "signingKey");
	}

	/**
	 * The first 16 bytes of SHA-256 over
	 * {@code lp("meldpunt/v1/recipient") || X25519 key || Ed25519 key}, as eight groups
	 * of four upper-case hex digits.
	 * @return the recipient fingerprint
	 */
	public String fingerprint() {
		return Fingerprint.groups(Fingerprint.sha256(new Wire.Fields().text(FINGERPRINT_LABEL)
			.bytes(this.encryptionKey.toBytes())
			.bytes(this.signingKey.toBytes())
			.toBytes()));
	}

}

package nl.meldpunt.caseservice.casefile;

import java.util.Objects;

import nl.meldpunt.crypto.KeyEnvelope;

/**
 * One of a case's keys sealed by a browser to one recipient (a key envelope).
 *
 * @param recipient who opens it
 * @param key which key it holds
 * @param envelope the HPKE envelope
 */
public record SealedKey(Recipient recipient, KeyRef key, KeyEnvelope envelope) {

	public SealedKey {
		Objects.requireNonNull(recipient);
		Objects.requireNonNull(key);
		Objects.requireNonNull(envelope);
	}

	/** An envelope of the case's original key (what a filing carries). */
	public static SealedKey original(Recipient recipient, KeyEnvelope envelope) {
		return new SealedKey(recipient, KeyRef.ORIGINAL, envelope);
	}

}

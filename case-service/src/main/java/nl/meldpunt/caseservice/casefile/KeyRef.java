package nl.meldpunt.caseservice.casefile;

import java.util.Objects;

import nl.meldpunt.crypto.KeyPurpose;

/**
 * Which of a case's keys sealed a value: its purpose (the case key, or the staff key of
 * internal notes) and its epoch (0, then one more after each re-keying). Stored beside
 * envelopes, items and attachments only to say which key to try: the bindings make a
 * relabelled value fail to open.
 *
 * @param purpose case key or staff key
 * @param epoch 0 … 1 000 000
 */
public record KeyRef(KeyPurpose purpose, int epoch) {

	/** The highest epoch (crypto/FORMAT.md). */
	public static final int MAX_EPOCH = 1_000_000;

	/** The case's original key: what every case has from its filing on. */
	public static final KeyRef ORIGINAL = new KeyRef(KeyPurpose.CASE, 0);

	public KeyRef {
		Objects.requireNonNull(purpose);
		if (epoch < 0 || epoch > MAX_EPOCH) {
			throw new IllegalArgumentException("An epoch is 0 to " + MAX_EPOCH);
		}
	}

	public static KeyRef caseKey(int epoch) {
		return new KeyRef(KeyPurpose.CASE, epoch);
	}

	public static KeyRef staffKey(int epoch) {
		return new KeyRef(KeyPurpose.STAFF, epoch);
	}

}

package nl.meldpunt.crypto;

import nl.meldpunt.crypto.internal.PassphraseKdf;

/**
 * Which slow KDF stretches an adviser's passphrase, with its cost parameters. They are
 * stored beside the wrapped key, so they can be raised later without breaking old keys.
 * Bounds are checked when built and again when parsed, so a stored value can neither
 * weaken the KDF nor make unwrapping run for hours.
 */
public sealed interface KdfParameters permits KdfParameters.Pbkdf2, KdfParameters.Argon2id {

	/** PBKDF2-HMAC-SHA256 with the default 600 000 iterations: what browsers can run. */
	static KdfParameters defaults() {
		return new Pbkdf2(Pbkdf2.MIN_ITERATIONS);
	}

	/** The one-byte identifier in the wrapped-key format. */
	int id();

	/**
	 * Stretches {@code passphrase} (NFC-normalised UTF-8) with {@code salt} to 32 bytes.
	 */
	byte[] stretch(byte[] passphrase, byte[] salt);

	/**
	 * PBKDF2-HMAC-SHA256, identifier 1.
	 *
	 * @param iterations between 600 000 and 10 000 000
	 */
	record Pbkdf2(int iterations) implements KdfParameters {

		public static final int ID = 1;

		public static final int MIN_ITERATIONS = 600_000;

		public static final int MAX_ITERATIONS = 10_000_000;

		public Pbkdf2 {
			if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
				throw new IllegalArgumentException("PBKDF2 iterations must be between 600000 and 10000000");
			}
		}

		@Override
		public int id() {
			return ID;
		}

		@Override
		public byte[] stretch(byte[] passphrase, byte[] salt) {
			return PassphraseKdf.pbkdf2Sha256(passphrase, salt, this.iterations);
		}

	}

	/**
	 * Argon2id (version 0x13), identifier 2. Only the JVM side implements it.
	 *
	 * @param memoryKiB between 19 456 (19 MiB) and 1 048 576 (1 GiB)
	 * @param iterations between 2 and 10
	 * @param parallelism between 1 and 4
	 */
	record Argon2id(int memoryKiB, int iterations, int parallelism) implements KdfParameters {

		public static final int ID = 2;

		public Argon2id {
			if (memoryKiB < 19_456 || memoryKiB > 1_048_576 || iterations < 2 || iterations > 10 || parallelism < 1
					|| parallelism > 4) {
				throw new IllegalArgumentException("Argon2id parameters out of bounds");
			}
		}

		/** The OWASP minimum: 19 MiB, 2 passes, 1 lane. */
		public static Argon2id recommended() {
			return new Argon2id(19_456, 2, 1);
		}

		@Override
		public int id() {
			return ID;
		}

		@Override
		public byte[] stretch(byte[] passphrase, byte[] salt) {
			return PassphraseKdf.argon2id(passphrase, salt, this.memoryKiB, this.iterations, this.parallelism);
		}

	}

}

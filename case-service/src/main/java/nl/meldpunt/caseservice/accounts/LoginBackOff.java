package nl.meldpunt.caseservice.accounts;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a log-in waits after failures: nothing for the first {@value #FREE_ATTEMPTS} -
 * 1, then 30 s, doubling, at most {@link #CAP}. With a passphrase-derived secret and a
 * TOTP code to guess, a capped back-off still leaves an attacker a handful of guesses an
 * hour, and the owner never waits longer than the cap.
 */
final class LoginBackOff {

	/** The failure from which each further attempt waits. */
	static final int FREE_ATTEMPTS = 5;

	static final Duration FIRST = Duration.ofSeconds(30);

	static final Duration CAP = Duration.ofMinutes(15);

	private LoginBackOff() {
	}

	/** The wait after {@code failures} consecutive checked failures (empty: none). */
	static Optional<Duration> after(int failures) {
		if (failures < FREE_ATTEMPTS) {
			return Optional.empty();
		}
		int doublings = Math.min(failures - FREE_ATTEMPTS, 20);
		Duration wait = FIRST.multipliedBy(1L << doublings);
		return Optional.of((wait.compareTo(CAP) > 0) ? CAP : wait);
	}

}

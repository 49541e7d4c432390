package nl.meldpunt.crypto.testing;

import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log file policy both applications share (operations): Logback rolls at 10 MB and
 * keeps 30 days, 200 MB at most. Each application's log-hygiene test checks its own
 * configuration with it.
 */
public final class LogFiles {

	private LogFiles() {
	}

	/**
	 * The application's rolling policy, read through {@code property} (an
	 * {@code Environment::getProperty}), is the shared one.
	 */
	public static void assertRollsBySizeAndAge(UnaryOperator<String> property) {
		assertThat(property.apply("logging.logback.rollingpolicy.max-file-size")).isEqualTo("10MB");
		assertThat(property.apply("logging.logback.rollingpolicy.max-history")).isEqualTo("30");
		assertThat(property.apply("logging.logback.rollingpolicy.total-size-cap")).isEqualTo("200MB");
	}

}

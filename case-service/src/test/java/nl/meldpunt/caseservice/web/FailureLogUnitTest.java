package nl.meldpunt.caseservice.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** An unexpected failure repeated on every request logs its stack trace once a minute. */
@ExtendWith(OutputCaptureExtension.class)
class FailureLogUnitTest {

	@Test
	void unexpectedWhenRepeatedWithinAMinuteThenOneStackTrace(CapturedOutput output) {
		MutableClock clock = new MutableClock();
		FailureLog failures = new FailureLog(clock);
		for (int i = 0; i < 5; i++) {
			failures.unexpected(500, "internal-error", new IllegalStateException("broken " + i));
		}
		assertThat(output.getAll().lines().filter((line) -> line.contains("500 internal-error"))).hasSize(5);
		assertThat(traces(output)).isEqualTo(1);

		clock.now = clock.now.plus(FailureLog.TRACE_INTERVAL);
		failures.unexpected(500, "internal-error", new IllegalStateException("broken again"));
		assertThat(traces(output)).isEqualTo(2);
	}

	private static long traces(CapturedOutput output) {
		return output.getAll()
			.lines()
			.filter((line) -> line.startsWith("\tat ") && line.contains("FailureLogUnitTest"))
			.filter((line) -> line.contains("unexpectedWhenRepeated"))
			.count();
	}

	private static final class MutableClock extends Clock {

		Instant now = Instant.parse("2026-11-26T04:00:00Z");

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}

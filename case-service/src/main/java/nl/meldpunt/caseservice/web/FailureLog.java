package nl.meldpunt.caseservice.web;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per failed request: status, problem type, exception class and (for our own
 * refusals and unexpected failures) the message. No request content, address, user agent,
 * token or credential is ever passed in. An unexpected failure logs its stack trace at
 * most once per {@link #TRACE_INTERVAL}, so a failure repeated on every request cannot
 * fill the disk.
 */
final class FailureLog {

	static final Duration TRACE_INTERVAL = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(FailureLog.class);

	private final Clock clock;

	private final AtomicLong nextTraceAt = new AtomicLong(Long.MIN_VALUE);

	FailureLog(Clock clock) {
		this.clock = clock;
	}

	/** A refusal whose message is one of ours (never request content). */
	void refused(int status, String slug, Throwable ex, String message) {
		if (status >= 500) {
			log.warn("{} {}: {}: {}", status, slug, ex.getClass().getName(), message);
		}
		else {
			log.info("{} {}: {}: {}", status, slug, ex.getClass().getName(), message);
		}
	}

	/**
	 * A refusal by the framework (unreadable body, wrong method …): its message may quote
	 * the request, so only the class is logged.
	 */
	void refused(int status, String slug, Throwable ex) {
		log.info("{} {}: {}", status, slug, ex.getClass().getName());
	}

	void unexpected(int status, String slug, Throwable ex) {
		long now = this.clock.millis();
		long next = this.nextTraceAt.get();
		if (now >= next && this.nextTraceAt.compareAndSet(next, now + TRACE_INTERVAL.toMillis())) {
			log.error("{} {}: {}: {} (stack trace at most once a minute)", status, slug, ex.getClass().getName(),
					ex.getMessage(), ex);
		}
		else {
			log.error("{} {}: {}: {}", status, slug, ex.getClass().getName(), ex.getMessage());
		}
	}

}

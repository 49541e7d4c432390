package nl.meldpunt.portal.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import nl.meldpunt.portal.PortalProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * In-memory rate limits for filing and for token use. Deliberately keyed by nothing that
 * identifies a reporter (no IP address, no credential): one global bucket per operation,
 * and one bucket per organisation for filing so that a flood at one organisation leaves
 * the others room.
 */
@Component
public class RateLimits {

	/**
	 * Per-organisation buckets beyond this many are dropped, so unknown slugs cannot grow
	 * memory.
	 */
	private static final int MAX_ORGANISATION_BUCKETS = 10_000;

	private final PortalProperties.RateLimit limits;

	private final LongSupplier clock;

	private final TokenBucket filings;

	private final TokenBucket mailbox;

	private final Map<String, TokenBucket> filingsPerOrganisation = new ConcurrentHashMap<>();

	@Autowired
	RateLimits(PortalProperties properties) {
		this(properties.rateLimit(), System::nanoTime);
	}

	RateLimits(PortalProperties.RateLimit limits, LongSupplier clock) {
		this.limits = limits;
		this.clock = clock;
		this.filings = new TokenBucket(limits.filingsPerSecond(), clock.getAsLong());
		this.mailbox = new TokenBucket(limits.mailboxPerSecond(), clock.getAsLong());
	}

	/**
	 * Takes one filing token for {@code organisation}, or refuses with 429 rate-limited.
	 */
	public void filing(String organisation) {
		long now = this.clock.getAsLong();
		if (this.filingsPerOrganisation.size() > MAX_ORGANISATION_BUCKETS) {
			this.filingsPerOrganisation.clear();
		}
		TokenBucket own = this.filingsPerOrganisation.computeIfAbsent(organisation,
				(key) -> new TokenBucket(this.limits.filingsPerOrganisationPerSecond(), now));
		if (!own.tryTake(now) || !this.filings.tryTake(now)) {
			throw new PortalProblem(429, "rate-limited");
		}
	}

	/** Takes one token-use token, or refuses with 429 rate-limited. */
	public void mailbox() {
		if (!this.mailbox.tryTake(this.clock.getAsLong())) {
			throw new PortalProblem(429, "rate-limited");
		}
	}

}

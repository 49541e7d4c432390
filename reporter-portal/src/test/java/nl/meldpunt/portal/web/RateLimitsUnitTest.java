package nl.meldpunt.portal.web;

import java.util.concurrent.atomic.AtomicLong;

import nl.meldpunt.portal.PortalProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitsUnitTest {

	private final AtomicLong now = new AtomicLong();

	@Test
	void filingWhenOrganisationBucketEmptyThenRefusedButOtherOrganisationsStillFile() {
		RateLimits limits = new RateLimits(new PortalProperties.RateLimit(100, 2, 100), this.now::get);
		limits.filing("a");
		limits.filing("a");
		assertThatThrownBy(() -> limits.filing("a")).isInstanceOfSatisfying(PortalProblem.class,
				(problem) -> assertThat(problem.status()).isEqualTo(429));
		limits.filing("b");
	}

	@Test
	void filingWhenGlobalBucketEmptyThenRefusedEverywhere() {
		RateLimits limits = new RateLimits(new PortalProperties.RateLimit(2, 100, 100), this.now::get);
		limits.filing("a");
		limits.filing("b");
		assertThatThrownBy(() -> limits.filing("c")).isInstanceOf(PortalProblem.class);
	}

	@Test
	void mailboxWhenASecondPassedThenRefilled() {
		RateLimits limits = new RateLimits(new PortalProperties.RateLimit(1, 1, 1), this.now::get);
		limits.mailbox();
		assertThatThrownBy(limits::mailbox).isInstanceOf(PortalProblem.class);
		this.now.addAndGet(1_000_000_000L);
		limits.mailbox();
	}

	@Test
	void defaultsWhenBenchmarkingThenAllowTwoThousandFilingsPerSecond() {
		PortalProperties.RateLimit defaults = new PortalProperties.RateLimit(10000, 5000, 20000);
		RateLimits limits = new RateLimits(defaults, this.now::get);
		for (int i = 0; i < 2000; i++) {
			limits.filing("demo");
		}
	}

}

package nl.meldpunt.portal.web;

/**
 * A classic token bucket: {@code perSecond} tokens refill each second up to a burst of
 * the same size. It counts requests, never who sent them.
 */
final class TokenBucket {

	private final double perNano;

	private final double capacity;

	private double tokens;

	private long refilledAt;

	TokenBucket(int perSecond, long now) {
		if (perSecond <= 0) {
			throw new IllegalArgumentException("perSecond must be positive");
		}
		this.perNano = perSecond / 1_000_000_000.0;
		this.capacity = perSecond;
		this.tokens = perSecond;
		this.refilledAt = now;
	}

	synchronized boolean tryTake(long now) {
		if (now > this.refilledAt) {
			this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) * this.perNano);
			this.refilledAt = now;
		}
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return true;
		}
		return false;
	}

}

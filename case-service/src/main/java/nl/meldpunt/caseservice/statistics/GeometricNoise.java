package nl.meldpunt.caseservice.statistics;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The two-sided geometric mechanism (the discrete Laplace mechanism): adds to a count
 * {@code G1 - G2} with {@code P(G = g) = (1 - a) a^g}, {@code a = exp(-ε)}, which gives
 * ε-differential privacy for a count that one case changes by at most 1. The draw is a
 * pure function of the organisation's secret seed, the figure and its true value: asking
 * again returns the same figure (no averaging away), while a changed figure gets a fresh
 * draw.
 */
final class GeometricNoise {

	private final byte[] seed;

	private final UUID organisationId;

	private final double alpha;

	GeometricNoise(byte[] seed, UUID organisationId, double epsilonPerCount) {
		this.seed = seed.clone();
		this.organisationId = organisationId;
		this.alpha = Math.exp(-epsilonPerCount);
	}

	/**
	 * The noisy count, never negative (clamping is post-processing and costs no privacy).
	 */
	long noisy(String figure, long trueValue) {
		SplittableRandom random = new SplittableRandom(seedFor(figure, trueValue));
		long noise = geometric(random) - geometric(random);
		return Math.max(0, trueValue + noise);
	}

	private long geometric(SplittableRandom random) {
		double u = 1.0 - random.nextDouble();
		return (long) Math.floor(Math.log(u) / Math.log(this.alpha));
	}

	private long seedFor(String figure, long trueValue) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(this.seed);
			digest.update(this.organisationId.toString().getBytes(StandardCharsets.UTF_8));
			digest.update(figure.getBytes(StandardCharsets.UTF_8));
			digest.update(ByteBuffer.allocate(Long.BYTES).putLong(trueValue).array());
			return ByteBuffer.wrap(digest.digest()).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}

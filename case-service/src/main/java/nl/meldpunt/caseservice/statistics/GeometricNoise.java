package nl.meldpunt.caseservice.statistics;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * The two-sided geometric mechanism (the discrete Laplace mechanism): adds to a count
 * {@code G1 - G2} with {@code P(G = g) = (1 - a) a^g}, {@code a = exp(-ε)}, which gives
 * ε-differential privacy for a count that one case changes by at most 1.
 * <p>
 * The draw is a function of the organisation's secret seed and the figure's name, which
 * names the release: it is drawn once when the release is made and frozen with it. It
 * does not depend on the true value, so a figure that did not change between two releases
 * does not keep its noise while a changed one gets a fresh draw (which would point at the
 * change).
 */
final class GeometricNoise {

	private final byte[] seed;

	private final double alpha;

	GeometricNoise(byte[] seed, double epsilonPerCount) {
		if (seed.length != 32) {
			throw new IllegalArgumentException("The noise seed is 32 secret bytes");
		}
		this.seed = seed.clone();
		this.alpha = Math.exp(-epsilonPerCount);
	}

	/**
	 * The noisy count, never negative (clamping is post-processing and costs no privacy).
	 */
	long noisy(String figure, long trueValue) {
		SplittableRandom random = new SplittableRandom(seedFor(figure));
		long noise = geometric(random) - geometric(random);
		return Math.max(0, trueValue + noise);
	}

	private long geometric(SplittableRandom random) {
		double u = 1.0 - random.nextDouble();
		return (long) Math.floor(Math.log(u) / Math.log(this.alpha));
	}

	private long seedFor(String figure) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(this.seed);
			digest.update(figure.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest.digest()).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}

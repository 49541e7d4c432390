package nl.meldpunt.caseservice.statistics;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GeometricNoiseUnitTest {

	private final UUID organisation = UUID.randomUUID();

	@Test
	void noisyWhenAskedAgainThenSameFigureSoAveragingGainsNothing() {
		GeometricNoise noise = new GeometricNoise(new byte[] { 1, 2, 3 }, this.organisation, 0.5);
		assertThat(noise.noisy("2026/category/racism/0", 17)).isEqualTo(noise.noisy("2026/category/racism/0", 17));
	}

	@Test
	void noisyWhenOtherSeedThenOtherDraws() {
		GeometricNoise one = new GeometricNoise(new byte[] { 1 }, this.organisation, 0.5);
		GeometricNoise two = new GeometricNoise(new byte[] { 2 }, this.organisation, 0.5);
		int differ = 0;
		for (int i = 0; i < 200; i++) {
			differ += (one.noisy("cell/" + i, 50) != two.noisy("cell/" + i, 50)) ? 1 : 0;
		}
		assertThat(differ).isGreaterThan(100);
	}

	@Test
	void noisyWhenManyFiguresThenUnbiasedWithTheGeometricSpreadAndNeverNegative() {
		double epsilon = 0.5;
		GeometricNoise noise = new GeometricNoise(new byte[] { 9 }, this.organisation, epsilon);
		int n = 40_000;
		double sum = 0;
		double squares = 0;
		for (int i = 0; i < n; i++) {
			long error = noise.noisy("cell/" + i, 1_000) - 1_000;
			sum += error;
			squares += error * error;
		}
		double alpha = Math.exp(-epsilon);
		double variance = 2 * alpha / ((1 - alpha) * (1 - alpha));
		assertThat(sum / n).isCloseTo(0, within(0.15));
		assertThat(squares / n).isCloseTo(variance, within(variance * 0.1));
		for (int i = 0; i < 1000; i++) {
			assertThat(noise.noisy("small/" + i, 0)).isNotNegative();
		}
	}

}

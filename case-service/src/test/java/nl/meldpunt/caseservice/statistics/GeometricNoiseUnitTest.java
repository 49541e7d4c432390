package nl.meldpunt.caseservice.statistics;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class GeometricNoiseUnitTest {

	private static byte[] seed(int value) {
		byte[] seed = new byte[32];
		Arrays.fill(seed, (byte) value);
		return seed;
	}

	@Test
	void noisyWhenAskedAgainThenSameFigureSoAveragingGainsNothing() {
		GeometricNoise noise = new GeometricNoise(seed(1), 0.5);
		assertThat(noise.noisy("r:1|CATEGORY|racism|Q1", 17)).isEqualTo(noise.noisy("r:1|CATEGORY|racism|Q1", 17));
	}

	@Test
	void noisyWhenTrueValueChangesThenTheNoiseStaysTheSameSoAChangeIsNotMarkedByAFreshDraw() {
		GeometricNoise noise = new GeometricNoise(seed(3), 0.5);
		for (int i = 0; i < 200; i++) {
			long at40 = noise.noisy("cell/" + i, 40) - 40;
			long at41 = noise.noisy("cell/" + i, 41) - 41;
			assertThat(at41).isEqualTo(at40);
		}
	}

	@Test
	void noisyWhenOtherSeedThenOtherDraws() {
		GeometricNoise one = new GeometricNoise(seed(1), 0.5);
		GeometricNoise two = new GeometricNoise(seed(2), 0.5);
		int differ = 0;
		for (int i = 0; i < 200; i++) {
			differ += (one.noisy("cell/" + i, 50) != two.noisy("cell/" + i, 50)) ? 1 : 0;
		}
		assertThat(differ).isGreaterThan(100);
	}

	@Test
	void noiseWhenSeedIsNotThirtyTwoSecretBytesThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new GeometricNoise(new byte[0], 1.0));
		assertThatIllegalArgumentException().isThrownBy(() -> new GeometricNoise(new byte[16], 1.0));
	}

	@Test
	void noisyWhenManyFiguresThenUnbiasedWithTheGeometricSpreadAndNeverNegative() {
		double epsilon = 0.5;
		GeometricNoise noise = new GeometricNoise(seed(9), epsilon);
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

package nl.meldpunt.caseservice.statistics;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinearBoundsUnitTest {

	@Test
	void boundsWhenHiddenCellsSumToZeroThenNonNegativityPinsEveryOneWhereEquationsAloneCannot() {
		// x0 + x1 = 0 and x1 + x2 = 3: equations alone leave every unknown free
		LinearBounds bounds = new LinearBounds(new long[] { 0, 0, 3 });
		bounds.equation(Map.of(0, 1, 1, 1));
		bounds.equation(Map.of(1, 1, 2, 1));
		assertThat(bounds.maximum(Map.of(0, 1))).isZero();
		assertThat(bounds.minimum(Map.of(2, 1))).isEqualTo(3.0);
		assertThat(bounds.maximum(Map.of(2, 1))).isEqualTo(3.0);
	}

	@Test
	void boundsWhenTwoHiddenCellsShareARowThenEachRangesOverTheRest() {
		LinearBounds bounds = new LinearBounds(new long[] { 1, 3, 9 });
		bounds.equation(Map.of(0, 1, 1, 1));
		assertThat(bounds.minimum(Map.of(0, 1))).isZero();
		assertThat(bounds.maximum(Map.of(0, 1))).isEqualTo(4.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(bounds.maximum(Map.of(0, 1, 1, -1))).isEqualTo(4.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(bounds.maximum(Map.of(2, 1))).isInfinite();
		assertThat(bounds.minimum(Map.of(2, 1))).isZero();
	}

	@Test
	void reachesWhenAWitnessAlreadyShowsItThenNoFurtherProgramIsSolved() {
		LinearBounds bounds = new LinearBounds(new long[] { 2, 2, 4 });
		bounds.equation(Map.of(0, 1, 1, 1, 2, 1));
		assertThat(bounds.reaches(Map.of(0, 1), 8, true)).isTrue();
		int solved = bounds.solved();
		// the point that maximised x0 has x1 = x2 = 0: it answers both
		assertThat(bounds.reaches(Map.of(1, 1), 0, false)).isTrue();
		assertThat(bounds.reaches(Map.of(2, 1), 0, false)).isTrue();
		assertThat(bounds.solved()).isEqualTo(solved);
	}

}

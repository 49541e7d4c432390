package nl.meldpunt.caseservice.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyFiguresUnitTest {

	@Test
	void shareWhenWholeBelowKThenHidden() {
		assertThat(KeyFigures.share(4, 4, 5).suppressed()).isTrue();
	}

	@Test
	void shareWhenPartOrRestIsASmallCountThenHidden() {
		assertThat(KeyFigures.share(3, 40, 5).suppressed()).isTrue();
		assertThat(KeyFigures.share(37, 40, 5).suppressed()).isTrue();
	}

	@Test
	void shareWhenAllOrNoneOrBothLargeThenShownInWholePercent() {
		assertThat(KeyFigures.share(40, 40, 5).value()).isEqualTo(100.0);
		assertThat(KeyFigures.share(0, 40, 5).value()).isEqualTo(0.0);
		assertThat(KeyFigures.share(10, 30, 5).value()).isEqualTo(33.0);
	}

	@Test
	void ofWhenMedianOverFewerThanKCasesOrUnderNoiseThenHidden() {
		StatisticsQueries.Procedure few = new StatisticsQueries.Procedure(2026, 4, 3.0, 4, 4, 0, 0);
		StatisticsQueries.Procedure many = new StatisticsQueries.Procedure(2026, 20, 3.0, 15, 20, 10, 20);
		assertThat(KeyFigures.of(few, 5, false).medianDaysToAcknowledge().suppressed()).isTrue();
		assertThat(KeyFigures.of(many, 5, false).medianDaysToAcknowledge().value()).isEqualTo(3.0);
		assertThat(KeyFigures.of(many, 5, true).medianDaysToAcknowledge().suppressed()).isTrue();
		assertThat(KeyFigures.of(many, 5, false).percentAcknowledgedWithin7Days().value()).isEqualTo(75.0);
	}

}

package nl.meldpunt.caseservice.statistics;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyFiguresUnitTest {

	private static PublishedTable twoRows(long part, long rest, int k) {
		CountTable table = new CountTable("acknowledgement", List.of("within-7-days", "not-within-7-days"),
				List.of("2026"), new long[][] { { part }, { rest } });
		boolean[][] mask = new boolean[3][2];
		mask[0][0] = mask[0][1] = part >= 1 && part < k;
		mask[1][0] = mask[1][1] = rest >= 1 && rest < k;
		mask[2][0] = mask[2][1] = part + rest >= 1 && part + rest < k;
		return PublishedTable.of(table, mask, k);
	}

	@Test
	void shareWhenWholeBelowKThenHidden() {
		assertThat(KeyFigures.share(twoRows(0, 4, 5), 5).suppressed()).isTrue();
	}

	@Test
	void shareWhenPartOrRestIsHiddenThenHiddenBecauseAShareTimesItsWholeIsACount() {
		assertThat(KeyFigures.share(twoRows(3, 37, 5), 5).suppressed()).isTrue();
		assertThat(KeyFigures.share(twoRows(37, 3, 5), 5).suppressed()).isTrue();
	}

	@Test
	void shareWhenBothPartsPublishedThenShownInWholePercent() {
		assertThat(KeyFigures.share(twoRows(40, 0, 5), 5).value()).isEqualTo(100.0);
		assertThat(KeyFigures.share(twoRows(0, 40, 5), 5).value()).isEqualTo(0.0);
		assertThat(KeyFigures.share(twoRows(10, 20, 5), 5).value()).isEqualTo(33.0);
	}

	@Test
	void ofWhenMedianOverFewerThanKCasesOrUnderNoiseThenHidden() {
		PublishedTable table = twoRows(15, 5, 5);
		assertThat(KeyFigures.of(new StatisticsData.Median(4, 3.0), table, table, 5, false)
			.medianDaysToAcknowledge()
			.suppressed()).isTrue();
		assertThat(KeyFigures.of(new StatisticsData.Median(20, 3.0), table, table, 5, false)
			.medianDaysToAcknowledge()
			.value()).isEqualTo(3.0);
		assertThat(KeyFigures.of(new StatisticsData.Median(20, 3.0), table, table, 5, true)
			.medianDaysToAcknowledge()
			.suppressed()).isTrue();
		assertThat(KeyFigures.of(null, table, table, 5, false).percentAcknowledgedWithin7Days().value())
			.isEqualTo(75.0);
	}

}

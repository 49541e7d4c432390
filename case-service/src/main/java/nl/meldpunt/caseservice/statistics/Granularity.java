package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * How finely a release breaks its period down. A year is published at the finest level at
 * which not every figure would be hidden: the release steps up, coarsest last, and says
 * which level it chose.
 */
public enum Granularity {

	/** A quarter on its own, every configured row. */
	QUARTER,
	/** A year in quarters, every configured row. */
	QUARTERS,
	/** A year in one column, every configured row. */
	YEAR,
	/** A year in one column, categories in broad groups, no units. */
	YEAR_GROUPED,
	/** Three years in one column, categories in broad groups, no units. */
	ROLLING_GROUPED;

	/** The step-up ladder for a year, finest first. */
	static final List<Granularity> LADDER = List.of(QUARTERS, YEAR, YEAR_GROUPED, ROLLING_GROUPED);

	boolean grouped() {
		return this == YEAR_GROUPED || this == ROLLING_GROUPED;
	}

	Period period(int year, Integer quarter) {
		return switch (this) {
			case QUARTER -> Period.quarter(new YearQuarter(year, quarter));
			case QUARTERS, YEAR, YEAR_GROUPED -> Period.year(year);
			case ROLLING_GROUPED -> Period.rolling(year);
		};
	}

	/** The tables of a release at this level. */
	List<Dimension> dimensions(boolean withUnits) {
		List<Dimension> dimensions = new ArrayList<>(List.of(Dimension.values()));
		if (grouped() || !withUnits) {
			dimensions.remove(Dimension.UNIT);
		}
		return dimensions;
	}

}

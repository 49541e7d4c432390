package nl.meldpunt.caseservice.statistics;

import java.util.List;

/**
 * One release: a fixed year against the year before, protected with the organisation's
 * minimum cell size and, if set, noise with the stated ε for the whole release.
 * {@code anyRecords} is false only for an organisation that never had a case.
 */
public record StatisticsRelease(int year, int minCellSize, Double epsilon, List<Integer> availableYears,
		boolean anyRecords, YearFigures current, YearFigures previous) {

	public StatisticsRelease {
		availableYears = List.copyOf(availableYears);
	}

}

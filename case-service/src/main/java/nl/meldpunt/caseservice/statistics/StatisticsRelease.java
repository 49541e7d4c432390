package nl.meldpunt.caseservice.statistics;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One published release, exactly as directors see it and frozen from the day it was
 * published: a fixed, ended period of one organisation (or of a regional pool), in the
 * version given (a correction is a new version; earlier ones stay as they were). Every
 * output (dashboard, JSON, CSV, PDF) shows this and nothing else.
 *
 * @param period the fixed period
 * @param version 1, or higher for a correction
 * @param publishedOn the day it was published
 * @param granularity how finely it breaks the period down (the step-up it chose)
 * @param steppedUp whether a finer level would have hidden every figure
 * @param pool the regional pool, for a pooled release (null otherwise)
 * @param poolMembers how many organisations a pooled release counts
 * @param minCellSize k: every count below it is hidden
 * @param protectionUpTo a hidden count of 1 to k − 1 can be anything from 0 up to this,
 * as far as anyone holding every release can tell
 * @param epsilon the differential-privacy budget of this release, or null
 * @param settlingDays the days between the end of the period and publication
 * @param labels the configured names of category and unit codes ({@code code} and
 * {@code unit:code}) in nl and en, as they were on publication
 * @param tables one per dimension, every configured row
 * @param keyFigures the procedure figures
 */
public record StatisticsRelease(Period period, int version, LocalDate publishedOn, Granularity granularity,
		boolean steppedUp, String pool, Integer poolMembers, int minCellSize, int protectionUpTo, Double epsilon,
		int settlingDays, Map<String, Map<String, String>> labels, List<PublishedTable> tables, KeyFigures keyFigures) {

	public StatisticsRelease {
		// sorted, so that the same release always serialises to the same bytes (its
		// checksum)
		Map<String, Map<String, String>> sorted = new TreeMap<>();
		labels.forEach((code, names) -> sorted.put(code, Collections.unmodifiableMap(new TreeMap<>(names))));
		labels = Collections.unmodifiableMap(sorted);
		tables = List.copyOf(tables);
	}

	public PublishedTable table(String name) {
		return this.tables.stream().filter((table) -> table.name().equals(name)).findFirst().orElse(null);
	}

	public boolean pooled() {
		return this.pool != null;
	}

}

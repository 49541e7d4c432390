package nl.meldpunt.caseservice.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.accounts.Role;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a protected {@link StatisticsRelease} for a director's own organisation. The one
 * place every output (dashboard, API, CSV, PDF) gets its figures from, so they all carry
 * the same protection.
 */
@Service
class StatisticsReports {

	/** The earliest year anyone may ask for. */
	static final int FIRST_YEAR = 2000;

	static final List<String> QUARTERS = List.of("Q1", "Q2", "Q3", "Q4");

	static final List<String> AGE_BUCKETS = List.of("under-1-month", "1-3-months", "3-6-months", "over-6-months");

	/** Counts one case can move in a release, besides one cell per dimension table. */
	private static final int OTHER_COUNTS_PER_CASE = 2 + 4;

	private final StatisticsQueries queries;

	private final DisclosureSettingsStore settings;

	private final Clock clock;

	StatisticsReports(StatisticsQueries queries, DisclosureSettingsStore settings, ObjectProvider<Clock> clock) {
		this.queries = queries;
		this.settings = settings;
		this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public StatisticsRelease release(Caller caller, Integer requestedYear) {
		requireDirector(caller);
		LocalDate today = LocalDate.now(this.clock);
		int year = (requestedYear != null) ? requestedYear : today.getYear();
		if (year < FIRST_YEAR || year > today.getYear()) {
			throw new InvalidPeriod();
		}
		UUID organisationId = caller.organisationId();
		DisclosureSettings disclosure = this.settings.forOrganisation(organisationId);
		StatisticsQueries.Vocabulary vocabulary = this.queries.vocabulary(organisationId);
		List<Dimension> dimensions = new ArrayList<>(List.of(Dimension.values()));
		if (vocabulary.units().isEmpty()) {
			dimensions.remove(Dimension.UNIT);
		}
		GeometricNoise noise = (disclosure.epsilon() == null) ? null
				: new GeometricNoise(this.settings.noiseSeed(organisationId), organisationId,
						disclosure.epsilon() / (dimensions.size() + OTHER_COUNTS_PER_CASE));
		ReleaseInput input = new ReleaseInput(organisationId, disclosure.minCellSize(), dimensions, vocabulary,
				this.queries.tallies(organisationId, year, year - 1),
				this.queries.procedure(organisationId, year, year - 1, today), noise);
		LocalDate openOn = (year == today.getYear()) ? today : LocalDate.of(year, 12, 31);
		LocalDate previousOpenOn = LocalDate.of(year - 1, 12, 31);
		long[][] open = this.queries.openByAge(organisationId, openOn, previousOpenOn);
		YearFigures current = figures(input, year, openOn, open[0]);
		YearFigures previous = figures(input, year - 1, previousOpenOn, open[1]);
		List<Integer> withRecords = vocabulary.years();
		Set<Integer> years = new TreeSet<>(withRecords);
		years.add(today.getYear());
		years.removeIf((y) -> y < FIRST_YEAR || y > today.getYear());
		List<Integer> newestFirst = new ArrayList<>(years);
		Collections.reverse(newestFirst);
		return new StatisticsRelease(year, disclosure.minCellSize(), disclosure.epsilon(), newestFirst,
				!withRecords.isEmpty(), current, previous);
	}

	private YearFigures figures(ReleaseInput input, int year, LocalDate openOn, long[] open) {
		List<CountTable> tables = new ArrayList<>();
		for (Dimension dimension : input.dimensions()) {
			List<String> rows = dimension.rows(input.vocabulary().categories(), input.vocabulary().units());
			long[][] counts = new long[rows.size()][QUARTERS.size()];
			for (StatisticsQueries.Tally tally : input.tallies()) {
				int row = rows.indexOf(tally.row());
				if (tally.year() == year && tally.dimension() == dimension && row >= 0) {
					counts[row][tally.quarter() - 1] = tally.count();
				}
			}
			for (int r = 0; r < rows.size(); r++) {
				String owner = rows.get(r).equals(Dimension.UNCLASSIFIED) ? "shared" : dimension.tableName();
				for (int q = 0; q < QUARTERS.size(); q++) {
					counts[r][q] = input.noisy(year + "/" + owner + "/" + rows.get(r) + "/" + q, counts[r][q]);
				}
			}
			tables.add(new CountTable(dimension.tableName(), rows, QUARTERS, counts));
		}
		List<PublishedTable> published = CellSuppression.protect(tables, Set.of(Dimension.UNCLASSIFIED),
				input.minCellSize());
		StatisticsQueries.Procedure procedure = input.procedure()
			.stream()
			.filter((p) -> p.year() == year)
			.findFirst()
			.orElse(new StatisticsQueries.Procedure(year, 0, null, 0, 0, 0, 0));
		if (input.noise() != null) {
			procedure = new StatisticsQueries.Procedure(year, 0, null,
					input.noisy(year + "/ack-within-7", procedure.acknowledgedWithin7Days()),
					input.noisy(year + "/ack-due", procedure.acknowledgementDue()),
					input.noisy(year + "/feedback-on-time", procedure.feedbackOnTime()),
					input.noisy(year + "/feedback-due", procedure.feedbackDue()));
		}
		long[][] openCounts = new long[open.length][1];
		for (int b = 0; b < open.length; b++) {
			openCounts[b][0] = input.noisy(openOn + "/open/" + b, open[b]);
		}
		CountTable openTable = new CountTable("open-cases-by-age", AGE_BUCKETS, List.of("open"), openCounts);
		PublishedTable openPublished = CellSuppression.protect(List.of(openTable), Set.of(), input.minCellSize())
			.get(0);
		return new YearFigures(year, published, KeyFigures.of(procedure, input.minCellSize(), input.noise() != null),
				openOn, openPublished);
	}

	static void requireDirector(Caller caller) {
		if (caller == null || !caller.is(Role.DIRECTOR)) {
			throw new NotADirector();
		}
	}

	private record ReleaseInput(UUID organisationId, int minCellSize, List<Dimension> dimensions,
			StatisticsQueries.Vocabulary vocabulary, List<StatisticsQueries.Tally> tallies,
			List<StatisticsQueries.Procedure> procedure, GeometricNoise noise) {

		long noisy(String figure, long value) {
			return (this.noise != null) ? this.noise.noisy(figure, value) : value;
		}

	}

	/** Only a director sees statistics, and only of their own organisation. */
	static final class NotADirector extends RuntimeException {

		NotADirector() {
			super("Statistics are for directors only");
		}

	}

	/** Only whole years from {@link #FIRST_YEAR} to this year are offered. */
	static final class InvalidPeriod extends RuntimeException {

		InvalidPeriod() {
			super("Only whole years from " + FIRST_YEAR + " up to this year are offered");
		}

	}

}

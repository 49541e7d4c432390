package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.accounts.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a director may see: published releases of their own organisation (and of the pool
 * it takes part in), never anything computed on request. The one place every output
 * (dashboard, JSON, CSV, PDF) gets its figures from.
 */
@Service
class StatisticsReports {

	/**
	 * The release asked for, the same period a year earlier (same breakdown) to compare
	 * with, the pool's release of the same period, the other versions of the period, and
	 * every published period (newest version each, newest first).
	 */
	record Selection(StatisticsRelease release, StatisticsRelease previous, StatisticsRelease pool,
			List<StatisticsRelease> versions, List<StatisticsRelease> periods, int settlingDays, int minCellSize,
			int protectionUpTo) {

		boolean empty() {
			return this.release == null;
		}

	}

	private final Releases releases;

	private final DisclosureSettingsStore settings;

	StatisticsReports(Releases releases, DisclosureSettingsStore settings) {
		this.releases = releases;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	public Selection select(Caller caller, String periodKey, Integer version) {
		requireDirector(caller);
		UUID organisationId = caller.organisationId();
		DisclosureSettings disclosure = this.settings.forOrganisation(organisationId);
		List<StatisticsRelease> all = this.releases.summaries(organisationId, disclosure.pool());
		List<StatisticsRelease> own = all.stream().filter((r) -> !r.pooled()).toList();
		List<StatisticsRelease> periods = new ArrayList<>();
		for (StatisticsRelease release : own) {
			if (periods.stream().noneMatch((p) -> p.period().equals(release.period()))) {
				periods.add(release);
			}
		}
		StatisticsRelease chosen;
		if (periodKey == null && version != null) {
			throw new InvalidPeriod();
		}
		if (periodKey == null) {
			chosen = periods.stream()
				.filter((r) -> r.period().kind() != Period.Kind.QUARTER)
				.findFirst()
				.orElse(periods.isEmpty() ? null : periods.get(0));
		}
		else {
			Period period = Period.parse(periodKey);
			if (period == null) {
				throw new InvalidPeriod();
			}
			chosen = own.stream()
				.filter((r) -> r.period().equals(period) && (version == null || r.version() == version))
				.findFirst()
				.orElseThrow(NotPublished::new);
		}
		if (chosen == null) {
			return new Selection(null, null, null, List.of(), List.of(), disclosure.settlingDays(),
					disclosure.minCellSize(), disclosure.protection());
		}
		Period before = chosen.period().yearBefore();
		StatisticsRelease previous = own.stream()
			.filter((r) -> r.period().equals(before) && r.granularity() == chosen.granularity())
			.findFirst()
			.orElse(null);
		StatisticsRelease pool = all.stream()
			.filter((r) -> r.pooled() && r.period().year() == chosen.period().year()
					&& r.period().kind() != Period.Kind.QUARTER && chosen.period().kind() != Period.Kind.QUARTER)
			.findFirst()
			.orElse(null);
		List<StatisticsRelease> versions = own.stream()
			.filter((r) -> r.period().equals(chosen.period()) && r.version() != chosen.version())
			.toList();
		return new Selection(chosen, previous, pool, versions, periods, disclosure.settlingDays(),
				disclosure.minCellSize(), disclosure.protection());
	}

	/** One release, for the JSON API. */
	@Transactional(readOnly = true)
	public Optional<StatisticsRelease> release(Caller caller, String periodKey, Integer version) {
		return Optional.ofNullable(select(caller, periodKey, version).release());
	}

	static void requireDirector(Caller caller) {
		if (caller == null || !caller.is(Role.DIRECTOR)) {
			throw new NotADirector();
		}
	}

	/** Only a director sees statistics, and only of their own organisation. */
	static final class NotADirector extends RuntimeException {

		NotADirector() {
			super("Statistics are for directors only", null, false, false);
		}

	}

	/** Only the fixed periods' keys are understood. */
	static final class InvalidPeriod extends RuntimeException {

		InvalidPeriod() {
			super("A period is a quarter (2026-Q1), a year (2026) or three years (2024-2026)", null, false, false);
		}

	}

	/** Nothing was published for that period (yet): it may not have ended. */
	static final class NotPublished extends RuntimeException {

		NotPublished() {
			super("No release of that period has been published", null, false, false);
		}

	}

}

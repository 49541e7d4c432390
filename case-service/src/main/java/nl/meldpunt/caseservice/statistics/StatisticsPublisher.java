package nl.meldpunt.caseservice.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.meldpunt.caseservice.audit.ActorKind;
import nl.meldpunt.caseservice.audit.AuditAction;
import nl.meldpunt.caseservice.audit.AuditLog;
import nl.meldpunt.caseservice.ids.OrganisationId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes releases: for every ended period, once its settling delay has passed, one
 * release protected by {@link ReleaseProtection} against every earlier release of the
 * organisation (and of its pool), then frozen. A year steps up from quarters to one
 * column, to broad groups, to a rolling three-year window, until not every figure would
 * be hidden; quarter releases exist for organisations whose previous year was published
 * in quarters. A correction is a new version, audited the same way.
 */
@Service
class StatisticsPublisher {

	/** Fewer members and a member could subtract itself from the pool. */
	static final int MIN_POOL_MEMBERS = 3;

	private final StatisticsData data;

	private final DisclosureSettingsStore settings;

	private final Releases releases;

	private final AuditLog audit;

	private final JdbcTemplate jdbc;

	private final StatisticalRecords records;

	StatisticsPublisher(StatisticsData data, DisclosureSettingsStore settings, Releases releases, AuditLog audit,
			JdbcTemplate jdbc, StatisticalRecords records) {
		this.records = records;
		this.data = data;
		this.settings = settings;
		this.releases = releases;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/** A release made and protected but not yet stored. */
	private record Made(UUID id, StatisticsRelease content, Releases.Truth truth, ReleaseProtection.Result result,
			List<UUID> members) {
	}

	/** Publishes every release of the organisation that is due on {@code today}. */
	@Transactional
	public List<StatisticsRelease> publishDue(UUID organisationId, LocalDate today) {
		lock("organisation:" + organisationId);
		this.records.takeInFiled();
		Integer first = this.data.firstYear(organisationId);
		List<StatisticsRelease> published = new ArrayList<>();
		if (first == null) {
			return published;
		}
		DisclosureSettings disclosure = this.settings.forOrganisation(organisationId);
		StatisticsData.Vocabulary vocabulary = this.data.vocabulary(organisationId);
		for (int year = first; year <= today.getYear(); year++) {
			Optional<Releases.Stored> before = this.releases.latest(organisationId, null, Period.year(year - 1));
			if (before.isPresent() && before.get().content().granularity() == Granularity.QUARTERS) {
				for (int quarter = 1; quarter <= 4; quarter++) {
					Period period = Period.quarter(new YearQuarter(year, quarter));
					if (due(period, disclosure, today) && !this.releases.exists(organisationId, period)) {
						Made made = make(organisationId, disclosure, vocabulary, period, Granularity.QUARTER, 1, false,
								today);
						published.add(store(organisationId, null, made));
					}
				}
			}
			if (due(Period.year(year), disclosure, today) && !this.releases.exists(organisationId, Period.year(year))
					&& !this.releases.exists(organisationId, Period.rolling(year))) {
				published.add(store(organisationId, null, stepUp(organisationId, disclosure, vocabulary, year, today)));
			}
		}
		return published;
	}

	/**
	 * A new version of a published period, if the counts behind it changed (for example a
	 * unit configured after its cases were counted); audited together with every earlier
	 * release, the earlier versions included, before it is published.
	 */
	@Transactional
	public Optional<StatisticsRelease> correct(UUID organisationId, Period period, LocalDate today) {
		lock("organisation:" + organisationId);
		this.records.takeInFiled();
		Optional<Releases.Stored> latest = this.releases.latest(organisationId, null, period);
		if (latest.isEmpty()) {
			return Optional.empty();
		}
		DisclosureSettings disclosure = this.settings.forOrganisation(organisationId);
		StatisticsData.Vocabulary vocabulary = this.data.vocabulary(organisationId);
		StatisticsRelease before = latest.get().content();
		Made made = make(organisationId, disclosure, vocabulary, period, before.granularity(), before.version() + 1,
				before.steppedUp(), today);
		if (made.truth().exactDigest().equals(latest.get().truth().exactDigest())
				&& disclosure.minCellSize() == before.minCellSize()) {
			return Optional.empty();
		}
		return Optional.of(store(organisationId, null, made));
	}

	/**
	 * The pooled release of the last ended year, once every member's own release of it is
	 * out: only with at least {@value #MIN_POOL_MEMBERS} members, audited over the pooled
	 * tables and every member's releases, also from the view of each member that knows
	 * its own true counts.
	 */
	@Transactional
	public Optional<StatisticsRelease> publishPool(String pool, LocalDate today) {
		lock("pool:" + pool);
		this.records.takeInFiled();
		List<UUID> members = this.settings.members(pool);
		if (members.size() < MIN_POOL_MEMBERS) {
			return Optional.empty();
		}
		int year = today.getYear() - 1;
		Period period = Period.year(year);
		if (this.releases.latest(null, pool, period).isPresent()) {
			return Optional.empty();
		}
		List<DisclosureAudit.Release> earlier = new ArrayList<>();
		List<ReleaseDraft.Scope> scopes = new ArrayList<>();
		Map<String, Long> atoms = new LinkedHashMap<>();
		Map<String, Integer> minCellSizes = new HashMap<>();
		Map<String, Integer> protections = new HashMap<>();
		int k = 0;
		int protection = 0;
		int settling = 0;
		for (UUID member : members) {
			DisclosureSettings disclosure = this.settings.forOrganisation(member);
			boolean published = this.releases.exists(member, period)
					|| this.releases.exists(member, Period.rolling(year));
			if (!published || today.isBefore(period.lastDay().plusDays(disclosure.settlingDays()))) {
				return Optional.empty();
			}
			this.releases.ofOrganisation(member).forEach((stored) -> earlier.add(stored.forAudit()));
			StatisticsData.Vocabulary vocabulary = this.data.vocabulary(member);
			scopes.add(vocabulary.scope(member));
			atoms.putAll(this.data.atoms(member, vocabulary, period.quarters(), poolDimensions(),
					List.of(period.quarters().get(3))));
			minCellSizes.put(member.toString(), disclosure.minCellSize());
			protections.put(member.toString(), disclosure.protection());
			k = Math.max(k, disclosure.minCellSize());
			settling = Math.max(settling, disclosure.settlingDays());
			protection = Math.max(protection, disclosure.protection());
		}
		this.releases.ofPool(pool).forEach((stored) -> earlier.add(stored.forAudit()));
		UUID id = UUID.randomUUID();
		ReleaseShape shape = ReleaseDraft.shape(period, Granularity.YEAR_GROUPED, scopes);
		List<CountTable> tables = ReleaseDraft.tables(shape, atoms);
		DisclosureAudit.Release candidate = new DisclosureAudit.Release(id.toString(), shape, atoms, List.of(), k,
				protection);
		ReleaseProtection.Result result = ReleaseProtection.protect(earlier, candidate, tables, minCellSizes,
				protections, members.stream().map(UUID::toString).toList());
		StatisticsRelease content = content(period, 1, today, Granularity.YEAR_GROUPED, false, pool, members.size(), k,
				protection, null, settling, Map.of(), tables, result.hidden(), null);
		return Optional.of(store(null, pool, new Made(id, content,
				new Releases.Truth(shape, atoms, k, protection, Releases.digest(shape, atoms)), result, members)));
	}

	private static Set<Dimension> poolDimensions() {
		return EnumSet.copyOf(Granularity.YEAR_GROUPED.dimensions(false));
	}

	/** The finest level at which some category is shown; the rolling window otherwise. */
	private Made stepUp(UUID organisationId, DisclosureSettings disclosure, StatisticsData.Vocabulary vocabulary,
			int year, LocalDate today) {
		Made made = null;
		for (int level = 0; level < Granularity.LADDER.size(); level++) {
			Granularity granularity = Granularity.LADDER.get(level);
			boolean last = level == Granularity.LADDER.size() - 1;
			made = make(organisationId, disclosure, vocabulary, granularity.period(year, null), granularity, 1,
					level > 0, today, !last);
			if (made != null && (last || informative(made.content()))) {
				return made;
			}
		}
		return made;
	}

	/** Whether any category (or group) shows a true count above zero. */
	static boolean informative(StatisticsRelease release) {
		PublishedTable category = release.table(Dimension.CATEGORY.tableName());
		for (int r = 0; r < category.rowKeys().size() - 1; r++) {
			for (int c = 0; c < category.columnKeys().size() - 1; c++) {
				PublishedCount cell = category.cell(r, c);
				if (!cell.suppressed() && cell.count() > 0) {
					return true;
				}
			}
		}
		return false;
	}

	private Made make(UUID organisationId, DisclosureSettings disclosure, StatisticsData.Vocabulary vocabulary,
			Period period, Granularity granularity, int version, boolean steppedUp, LocalDate today) {
		return make(organisationId, disclosure, vocabulary, period, granularity, version, steppedUp, today, false);
	}

	/**
	 * @param onlyIfHopeful null instead of a release in which no category could ever show
	 * (every count below k), without running the audit
	 */
	private Made make(UUID organisationId, DisclosureSettings disclosure, StatisticsData.Vocabulary vocabulary,
			Period period, Granularity granularity, int version, boolean steppedUp, LocalDate today,
			boolean onlyIfHopeful) {
		UUID id = UUID.randomUUID();
		String scope = organisationId.toString();
		ReleaseShape shape = ReleaseDraft.shape(period, granularity, List.of(vocabulary.scope(organisationId)));
		Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
		shape.tables().forEach((table) -> dimensions.add(table.dimension()));
		List<YearQuarter> quarters = period.quarters();
		Map<String, Long> atoms = this.data.atoms(organisationId, vocabulary, quarters, dimensions,
				List.of(quarters.get(quarters.size() - 1)));
		List<CountTable> tables = ReleaseDraft.tables(shape, atoms);
		String exactDigest = Releases.digest(shape, atoms);
		boolean noisy = disclosure.epsilon() != null;
		if (noisy) {
			// one case changes at most one cell of each table: ε is shared by the tables
			GeometricNoise noise = new GeometricNoise(this.settings.noiseSeed(organisationId),
					disclosure.epsilon() / tables.size());
			ReleaseDraft.Noisy drawn = ReleaseDraft.withNoise(id.toString(), shape, tables, noise);
			shape = drawn.shape();
			atoms = drawn.atoms();
			tables = drawn.tables();
		}
		if (onlyIfHopeful && !ReleaseDraft.mayShowACategory(shape, tables, disclosure.minCellSize())) {
			return null;
		}
		List<Releases.Stored> stored = new ArrayList<>(this.releases.ofOrganisation(organisationId));
		// the pools it was ever counted in: its own figures narrow what a pool says of
		// the
		// other members
		for (String pool : this.releases.poolsCounting(organisationId)) {
			stored.addAll(this.releases.ofPool(pool));
		}
		List<DisclosureAudit.Release> earlier = stored.stream().map(Releases.Stored::forAudit).toList();
		Map<String, Integer> minCellSizes = new HashMap<>(Map.of(scope, disclosure.minCellSize()));
		Map<String, Integer> protections = new HashMap<>(Map.of(scope, disclosure.protection()));
		List<String> viewpoints = new ArrayList<>();
		for (Releases.Stored release : stored) {
			if (release.pool() == null) {
				continue;
			}
			for (ReleaseShape.TableShape table : release.truth().shape().tables()) {
				for (String member : table.scopes()) {
					if (!minCellSizes.containsKey(member)) {
						DisclosureSettings other = this.settings.forOrganisation(UUID.fromString(member));
						minCellSizes.put(member, other.minCellSize());
						protections.put(member, other.protection());
					}
					if (!viewpoints.contains(member)) {
						viewpoints.add(member);
					}
				}
			}
		}
		DisclosureAudit.Release candidate = new DisclosureAudit.Release(id.toString(), shape, atoms, List.of(),
				disclosure.minCellSize(), disclosure.protection());
		ReleaseProtection.Result result = ReleaseProtection.protect(earlier, candidate, tables, minCellSizes,
				protections, viewpoints);
		StatisticsData.Median median = noisy ? null : this.data.median(organisationId, quarters);
		StatisticsRelease content = content(period, version, today, granularity, steppedUp, null, null,
				disclosure.minCellSize(), disclosure.protection(), disclosure.epsilon(), disclosure.settlingDays(),
				vocabulary.names(), tables, result.hidden(), median);
		return new Made(id, content,
				new Releases.Truth(shape, atoms, disclosure.minCellSize(), disclosure.protection(), exactDigest),
				result, null);
	}

	private static StatisticsRelease content(Period period, int version, LocalDate today, Granularity granularity,
			boolean steppedUp, String pool, Integer members, int k, int protection, Double epsilon, int settlingDays,
			Map<String, Map<String, String>> labels, List<CountTable> tables, List<boolean[][]> hidden,
			StatisticsData.Median median) {
		List<PublishedTable> published = new ArrayList<>();
		for (int t = 0; t < tables.size(); t++) {
			published.add(PublishedTable.of(tables.get(t), hidden.get(t), k));
		}
		StatisticsRelease draft = new StatisticsRelease(period, version, today, granularity, steppedUp, pool, members,
				k, protection, epsilon, settlingDays, labels, published, null);
		KeyFigures figures = KeyFigures.of(median, draft.table(Dimension.ACKNOWLEDGEMENT.tableName()),
				draft.table(Dimension.FEEDBACK.tableName()), k, epsilon != null);
		return new StatisticsRelease(period, version, today, granularity, steppedUp, pool, members, k, protection,
				epsilon, settlingDays, labels, published, figures);
	}

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StatisticsPublisher.class);

	private StatisticsRelease store(UUID organisationId, String pool, Made made) {
		log.info("Statistics release {} v{} ({}): {} cells hidden by the audit, {} linear programs over {} unknowns",
				made.content().period().key(), made.content().version(), made.content().granularity(),
				made.result().cellsHiddenByAudit(), made.result().linearPrograms(), made.result().unknowns());
		String sha256 = this.releases.insert(made.id(), organisationId, pool, made.members(), made.content(),
				made.truth());
		this.audit.record(OrganisationId.ofNullable(organisationId), ActorKind.SYSTEM, null,
				AuditAction.STATISTICS_PUBLISHED, null, sha256);
		return made.content();
	}

	private static boolean due(Period period, DisclosureSettings disclosure, LocalDate today) {
		return !today.isBefore(period.lastDay().plusDays(disclosure.settlingDays()));
	}

	/** One publisher at a time per organisation or pool, on any instance. */
	private void lock(String key) {
		this.jdbc.query("select pg_advisory_xact_lock(?)", (rs) -> {
		}, (long) key.hashCode() << 16 | 0x5A7L);
	}

}

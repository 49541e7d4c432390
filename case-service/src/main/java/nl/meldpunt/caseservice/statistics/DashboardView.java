package nl.meldpunt.caseservice.statistics;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the dashboard template shows: one figure per chart, each with the same numbers as
 * a data table, the full tables, the pool comparison and the method. Built only from
 * published releases, so it can hold nothing they do not. Public only for the template
 * engine.
 */
public record DashboardView(Texts t, String title, String intro, boolean empty, String emptyText, List<Link> periods,
		String versionLine, List<Link> versions, String steppedUp, List<String> headline, String comparison,
		List<Figure> figures, List<TableView> tables, PoolView pool, List<String> method, String query) {

	/** A link to another published period or version. */
	public record Link(String label, String period, Integer version, boolean current) {
	}

	/** A chart with its data table. */
	public record Figure(BarChart chart, String firstColumn, List<BarChart.Row> rows) {
	}

	/** A published table as text. */
	public record TableView(String caption, List<String> columns, List<List<String>> rows) {
	}

	/** The organisation beside its pool. */
	public record PoolView(String title, String intro, List<String> columns, List<List<String>> rows) {
	}

	static DashboardView of(StatisticsReports.Selection selection, Texts t) {
		StatisticsRelease release = selection.release();
		if (release == null) {
			return new DashboardView(t, t.get("dashboard.title", "\u2013"),
					t.get("dashboard.intro", Integer.toString(selection.minCellSize())), true,
					t.get("dashboard.empty", Integer.toString(selection.settlingDays())), List.of(), null, List.of(),
					null, List.of(), null, List.of(), List.of(), null, AccountabilityReport.rules(t,
							selection.minCellSize(), selection.protectionUpTo(), selection.settlingDays()),
					"");
		}
		StatisticsRelease previous = selection.previous();
		List<Link> periods = selection.periods()
			.stream()
			.map((r) -> new Link(r.period().label(), r.period().key(), null, r.period().equals(release.period())))
			.toList();
		List<Link> versions = selection.versions()
			.stream()
			.map((r) -> new Link(t.get("dashboard.versionLink", Integer.toString(r.version()), date(t, r)),
					r.period().key(), r.version(), false))
			.toList();
		String currentLabel = release.period().label();
		String previousLabel = (previous != null) ? previous.period().label() : null;
		List<Figure> figures = new ArrayList<>();
		PublishedTable received = release.table(Dimension.RECEIVED_CHANNEL.tableName());
		PublishedTable receivedBefore = (previous != null) ? previous.table(Dimension.RECEIVED_CHANNEL.tableName())
				: null;
		List<BarChart.Row> columns = new ArrayList<>();
		// the periods of the release (quarters, or the one period), without their total
		int shown = Math.max(1, received.columnKeys().size() - 1);
		for (int c = 0; c < shown; c++) {
			columns.add(new BarChart.Row(column(received.columnKeys().get(c)), value(t, received.totalsRow().get(c)),
					(receivedBefore != null) ? value(t, receivedBefore.totalsRow().get(c)) : null));
		}
		figures.add(figure("received", t.get("chart.received"), t.get("column.period"), currentLabel, previousLabel,
				columns));
		List<TableView> tables = new ArrayList<>();
		for (PublishedTable table : release.tables()) {
			PublishedTable before = (previous != null) ? previous.table(table.name()) : null;
			List<BarChart.Row> rows = new ArrayList<>();
			for (int r = 0; r < table.rowKeys().size(); r++) {
				rows.add(new BarChart.Row(label(release, t, table.name(), table.rowKeys().get(r)),
						value(t, table.totalsColumn().get(r)),
						(before != null && before.rowKeys().equals(table.rowKeys()))
								? value(t, before.totalsColumn().get(r)) : null));
			}
			// the chart leaves the total out so that it does not dwarf every row; the
			// table keeps it
			figures.add(new Figure(BarChart.of(table.name(), t.get("chart." + table.name()), currentLabel,
					previousLabel, rows.subList(0, rows.size() - 1)), t.table(table.name()), rows));
			tables.add(tableView(release, t, table));
		}
		KeyFigures now = release.keyFigures();
		KeyFigures then = (previous != null) ? previous.keyFigures() : null;
		figures.add(figure("shares", t.get("chart.shares"), t.get("column.figure"), currentLabel, previousLabel,
				List.of(new BarChart.Row(t.get("figure.ack7"), percent(t, now.percentAcknowledgedWithin7Days()),
						(then != null) ? percent(t, then.percentAcknowledgedWithin7Days()) : null),
						new BarChart.Row(t.get("figure.feedback3m"), percent(t, now.percentFeedbackWithin3Months()),
								(then != null) ? percent(t, then.percentFeedbackWithin3Months()) : null))));
		figures.add(figure("median", t.get("chart.median"), t.get("column.figure"), currentLabel, previousLabel,
				List.of(new BarChart.Row(t.get("figure.median"), days(t, now.medianDaysToAcknowledge()),
						(then != null) ? days(t, then.medianDaysToAcknowledge()) : null))));
		String steppedUp = release.steppedUp()
				? t.get("dashboard.steppedUp", t.get("granularity." + release.granularity().name())) : null;
		String comparison = (previous != null) ? t.get("dashboard.previous", previous.period().label())
				: t.get("dashboard.noPrevious");
		String query = "period=" + release.period().key() + "&version=" + release.version() + "&lang=" + t.lang();
		return new DashboardView(t, t.get("dashboard.title", release.period().label()),
				t.get("dashboard.intro", Integer.toString(release.minCellSize())), false, null, periods,
				t.get("dashboard.version", Integer.toString(release.version()), date(t, release)), versions, steppedUp,
				headline(release, t), comparison, figures, tables, pool(release, selection.pool(), t),
				AccountabilityReport.method(release, t), query);
	}

	/**
	 * Sentences a small organisation can read at a glance, only from published cells: the
	 * reports received, and the category most closed reports were about when the
	 * published counts prove it was more than half.
	 */
	static List<String> headline(StatisticsRelease release, Texts t) {
		List<String> lines = new ArrayList<>();
		PublishedTable received = release.table(Dimension.RECEIVED_CHANNEL.tableName());
		PublishedCount total = received.totalsColumn().get(received.rowKeys().size() - 1);
		if (!total.suppressed()) {
			lines.add(t.get("dashboard.headline.received", t.count(total), release.period().label()));
		}
		PublishedTable category = release.table(Dimension.CATEGORY.tableName());
		List<PublishedCount> totals = category.totalsColumn();
		PublishedCount closed = totals.get(totals.size() - 1);
		for (int r = 0; r < totals.size() - 1 && !closed.suppressed(); r++) {
			PublishedCount row = totals.get(r);
			if (!row.suppressed() && closed.count() > 0 && row.count() * 2 > closed.count()) {
				lines.add(t.get("dashboard.headline.most", t.count(closed),
						label(release, t, category.name(), category.rowKeys().get(r)).toLowerCase(Locale.ROOT),
						t.count(row)));
			}
		}
		return lines;
	}

	private static PoolView pool(StatisticsRelease release, StatisticsRelease pool, Texts t) {
		if (pool == null) {
			return null;
		}
		PublishedTable theirs = pool.table(Dimension.CATEGORY.tableName());
		PublishedTable ours = release.table(Dimension.CATEGORY.tableName());
		List<List<String>> rows = new ArrayList<>();
		PublishedCount poolTotal = theirs.totalsColumn().get(theirs.rowKeys().size() - 1);
		PublishedCount ourTotal = ours.totalsColumn().get(ours.rowKeys().size() - 1);
		for (int r = 0; r < theirs.rowKeys().size(); r++) {
			String key = theirs.rowKeys().get(r);
			int mine = ours.rowKeys().indexOf(key);
			PublishedCount own = (mine >= 0) ? ours.totalsColumn().get(mine) : null;
			PublishedCount pooled = theirs.totalsColumn().get(r);
			rows.add(List.of(label(pool, t, theirs.name(), key), (own != null) ? t.count(own) : t.get("figure.none"),
					(own != null) ? share(t, own, ourTotal) : "", t.count(pooled), share(t, pooled, poolTotal)));
		}
		return new PoolView(
				t.get("dashboard.pool", pool.pool(), Integer.toString(pool.poolMembers()), pool.period().label()),
				t.get("dashboard.poolIntro"), List.of(t.table(theirs.name()), t.get("column.ours"),
						t.get("column.share"), t.get("column.pool"), t.get("column.share")),
				rows);
	}

	/** A share of two published counts, or nothing when either is hidden. */
	private static String share(Texts t, PublishedCount part, PublishedCount whole) {
		if (part.suppressed() || whole.suppressed() || whole.count() == 0) {
			return "";
		}
		return t.percent(new PublishedFigure((double) Math.round(100.0 * part.count() / whole.count())));
	}

	static TableView tableView(StatisticsRelease release, Texts t, PublishedTable table) {
		// one period: its total column would only repeat it
		int shown = (table.columnKeys().size() == 2) ? 1 : table.columnKeys().size();
		List<String> columns = new ArrayList<>(List.of(t.table(table.name())));
		for (String key : table.columnKeys().subList(0, shown)) {
			columns.add(column(key).equals(CountTable.TOTAL) ? t.row(table.name(), CountTable.TOTAL) : column(key));
		}
		List<List<String>> rows = new ArrayList<>();
		for (int r = 0; r < table.rowKeys().size(); r++) {
			List<String> row = new ArrayList<>();
			row.add(label(release, t, table.name(), table.rowKeys().get(r)));
			table.cells().get(r).subList(0, shown).forEach((cell) -> row.add(t.count(cell)));
			rows.add(row);
		}
		return new TableView(t.get("chart." + table.name()) + " (" + release.period().label() + ")", columns, rows);
	}

	/**
	 * The configured name of a category or unit as it was on publication, else the fixed
	 * text of the row.
	 */
	static String label(StatisticsRelease release, Texts t, String table, String key) {
		String configured = table.equals(Dimension.UNIT.tableName()) ? "unit:" + key : key;
		if ((table.equals(Dimension.CATEGORY.tableName()) || table.equals(Dimension.UNIT.tableName()))
				&& release.labels().containsKey(configured)) {
			return release.labels().get(configured).get(t.lang());
		}
		return t.row(table, key);
	}

	/** Column keys: quarters as {@code Q1}, periods as their label. */
	static String column(String key) {
		Period period = Period.parse(key);
		return (period != null) ? period.label() : key;
	}

	static String date(Texts t, StatisticsRelease release) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
			.withLocale(Locale.forLanguageTag(t.lang()))
			.format(release.publishedOn());
	}

	private static Figure figure(String id, String title, String firstColumn, String currentLabel, String previousLabel,
			List<BarChart.Row> rows) {
		return new Figure(BarChart.of(id, title, currentLabel, previousLabel, rows), firstColumn, rows);
	}

	private static BarChart.Value value(Texts t, PublishedCount count) {
		return new BarChart.Value((count.count() != null) ? count.count().doubleValue() : null, t.count(count));
	}

	private static BarChart.Value percent(Texts t, PublishedFigure figure) {
		return new BarChart.Value(figure.value(), t.percent(figure));
	}

	private static BarChart.Value days(Texts t, PublishedFigure figure) {
		return new BarChart.Value(figure.value(), t.days(figure));
	}

}

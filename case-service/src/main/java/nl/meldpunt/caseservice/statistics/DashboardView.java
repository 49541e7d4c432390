package nl.meldpunt.caseservice.statistics;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the dashboard template shows: one figure per chart, each with the same numbers as
 * a data table, plus the per-quarter tables. Built only from a {@link StatisticsRelease},
 * so it can hold nothing that release does not. Public only for the template engine.
 */
public record DashboardView(StatisticsRelease release, Texts t, List<Figure> figures, List<QuarterTable> quarterTables,
		List<String> method, boolean empty) {

	/** A chart with its data table. */
	public record Figure(BarChart chart, String firstColumn, List<BarChart.Row> rows) {
	}

	/** One dimension per quarter for one year, as published. */
	public record QuarterTable(String caption, String dimensionLabel, List<String> columns, List<List<String>> rows) {
	}

	static DashboardView of(StatisticsRelease release, Texts t) {
		YearFigures current = release.current();
		YearFigures previous = release.previous();
		String thisYear = Integer.toString(current.year());
		String lastYear = Integer.toString(previous.year());
		List<Figure> figures = new ArrayList<>();
		PublishedTable anyCurrent = current.tables().get(0);
		PublishedTable anyPrevious = previous.tables().get(0);
		List<BarChart.Row> quarters = new ArrayList<>();
		for (int q = 0; q < StatisticsReports.QUARTERS.size(); q++) {
			quarters.add(new BarChart.Row(StatisticsReports.QUARTERS.get(q), value(t, anyCurrent.totalsRow().get(q)),
					value(t, anyPrevious.totalsRow().get(q))));
		}
		figures.add(figure("quarters", t.get("chart.quarters"), t.get("column.quarter"), thisYear, lastYear, quarters));
		List<QuarterTable> quarterTables = new ArrayList<>();
		for (PublishedTable table : current.tables()) {
			PublishedTable before = previous.table(table.name());
			List<BarChart.Row> rows = new ArrayList<>();
			for (int r = 0; r < table.rowKeys().size(); r++) {
				rows.add(new BarChart.Row(t.row(table.name(), table.rowKeys().get(r)),
						value(t, table.totalsColumn().get(r)), value(t, before.totalsColumn().get(r))));
			}
			// the chart leaves the total out so that it does not dwarf every row; the
			// table keeps it
			figures.add(new Figure(BarChart.of(table.name(), t.get("chart." + table.name()), thisYear, lastYear,
					rows.subList(0, rows.size() - 1)), t.table(table.name()), rows));
			quarterTables.add(quarterTable(t, table, current.year()));
			quarterTables.add(quarterTable(t, before, previous.year()));
		}
		KeyFigures now = current.keyFigures();
		KeyFigures then = previous.keyFigures();
		figures.add(figure("shares", t.get("chart.shares"), t.get("column.figure"), thisYear, lastYear,
				List.of(new BarChart.Row(t.get("figure.ack7"), percent(t, now.percentAcknowledgedWithin7Days()),
						percent(t, then.percentAcknowledgedWithin7Days())),
						new BarChart.Row(t.get("figure.feedback3m"), percent(t, now.percentFeedbackWithin3Months()),
								percent(t, then.percentFeedbackWithin3Months())))));
		figures.add(figure("median", t.get("chart.median"), t.get("column.figure"), thisYear, lastYear,
				List.of(new BarChart.Row(t.get("figure.median"), days(t, now.medianDaysToAcknowledge()),
						days(t, then.medianDaysToAcknowledge())))));
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
			.withLocale(Locale.forLanguageTag(t.lang()));
		List<BarChart.Row> open = new ArrayList<>();
		for (int b = 0; b < StatisticsReports.AGE_BUCKETS.size(); b++) {
			open.add(new BarChart.Row(t.row("open", StatisticsReports.AGE_BUCKETS.get(b)),
					value(t, current.openCasesByAge().totalsColumn().get(b)),
					value(t, previous.openCasesByAge().totalsColumn().get(b))));
		}
		figures.add(figure("open", t.get("chart.open"), t.get("column.age"),
				t.get("chart.openOn", dates.format(current.openCasesOn())),
				t.get("chart.openOn", dates.format(previous.openCasesOn())), open));
		return new DashboardView(release, t, figures, quarterTables, AccountabilityReport.method(release, t),
				!release.anyRecords());
	}

	private static Figure figure(String id, String title, String firstColumn, String currentLabel, String previousLabel,
			List<BarChart.Row> rows) {
		return new Figure(BarChart.of(id, title, currentLabel, previousLabel, rows), firstColumn, rows);
	}

	static QuarterTable quarterTable(Texts t, PublishedTable table, int year) {
		List<String> columns = new ArrayList<>(StatisticsReports.QUARTERS);
		columns.add(t.row(table.name(), CountTable.TOTAL));
		List<List<String>> rows = new ArrayList<>();
		for (int r = 0; r < table.rowKeys().size(); r++) {
			List<String> row = new ArrayList<>();
			row.add(t.row(table.name(), table.rowKeys().get(r)));
			table.cells().get(r).forEach((cell) -> row.add(t.count(cell)));
			rows.add(row);
		}
		return new QuarterTable(t.get("dashboard.perQuarter", Integer.toString(year)) + ": " + t.table(table.name()),
				t.table(table.name()), columns, rows);
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

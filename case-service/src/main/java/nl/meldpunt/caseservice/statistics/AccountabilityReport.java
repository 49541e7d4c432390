package nl.meldpunt.caseservice.statistics;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;

/**
 * The content of the yearly accountability report, shared by its PDF and CSV forms: the
 * dashboard's figures as tables, then the method. Built only from a
 * {@link StatisticsRelease}.
 */
record AccountabilityReport(String title, String subtitle, List<Section> sections, String methodTitle,
		List<String> method) {

	/** One table of the report: a name (stable, for the CSV), a caption and its cells. */
	record Section(String name, String caption, List<String> header, List<List<String>> rows) {
	}

	static AccountabilityReport of(StatisticsRelease release, Texts t) {
		YearFigures current = release.current();
		YearFigures previous = release.previous();
		String thisYear = Integer.toString(current.year());
		String lastYear = Integer.toString(previous.year());
		List<Section> sections = new ArrayList<>();
		for (PublishedTable table : current.tables()) {
			PublishedTable before = previous.table(table.name());
			List<String> header = new ArrayList<>(List.of(t.table(table.name())));
			header.addAll(StatisticsReports.QUARTERS.stream().map((q) -> q + " " + thisYear).toList());
			header.add(t.row(table.name(), CountTable.TOTAL) + " " + thisYear);
			header.add(t.row(table.name(), CountTable.TOTAL) + " " + lastYear);
			List<List<String>> rows = new ArrayList<>();
			for (int r = 0; r < table.rowKeys().size(); r++) {
				List<String> row = new ArrayList<>(List.of(t.row(table.name(), table.rowKeys().get(r))));
				table.cells().get(r).forEach((cell) -> row.add(t.count(cell)));
				row.add(t.count(before.totalsColumn().get(r)));
				rows.add(row);
			}
			sections.add(new Section(table.name(), t.get("chart." + table.name()), header, rows));
		}
		KeyFigures now = current.keyFigures();
		KeyFigures then = previous.keyFigures();
		sections.add(new Section("procedure", t.get("report.keyFigures"),
				List.of(t.get("column.figure"), thisYear, lastYear),
				List.of(List.of(t.get("figure.median"), t.days(now.medianDaysToAcknowledge()),
						t.days(then.medianDaysToAcknowledge())),
						List.of(t.get("figure.ack7"), t.percent(now.percentAcknowledgedWithin7Days()),
								t.percent(then.percentAcknowledgedWithin7Days())),
						List.of(t.get("figure.feedback3m"), t.percent(now.percentFeedbackWithin3Months()),
								t.percent(then.percentFeedbackWithin3Months())))));
		List<List<String>> open = new ArrayList<>();
		for (int b = 0; b <= StatisticsReports.AGE_BUCKETS.size(); b++) {
			String key = (b < StatisticsReports.AGE_BUCKETS.size()) ? StatisticsReports.AGE_BUCKETS.get(b)
					: CountTable.TOTAL;
			open.add(List.of(t.row("open", key), t.count(current.openCasesByAge().totalsColumn().get(b)),
					t.count(previous.openCasesByAge().totalsColumn().get(b))));
		}
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
			.withLocale(Locale.forLanguageTag(t.lang()));
		sections.add(new Section("open-cases-by-age", t.get("chart.open"),
				List.of(t.get("column.age"), t.get("chart.openOn", dates.format(current.openCasesOn())),
						t.get("chart.openOn", dates.format(previous.openCasesOn()))),
				open));
		return new AccountabilityReport(t.get("report.title", thisYear), t.get("report.subtitle", thisYear, lastYear),
				sections, t.get("report.method"), method(release, t));
	}

	static List<String> method(StatisticsRelease release, Texts t) {
		int k = release.minCellSize();
		List<String> method = new ArrayList<>();
		method.add(t.get("report.method.threshold", Integer.toString(k)));
		method.add(t.get("report.method.suppression", Integer.toString(k)));
		method.add(t.get("report.method.periods"));
		method.add(t.get("report.method.figures", Integer.toString(k), Integer.toString(k - 1)));
		method.add((release.epsilon() != null) ? t.get("report.method.noise", release.epsilon().toString())
				: t.get("report.method.noNoise"));
		method.add(t.get("report.method.source"));
		return method;
	}

}

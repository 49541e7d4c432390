package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.List;

import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.Outcome;
import nl.meldpunt.caseservice.casefile.Track;

/**
 * The content of the accountability report, shared by its PDF and CSV forms: the
 * release's tables, the procedure figures, the figures an adviser's annual report and a
 * CSRD ESRS S1-17 disclosure ask for, then the method. Built only from a published
 * {@link StatisticsRelease}: a figure that combines cells is given only when every cell
 * it combines is published.
 */
record AccountabilityReport(String title, String subtitle, List<Section> sections, String methodTitle,
		List<String> method) {

	/** One table of the report: a name (stable, for the CSV), a caption and its cells. */
	record Section(String name, String caption, List<String> header, List<List<String>> rows) {
	}

	static AccountabilityReport of(StatisticsRelease release, Texts t) {
		List<Section> sections = new ArrayList<>();
		for (PublishedTable table : release.tables()) {
			DashboardView.TableView view = DashboardView.tableView(release, t, table);
			sections.add(new Section(table.name(), view.caption(), view.columns(), view.rows()));
		}
		KeyFigures figures = release.keyFigures();
		sections.add(new Section("procedure", t.get("report.keyFigures"),
				List.of(t.get("column.figure"), release.period().label()),
				List.of(List.of(t.get("figure.median"), t.days(figures.medianDaysToAcknowledge())),
						List.of(t.get("figure.ack7"), t.percent(figures.percentAcknowledgedWithin7Days())),
						List.of(t.get("figure.feedback3m"), t.percent(figures.percentFeedbackWithin3Months())))));
		sections.add(annual(release, t));
		return new AccountabilityReport(
				t.get("report.title", release.period().label()), t.get("report.subtitle", release.period().label(),
						Integer.toString(release.version()), DashboardView.date(t, release)),
				sections, t.get("report.method"), method(release, t));
	}

	/**
	 * The figures of a confidential adviser's annual report and of ESRS S1-17 (incidents
	 * of discrimination including harassment; complaints through the channels).
	 */
	static Section annual(StatisticsRelease release, Texts t) {
		PublishedTable received = release.table(Dimension.RECEIVED_CHANNEL.tableName());
		PublishedTable category = release.table(Dimension.CATEGORY.tableName());
		PublishedTable outcome = release.table(Dimension.OUTCOME.tableName());
		PublishedTable track = release.table(Dimension.TRACK.tableName());
		PublishedTable age = release.table(Dimension.AGE.tableName());
		List<String> discrimination = new ArrayList<>();
		for (String key : category.rowKeys()) {
			CategoryGroup group = key.startsWith("group-") ? groupOf(key) : CategoryGroup.of(key);
			if (!key.equals(CountTable.TOTAL)
					&& (group == CategoryGroup.DISCRIMINATION || group == CategoryGroup.UNDESIRABLE_BEHAVIOUR)) {
				discrimination.add(key);
			}
		}
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of(t.get("report.annual.received"), sum(t, received, List.of(CountTable.TOTAL))));
		rows.add(List.of(t.get("report.annual.receivedInternal"),
				sum(t, received, List.of(Channel.INTERNAL_ADVISER.name()))));
		rows.add(List.of(t.get("report.annual.receivedExternal"),
				sum(t, received, List.of(Channel.EXTERNAL_HOTLINE.name()))));
		rows.add(List.of(t.get("report.annual.closed"), sum(t, category, List.of(CountTable.TOTAL))));
		rows.add(List.of(t.get("report.annual.discrimination"), sum(t, category, discrimination)));
		rows.add(List.of(t.get("report.annual.substantiated"), sum(t, outcome, List.of(Outcome.SUBSTANTIATED.name()))));
		rows.add(List.of(t.get("report.annual.formal"),
				sum(t, track, List.of(Track.FORMAL_COMPLAINT.name(), Track.INVESTIGATION.name()))));
		rows.add(List.of(t.get("report.annual.referred"), sum(t, outcome, List.of(Outcome.REFERRED.name()))));
		rows.add(List.of(t.get("report.annual.open"), sum(t, age, List.of(CountTable.TOTAL))));
		rows.add(List.of(t.get("report.annual.fines"), t.get("report.annual.notRecorded")));
		return new Section("annual-report", t.get("report.annual"),
				List.of(t.get("column.figure"), release.period().label()), rows);
	}

	private static CategoryGroup groupOf(String rowKey) {
		for (CategoryGroup group : CategoryGroup.values()) {
			if (group.rowKey().equals(rowKey)) {
				return group;
			}
		}
		return CategoryGroup.OTHER;
	}

	/** The sum of published row totals; "< k" as soon as one of them is hidden. */
	private static String sum(Texts t, PublishedTable table, List<String> rowKeys) {
		long sum = 0;
		for (String key : rowKeys) {
			PublishedCount count = table.totalsColumn().get(table.rowKeys().indexOf(key));
			if (count.suppressed()) {
				return count.display();
			}
			sum += count.count();
		}
		return t.count(PublishedCount.shown(sum));
	}

	static List<String> method(StatisticsRelease release, Texts t) {
		List<String> method = rules(t, release.minCellSize(), release.protectionUpTo(), release.settlingDays());
		if (release.steppedUp()) {
			method.add(t.get("report.method.stepUp", t.get("granularity." + release.granularity().name())));
		}
		if (release.pooled()) {
			method.add(t.get("report.method.pool", Integer.toString(release.poolMembers())));
		}
		method.add(t.get("report.method.figures", Integer.toString(release.minCellSize())));
		if (release.epsilon() != null) {
			double perTable = release.epsilon() / release.tables().size();
			method.add(t.get("report.method.noise", release.epsilon().toString(),
					String.format(java.util.Locale.ROOT, "%.3f", perTable)));
		}
		else {
			method.add(t.get("report.method.noNoise"));
		}
		method.add(t.get("report.method.source"));
		return method;
	}

	/** The rules every release follows, also before anything is published. */
	static List<String> rules(Texts t, int minCellSize, int protectionUpTo, int settlingDays) {
		List<String> rules = new ArrayList<>();
		rules.add(t.get("report.method.threshold", Integer.toString(minCellSize)));
		rules.add(
				t.get("report.method.protection", Integer.toString(minCellSize - 1), Integer.toString(protectionUpTo)));
		rules.add(t.get("report.method.shared"));
		rules.add(t.get("report.method.periods", Integer.toString(settlingDays)));
		rules.add(t.get("report.method.populations"));
		return rules;
	}

}

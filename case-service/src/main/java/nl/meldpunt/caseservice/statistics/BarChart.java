package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart of this year against last year, laid out on the server so that
 * the template only places SVG shapes (no script, no inline style). This year is a solid
 * bar, last year a hatched one, a hidden figure a dashed outline, and every bar carries
 * its value as text: nothing depends on colour.
 */
public record BarChart(String id, String title, String currentLabel, String previousLabel, int width, int height,
		List<Group> groups) {

	static final int BAR_SPACE = 250;

	static final int GROUP_HEIGHT = 46;

	/** One bar: its geometry, the text at its end and how it is drawn. */
	public record Bar(int x, int y, int length, int textX, int textY, String text, String style) {
	}

	/** One row of the chart: a label with this year's and last year's bar. */
	public record Group(String label, int labelY, Bar current, Bar previous) {
	}

	/** A value as plotted: the number behind a bar (null when hidden) and its text. */
	public record Value(Double amount, String text) {
	}

	public record Row(String label, Value current, Value previous) {
	}

	static BarChart of(String id, String title, String currentLabel, String previousLabel, List<Row> rows) {
		double max = 1;
		for (Row row : rows) {
			max = Math.max(max, (row.current().amount() != null) ? row.current().amount() : 0);
			max = Math.max(max, (row.previous().amount() != null) ? row.previous().amount() : 0);
		}
		// about 7.5 px per character at the chart's 13 px font, so that no label runs
		// into a bar
		int labelWidth = 110;
		for (Row row : rows) {
			labelWidth = Math.max(labelWidth, (int) Math.ceil(row.label().length() * 7.5) + 14);
		}
		List<Group> groups = new ArrayList<>();
		int y = 8;
		for (Row row : rows) {
			groups.add(new Group(row.label(), y + 24, bar(row.current(), labelWidth, y + 4, max, "bar-current"),
					bar(row.previous(), labelWidth, y + 23, max, "bar-previous")));
			y += GROUP_HEIGHT;
		}
		return new BarChart(id, title, currentLabel, previousLabel, labelWidth + BAR_SPACE + 110, y + 4, groups);
	}

	private static Bar bar(Value value, int x, int y, double max, String style) {
		boolean hidden = value.amount() == null;
		int length = hidden ? 24 : (int) Math.round(BAR_SPACE * value.amount() / max);
		return new Bar(x, y, length, x + length + 6, y + 13, value.text(), hidden ? "bar-hidden" : style);
	}

}

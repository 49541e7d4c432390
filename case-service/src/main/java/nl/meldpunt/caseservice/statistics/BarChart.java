package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart of a period against the same period a year earlier, laid out on
 * the server so that the template only places SVG shapes (no script, no inline style).
 * The period is a solid bar, the year before a hatched one, a hidden figure a dashed
 * outline, and every bar carries its value as text: nothing depends on colour. Without a
 * comparable earlier release there is one bar per row.
 */
public record BarChart(String id, String title, String currentLabel, String previousLabel, int width, int height,
		List<Group> groups) {

	static final int BAR_SPACE = 250;

	/** One bar: its geometry, the text at its end and how it is drawn. */
	public record Bar(int x, int y, int length, int textX, int textY, String text, String style) {
	}

	/** One row of the chart: a label with its bars (one or two). */
	public record Group(String label, int labelY, List<Bar> bars) {
	}

	/** A value as plotted: the number behind a bar (null when hidden) and its text. */
	public record Value(Double amount, String text) {
	}

	/** One row: this period's value and, when there is one, the year before's. */
	public record Row(String label, Value current, Value previous) {
	}

	static BarChart of(String id, String title, String currentLabel, String previousLabel, List<Row> rows) {
		boolean compared = previousLabel != null;
		double max = 1;
		for (Row row : rows) {
			max = Math.max(max, amount(row.current()));
			max = Math.max(max, amount(row.previous()));
		}
		// about 7.5 px per character at the chart's 13 px font, so that no label runs
		// into a bar
		int labelWidth = 110;
		for (Row row : rows) {
			labelWidth = Math.max(labelWidth, (int) Math.ceil(row.label().length() * 7.5) + 14);
		}
		int groupHeight = compared ? 46 : 27;
		List<Group> groups = new ArrayList<>();
		int y = 8;
		for (Row row : rows) {
			List<Bar> bars = new ArrayList<>();
			bars.add(bar(row.current(), labelWidth, y + 4, max, "bar-current"));
			if (compared) {
				Value previous = (row.previous() != null) ? row.previous() : new Value(null, "\u2013");
				bars.add(bar(previous, labelWidth, y + 23, max, "bar-previous"));
			}
			groups.add(new Group(row.label(), y + (compared ? 24 : 17), bars));
			y += groupHeight;
		}
		return new BarChart(id, title, currentLabel, previousLabel, labelWidth + BAR_SPACE + 110, y + 4, groups);
	}

	private static double amount(Value value) {
		return (value != null && value.amount() != null) ? value.amount() : 0;
	}

	private static Bar bar(Value value, int x, int y, double max, String style) {
		boolean hidden = value.amount() == null;
		int length = hidden ? 24 : (int) Math.round(BAR_SPACE * value.amount() / max);
		return new Bar(x, y, length, x + length + 6, y + 13, value.text(), hidden ? "bar-hidden" : style);
	}

}

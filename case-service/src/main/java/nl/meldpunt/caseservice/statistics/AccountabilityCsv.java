package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * The accountability report as CSV (RFC 4180, UTF-8 with a byte-order mark so that
 * spreadsheet programs read the accents): one block per table, the first cell naming the
 * table, then the method as one line per rule.
 */
final class AccountabilityCsv {

	private AccountabilityCsv() {
	}

	static String render(StatisticsRelease release, Texts t) {
		AccountabilityReport report = AccountabilityReport.of(release, t);
		StringBuilder csv = new StringBuilder("\uFEFF");
		line(csv, List.of(report.title()));
		for (AccountabilityReport.Section section : report.sections()) {
			csv.append("\r\n");
			List<String> header = new ArrayList<>(List.of(t.get("csv.table")));
			header.addAll(section.header());
			line(csv, header);
			for (List<String> row : section.rows()) {
				List<String> cells = new ArrayList<>(List.of(section.name()));
				cells.addAll(row);
				line(csv, cells);
			}
		}
		csv.append("\r\n");
		line(csv, List.of(report.methodTitle()));
		for (String rule : report.method()) {
			line(csv, List.of("method", rule));
		}
		return csv.toString();
	}

	private static void line(StringBuilder csv, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(quote(cells.get(i)));
		}
		csv.append("\r\n");
	}

	/** Quotes every cell that needs it, and defuses formula injection in spreadsheets. */
	static String quote(String cell) {
		String safe = (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) ? "'" + cell : cell;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

}

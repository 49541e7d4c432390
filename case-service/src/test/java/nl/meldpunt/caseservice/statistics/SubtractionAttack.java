package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The attacker from the issue, written independently of the production code: it knows
 * every published cell, and repeatedly takes any row or column (of any linked table,
 * totals included) with exactly one unknown cell and subtracts to recover it, learning
 * shared cells (the totals row, shared rows) in every table at once, until nothing new
 * follows. It reports which hidden cells it recovered.
 */
final class SubtractionAttack {

	private SubtractionAttack() {
	}

	static Set<String> recovered(List<PublishedTable> tables, Set<String> sharedRows) {
		Set<String> known = new HashSet<>();
		for (int t = 0; t < tables.size(); t++) {
			PublishedTable table = tables.get(t);
			for (int r = 0; r < table.rowKeys().size(); r++) {
				for (int c = 0; c < table.columnKeys().size(); c++) {
					if (!table.cell(r, c).suppressed()) {
						known.add(id(table, t, r, c, sharedRows));
					}
				}
			}
		}
		Set<String> recovered = new HashSet<>();
		boolean progress = true;
		while (progress) {
			progress = false;
			for (int t = 0; t < tables.size(); t++) {
				PublishedTable table = tables.get(t);
				int rows = table.rowKeys().size();
				int columns = table.columnKeys().size();
				List<List<String>> lines = new ArrayList<>();
				for (int r = 0; r < rows; r++) {
					List<String> line = new ArrayList<>();
					for (int c = 0; c < columns; c++) {
						line.add(id(table, t, r, c, sharedRows));
					}
					lines.add(line);
				}
				for (int c = 0; c < columns; c++) {
					List<String> line = new ArrayList<>();
					for (int r = 0; r < rows; r++) {
						line.add(id(table, t, r, c, sharedRows));
					}
					lines.add(line);
				}
				for (List<String> line : lines) {
					List<String> unknown = line.stream().filter((cell) -> !known.contains(cell)).toList();
					if (unknown.size() == 1) {
						known.add(unknown.get(0));
						recovered.add(unknown.get(0));
						progress = true;
					}
				}
			}
		}
		return recovered;
	}

	private static String id(PublishedTable table, int t, int r, int c, Set<String> sharedRows) {
		String key = table.rowKeys().get(r);
		boolean shared = key.equals(CountTable.TOTAL) || sharedRows.contains(key);
		return shared ? key + "/" + c : t + "/" + r + "/" + c;
	}

}

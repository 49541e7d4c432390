package nl.meldpunt.caseservice.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything published about one year: one table per {@link Dimension} (rows × quarters),
 * the key figures, and the cases open on {@code openCasesOn} by age.
 */
public record YearFigures(int year, List<PublishedTable> tables, KeyFigures keyFigures, LocalDate openCasesOn,
		PublishedTable openCasesByAge) {

	public YearFigures {
		tables = List.copyOf(tables);
	}

	public PublishedTable table(String name) {
		return this.tables.stream().filter((table) -> table.name().equals(name)).findFirst().orElse(null);
	}

}

package nl.meldpunt.caseservice.statistics;

import java.time.LocalDate;

/** One calendar quarter: the finest period anything is counted in. */
record YearQuarter(int year, int quarter) implements Comparable<YearQuarter> {

	YearQuarter {
		if (quarter < 1 || quarter > 4) {
			throw new IllegalArgumentException("A quarter is 1 to 4");
		}
	}

	static YearQuarter of(LocalDate day) {
		return new YearQuarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
	}

	static YearQuarter parse(String key) {
		int dash = key.lastIndexOf('-');
		return new YearQuarter(Integer.parseInt(key.substring(0, dash)), Integer.parseInt(key.substring(dash + 1)));
	}

	/** The key atoms carry: {@code 2026-1}. */
	String key() {
		return this.year + "-" + this.quarter;
	}

	/** As people read it: {@code Q1 2026}. */
	String label() {
		return "Q" + this.quarter + " " + this.year;
	}

	LocalDate firstDay() {
		return LocalDate.of(this.year, this.quarter * 3 - 2, 1);
	}

	LocalDate lastDay() {
		return firstDay().plusMonths(3).minusDays(1);
	}

	YearQuarter next() {
		return (this.quarter == 4) ? new YearQuarter(this.year + 1, 1) : new YearQuarter(this.year, this.quarter + 1);
	}

	@Override
	public int compareTo(YearQuarter other) {
		return Integer.compare(this.year * 4 + this.quarter, other.year * 4 + other.quarter);
	}

}

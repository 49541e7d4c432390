package nl.meldpunt.caseservice.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixed period a release covers: a quarter, a calendar year, or three calendar years
 * ending in {@code year}. There are no free date ranges, so two periods are never
 * differenced to isolate a few days.
 */
public record Period(Kind kind, int year, Integer quarter) {

	/** The kinds of fixed period. */
	public enum Kind {

		/** One calendar quarter. */
		QUARTER,
		/** One calendar year. */
		YEAR,
		/** Three calendar years, for organisations too small for one. */
		ROLLING

	}

	private static final Pattern KEY = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(\\d{4}))?");

	public Period {
		if ((kind == Kind.QUARTER) != (quarter != null)) {
			throw new IllegalArgumentException("Only a quarter has a quarter");
		}
	}

	static Period quarter(YearQuarter quarter) {
		return new Period(Kind.QUARTER, quarter.year(), quarter.quarter());
	}

	static Period year(int year) {
		return new Period(Kind.YEAR, year, null);
	}

	static Period rolling(int lastYear) {
		return new Period(Kind.ROLLING, lastYear, null);
	}

	/**
	 * Reads {@code 2026-Q1}, {@code 2026} or {@code 2024-2026}; null for anything else.
	 */
	static Period parse(String key) {
		Matcher matcher = (key != null) ? KEY.matcher(key) : null;
		if (matcher == null || !matcher.matches()) {
			return null;
		}
		int first = Integer.parseInt(matcher.group(1));
		if (matcher.group(2) != null) {
			return quarter(new YearQuarter(first, Integer.parseInt(matcher.group(2))));
		}
		if (matcher.group(3) != null) {
			int last = Integer.parseInt(matcher.group(3));
			return (last == first + 2) ? rolling(last) : null;
		}
		return year(first);
	}

	/** The key in URLs and files: {@code 2026-Q1}, {@code 2026}, {@code 2024-2026}. */
	public String key() {
		return switch (this.kind) {
			case QUARTER -> this.year + "-Q" + this.quarter;
			case YEAR -> Integer.toString(this.year);
			case ROLLING -> (this.year - 2) + "-" + this.year;
		};
	}

	/** As people read it: {@code Q1 2026}, {@code 2026}, {@code 2024–2026}. */
	public String label() {
		return switch (this.kind) {
			case QUARTER -> "Q" + this.quarter + " " + this.year;
			case YEAR -> Integer.toString(this.year);
			case ROLLING -> (this.year - 2) + "\u2013" + this.year;
		};
	}

	List<YearQuarter> quarters() {
		List<YearQuarter> quarters = new ArrayList<>();
		switch (this.kind) {
			case QUARTER -> quarters.add(new YearQuarter(this.year, this.quarter));
			case YEAR -> {
				for (int q = 1; q <= 4; q++) {
					quarters.add(new YearQuarter(this.year, q));
				}
			}
			case ROLLING -> {
				for (int y = this.year - 2; y <= this.year; y++) {
					for (int q = 1; q <= 4; q++) {
						quarters.add(new YearQuarter(y, q));
					}
				}
			}
		}
		return quarters;
	}

	LocalDate firstDay() {
		return quarters().get(0).firstDay();
	}

	LocalDate lastDay() {
		List<YearQuarter> quarters = quarters();
		return quarters.get(quarters.size() - 1).lastDay();
	}

	/** The same kind of period one year earlier, to compare with. */
	Period yearBefore() {
		return new Period(this.kind, this.year - 1, this.quarter);
	}

}

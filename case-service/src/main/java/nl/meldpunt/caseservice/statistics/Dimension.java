package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.Outcome;
import nl.meldpunt.caseservice.casefile.Track;

/**
 * The breakdowns on offer, each only against the quarters of one year: no two
 * classification dimensions are ever crossed, so no published table is finer than one of
 * these.
 */
public enum Dimension {

	/** The adviser's category: racism, religion, harassment, … */
	CATEGORY,
	/** Internal adviser or external hotline. */
	CHANNEL,
	/** The route the case took. */
	TRACK,
	/** How the case ended. */
	OUTCOME,
	/** The organisational unit, at the organisation's configured coarseness. */
	UNIT;

	/**
	 * The row of cases not classified yet; the same row, and the same counts, everywhere.
	 */
	public static final String UNCLASSIFIED = "(unclassified)";

	/** Classified cases for which the organisation recorded no unit. */
	public static final String NO_UNIT = "(no unit)";

	String tableName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * The fixed rows: every enum value, or every code the organisation ever used (never
	 * only this year's), so that the shape of a table tells nothing.
	 */
	List<String> rows(List<String> categories, List<String> units) {
		List<String> rows = new ArrayList<>(switch (this) {
			case CATEGORY -> categories;
			case CHANNEL -> names(Channel.values());
			case TRACK -> names(Track.values());
			case OUTCOME -> names(Outcome.values());
			case UNIT -> units;
		});
		if (this == UNIT) {
			rows.add(NO_UNIT);
		}
		if (this != CHANNEL) {
			rows.add(UNCLASSIFIED);
		}
		return rows;
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

}

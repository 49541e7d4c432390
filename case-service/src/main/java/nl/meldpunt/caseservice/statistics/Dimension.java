package nl.meldpunt.caseservice.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.Outcome;
import nl.meldpunt.caseservice.casefile.Track;

/**
 * The breakdowns a release offers, each only against periods: no two are ever crossed, so
 * no published table is finer than one of these. Every row is always listed (configured
 * categories and units, every enum value), zero or not, so that the shape of a table
 * tells nothing.
 */
public enum Dimension {

	/** Internal adviser or external hotline, as the reporter chose when filing. */
	RECEIVED_CHANNEL(Population.RECEIVED, true),
	/** Whether receipt was acknowledged within the 7 days the law allows. */
	ACKNOWLEDGEMENT(Population.RECEIVED, false),
	/** The adviser's category: racism, religion, harassment, … */
	CATEGORY(Population.CLOSED, true),
	/** The organisational unit, at the organisation's configured coarseness. */
	UNIT(Population.CLOSED, true),
	/** The channel that handled the case in the end. */
	CHANNEL(Population.CLOSED, true),
	/** The route the case took. */
	TRACK(Population.CLOSED, true),
	/** How the case ended. */
	OUTCOME(Population.CLOSED, true),
	/**
	 * Whether feedback came within 3 months (or was not yet due when the case closed).
	 */
	FEEDBACK(Population.CLOSED, false),
	/** Cases open at the end of the period, by how long they have been open. */
	AGE(Population.OPEN, false);

	/** Classified cases for which the organisation recorded no (configured) unit. */
	public static final String NO_UNIT = "(no unit)";

	/** The category every unknown code is counted in, always listed. */
	public static final String OTHER_CATEGORY = "other";

	static final List<String> ACKNOWLEDGEMENT_ROWS = List.of("within-7-days", "not-within-7-days");

	static final List<String> FEEDBACK_ROWS = List.of("on-time", "late", "not-due");

	static final List<String> AGE_ROWS = List.of("under-1-month", "1-3-months", "3-6-months", "over-6-months");

	private final Population population;

	private final boolean aboutReporters;

	Dimension(Population population, boolean aboutReporters) {
		this.population = population;
		this.aboutReporters = aboutReporters;
	}

	Population population() {
		return this.population;
	}

	/**
	 * Whether a row of this dimension says something about the reporters (what happened
	 * to them, where, which way they went), so that "every case has this value" is a
	 * disclosure; procedure figures (acknowledged in time, open for how long) are about
	 * the organisation.
	 */
	boolean aboutReporters() {
		return this.aboutReporters;
	}

	public String tableName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The fixed row codes of this dimension for an organisation's configuration. */
	List<String> codes(List<String> categories, List<String> units) {
		return switch (this) {
			case RECEIVED_CHANNEL, CHANNEL -> names(Channel.values());
			case ACKNOWLEDGEMENT -> ACKNOWLEDGEMENT_ROWS;
			case CATEGORY -> {
				List<String> rows = new ArrayList<>(categories);
				if (!rows.contains(OTHER_CATEGORY)) {
					rows.add(OTHER_CATEGORY);
				}
				yield rows;
			}
			case UNIT -> {
				List<String> rows = new ArrayList<>(units);
				rows.add(NO_UNIT);
				yield rows;
			}
			case TRACK -> names(Track.values());
			case OUTCOME -> names(Outcome.values());
			case FEEDBACK -> FEEDBACK_ROWS;
			case AGE -> AGE_ROWS;
		};
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

}

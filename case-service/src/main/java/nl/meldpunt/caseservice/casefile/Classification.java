package nl.meldpunt.caseservice.casefile;

import java.util.Objects;

/**
 * The adviser's statistical classification of a case: coarse codes only, never
 * reporter-typed text. {@code category} and {@code unit} are codes from the
 * organisation's configured lists; {@code unit} may be null when the organisation keeps
 * no units.
 */
public record Classification(String category, String unit, Channel channel, Track track, Outcome outcome) {

	public Classification {
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(track, "track");
		Objects.requireNonNull(outcome, "outcome");
	}

}

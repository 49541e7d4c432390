package nl.meldpunt.caseservice.statistics;

import java.util.Locale;
import java.util.Set;

/**
 * The broad groups a small organisation's release counts categories in (the default
 * category codes; every other code counts as "other").
 */
enum CategoryGroup {

	/** Racism, religion, gender, sexual orientation, disability, age. */
	DISCRIMINATION(Set.of("racism", "religion", "gender", "sexual-orientation", "disability", "age")),
	/** Bullying, aggression and violence, sexual harassment. */
	UNDESIRABLE_BEHAVIOUR(Set.of("bullying", "aggression", "sexual-harassment")),
	/** Integrity. */
	INTEGRITY(Set.of("integrity")),
	/** Everything else. */
	OTHER(Set.of());

	private final Set<String> codes;

	CategoryGroup(Set<String> codes) {
		this.codes = codes;
	}

	/** The row key of the group, never equal to a category code. */
	String rowKey() {
		return "group-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static CategoryGroup of(String code) {
		for (CategoryGroup group : values()) {
			if (group.codes.contains(code)) {
				return group;
			}
		}
		return OTHER;
	}

}

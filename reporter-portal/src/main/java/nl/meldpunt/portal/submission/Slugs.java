package nl.meldpunt.portal.submission;

import java.util.regex.Pattern;

import nl.meldpunt.portal.web.PortalProblem;

/**
 * An organisation's slug as it may appear in a path; anything else is an unknown
 * organisation.
 */
final class Slugs {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

	private Slugs() {
	}

	static String checked(String slug) {
		if (slug == null || !SLUG.matcher(slug).matches()) {
			throw new PortalProblem(404, "unknown-organisation");
		}
		return slug;
	}

}

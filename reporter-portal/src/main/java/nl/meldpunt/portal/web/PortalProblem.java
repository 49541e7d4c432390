package nl.meldpunt.portal.web;

import java.util.List;

/**
 * A refusal at the portal's own edge, before anything reaches the case service. The slug
 * names the problem type ({@code https://meldpunt.nl/problems/<slug>}); the fields name
 * the offending request members.
 */
public final class PortalProblem extends RuntimeException {

	private final int status;

	private final String slug;

	private final List<String> fields;

	public PortalProblem(int status, String slug, List<String> fields) {
		super(slug, null, false, false);
		this.status = status;
		this.slug = slug;
		this.fields = List.copyOf(fields);
	}

	public PortalProblem(int status, String slug) {
		this(status, slug, List.of());
	}

	/** A request that breaks the API's shape, naming the fields at fault. */
	public static PortalProblem invalid(List<String> fields) {
		return new PortalProblem(400, "invalid-request", fields);
	}

	public int status() {
		return this.status;
	}

	public String slug() {
		return this.slug;
	}

	public List<String> fields() {
		return this.fields;
	}

}

package nl.meldpunt.portal.caseservice;

import java.util.List;

/**
 * A refusal of the case service (or its absence), reduced to what the portal may show a
 * reporter: the HTTP status, the stable problem slug, and the names of offending fields.
 * The case service's own {@code detail} text is deliberately dropped: the portal speaks
 * the reporter's language and translates the slug instead.
 */
public final class CaseServiceProblem extends RuntimeException {

	/** Slug of the problem the portal reports when the case service cannot be reached. */
	public static final String UNAVAILABLE = "case-service-unavailable";

	private final int status;

	private final String slug;

	private final List<String> fields;

	public CaseServiceProblem(int status, String slug, List<String> fields) {
		super(slug, null, false, false);
		this.status = status;
		this.slug = slug;
		this.fields = List.copyOf(fields);
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

package nl.meldpunt.portal.submission;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import nl.meldpunt.portal.PortalProperties;
import nl.meldpunt.portal.caseservice.CaseServiceClient;
import nl.meldpunt.portal.web.JsonBodies;
import nl.meldpunt.portal.web.PortalProblem;
import nl.meldpunt.portal.web.RateLimits;
import nl.meldpunt.portal.web.RequestSizeLimit;
import nl.meldpunt.internalapi.FilingRequest;
import nl.meldpunt.internalapi.OrganisationPortal;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser API for filing: what the report page's script calls. It mirrors the
 * internal API, checks every request at the edge (shape, sizes, encodings) and passes it
 * on; nothing is stored here.
 */
@RestController
class SubmissionApi {

	private final CaseServiceClient caseService;

	private final RateLimits rateLimits;

	private final PortalProperties properties;

	private final JsonBodies bodies;

	private final long limit;

	SubmissionApi(CaseServiceClient caseService, RateLimits rateLimits, PortalProperties properties,
			JsonBodies bodies) {
		this.caseService = caseService;
		this.rateLimits = rateLimits;
		this.properties = properties;
		this.bodies = bodies;
		this.limit = RequestSizeLimit.jsonLimit(properties);
	}

	@GetMapping("/api/o/{slug}")
	OrganisationPortal organisation(@PathVariable String slug) {
		return this.caseService.portal(Slugs.checked(slug)).withAttachmentCap(this.properties.maxAttachmentBytes());
	}

	/**
	 * Checks the filing at the edge (shape, sizes, encodings, each value through its
	 * key-less parser) and passes the very bytes that passed on to the case service.
	 */
	@PostMapping("/api/o/{slug}/cases")
	ResponseEntity<byte[]> file(@PathVariable String slug, HttpServletRequest request) {
		Slugs.checked(slug);
		JsonBodies.Checked<FilingRequest> filing = this.bodies.read(request, FilingRequest.class, this.limit);
		if (filing.value().report().ciphertext().length() > this.properties.maxItemBytes()) {
			throw new PortalProblem(413, "report-too-large", List.of("report.ciphertext"));
		}
		this.rateLimits.filing(slug);
		ResponseEntity<byte[]> filed = this.caseService.file(slug, filing.bytes());
		return ResponseEntity.status(filed.getStatusCode())
			.contentType(MediaType.APPLICATION_JSON)
			.body(filed.getBody());
	}

}

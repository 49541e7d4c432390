package nl.meldpunt.portal.submission;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import nl.meldpunt.portal.PortalProperties;
import nl.meldpunt.portal.caseservice.CaseServiceClient;
import nl.meldpunt.portal.web.PortalProblem;
import nl.meldpunt.portal.web.RateLimits;
import nl.meldpunt.internalapi.FilingRequest;
import nl.meldpunt.internalapi.OrganisationPortal;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

	SubmissionApi(CaseServiceClient caseService, RateLimits rateLimits, PortalProperties properties) {
		this.caseService = caseService;
		this.rateLimits = rateLimits;
		this.properties = properties;
	}

	@GetMapping("/api/o/{slug}")
	OrganisationPortal organisation(@PathVariable String slug) {
		return this.caseService.portal(Slugs.checked(slug)).withAttachmentCap(this.properties.maxAttachmentBytes());
	}

	@PostMapping("/api/o/{slug}/cases")
	ResponseEntity<JsonNode> file(@PathVariable String slug, @Valid @RequestBody FilingRequest filing) {
		Slugs.checked(slug);
		checkSizes(filing);
		this.rateLimits.filing(slug);
		ResponseEntity<JsonNode> filed = this.caseService.file(slug, filing);
		return ResponseEntity.status(filed.getStatusCode()).body(filed.getBody());
	}

	/**
	 * The report's size: the portal's own, tighter limit. (Malformed values never get
	 * here: they fail while the body is read.)
	 */
	private void checkSizes(FilingRequest filing) {
		if (filing.report().ciphertext().length() > this.properties.maxItemBytes()) {
			throw new PortalProblem(413, "report-too-large", List.of("report.ciphertext"));
		}
	}

}

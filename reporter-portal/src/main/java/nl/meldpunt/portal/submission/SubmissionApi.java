package nl.meldpunt.portal.submission;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import nl.meldpunt.portal.PortalProperties;
import nl.meldpunt.portal.caseservice.CaseServiceClient;
import nl.meldpunt.portal.caseservice.OrganisationPortal;
import nl.meldpunt.portal.web.Base64Url;
import nl.meldpunt.portal.web.Ciphertexts;
import nl.meldpunt.portal.web.PortalProblem;
import nl.meldpunt.portal.web.RateLimits;

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
	ResponseEntity<JsonNode> file(@PathVariable String slug, @Valid @RequestBody Filing filing) {
		Slugs.checked(slug);
		checkSizes(filing);
		this.rateLimits.filing(slug);
		ResponseEntity<JsonNode> filed = this.caseService.file(slug, filing);
		return ResponseEntity.status(filed.getStatusCode()).body(filed.getBody());
	}

	private void checkSizes(Filing filing) {
		long reportBytes = Base64Url.Validator.decodedLength(filing.report().ciphertext());
		if (reportBytes > this.properties.maxItemBytes()) {
			throw new PortalProblem(413, "report-too-large", List.of("report.ciphertext"));
		}
		List<String> malformed = new ArrayList<>();
		if (!Ciphertexts.isSealedItem(filing.report().ciphertext())) {
			malformed.add("report.ciphertext");
		}
		if (!Ciphertexts.isPublicKey(filing.reporterPublicKey())) {
			malformed.add("reporterPublicKey");
		}
		for (int i = 0; i < filing.keyEnvelopes().size(); i++) {
			if (!Ciphertexts.isKeyEnvelope(filing.keyEnvelopes().get(i).envelope())) {
				malformed.add("keyEnvelopes[" + i + "].envelope");
			}
		}
		if (!malformed.isEmpty()) {
			throw new PortalProblem(400, "malformed-ciphertext", malformed);
		}
	}

}

package nl.meldpunt.caseservice.intake;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.meldpunt.caseservice.casefile.CaseFile;
import nl.meldpunt.internalapi.Filed;
import nl.meldpunt.internalapi.FilingRequest;
import nl.meldpunt.internalapi.MailboxView;
import nl.meldpunt.internalapi.OrganisationPortal;

/** The organisation calls of the internal API (CONTRACTS.md 3). */
@RestController
@RequestMapping("/internal/v1/organisations/{slug}")
class IntakeApi {

	private final PortalView portal;

	private final IntakeBatches batches;

	IntakeApi(PortalView portal, IntakeBatches batches) {
		this.portal = portal;
		this.batches = batches;
	}

	@GetMapping("/portal")
	OrganisationPortal portal(@PathVariable String slug) {
		return this.portal.of(slug);
	}

	@PostMapping("/cases")
	ResponseEntity<Filed> file(@PathVariable String slug, @Valid @RequestBody FilingRequest request) {
		CaseFile.Filed result = this.batches.file(slug, request);
		return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new Filed(result.caseId(), MailboxView.State.valueOf(result.state().name()), result.receivedOn(),
					result.acknowledgeBy()));
	}

}

package nl.meldpunt.caseservice.intake;

import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.meldpunt.caseservice.casefile.CaseFile;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.internalapi.FilingRequest;
import nl.meldpunt.internalapi.OrganisationPortal;

/** The organisation calls of the internal API (CONTRACTS.md 3). */
@RestController
@RequestMapping("/internal/v1/organisations/{slug}")
class IntakeApi {

	private final PortalView portal;

	private final CaseIntake intake;

	IntakeApi(PortalView portal, CaseIntake intake) {
		this.portal = portal;
		this.intake = intake;
	}

	@GetMapping("/portal")
	OrganisationPortal portal(@PathVariable String slug) {
		return this.portal.of(slug);
	}

	@PostMapping("/cases")
	ResponseEntity<Filed> file(@PathVariable String slug, @Valid @RequestBody FilingRequest request) {
		CaseFile.Filed result;
		try {
			result = this.intake.file(slug, request);
		}
		catch (DataIntegrityViolationException ex) {
			// the same filing raced with itself (a retry on a slow network): the second
			// attempt now finds the first and answers like any repeat
			try {
				result = this.intake.file(slug, request);
			}
			catch (DataIntegrityViolationException again) {
				throw new Refusal(Problem.CASE_ID_TAKEN, "This case id is already in use.");
			}
		}
		return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(Filed.of(result));
	}

}

package nl.meldpunt.caseservice.admin;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.audit.AuditCheckpoints;
import nl.meldpunt.caseservice.audit.AuditVerifier;

/**
 * Lets an administrator check that the organisation's audit chain is intact, and that it
 * still holds every signed checkpoint taken of it (nothing cut off its end).
 */
@RestController
class AuditApi {

	private final AuditVerifier verifier;

	private final AuditCheckpoints checkpoints;

	AuditApi(AuditVerifier verifier, AuditCheckpoints checkpoints) {
		this.verifier = verifier;
		this.checkpoints = checkpoints;
	}

	@GetMapping("/api/admin/audit/checkpoints/verification")
	AuditCheckpoints.Verification verifyCheckpoints(@AuthenticationPrincipal Caller caller) {
		return this.checkpoints.verify(caller.organisationId());
	}

	@GetMapping("/api/admin/audit/verification")
	AuditVerifier.Verification verify(@AuthenticationPrincipal Caller caller) {
		return this.verifier.verify(caller.organisationId());
	}

}

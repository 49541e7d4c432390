package nl.meldpunt.caseservice.admin;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.audit.AuditVerifier;

/** Lets an administrator check that the organisation's audit chain is intact. */
@RestController
class AuditApi {

	private final AuditVerifier verifier;

	AuditApi(AuditVerifier verifier) {
		this.verifier = verifier;
	}

	@GetMapping("/api/admin/audit/verification")
	AuditVerifier.Verification verify(@AuthenticationPrincipal Caller caller) {
		return this.verifier.verify(caller.organisationId());
	}

}

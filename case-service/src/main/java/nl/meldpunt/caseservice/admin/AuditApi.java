package nl.meldpunt.caseservice.admin;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.audit.AuditCheckpoints;
import nl.meldpunt.caseservice.audit.AuditVerifier;
import nl.meldpunt.caseservice.keybook.KeyBookAnchors;

/**
 * Lets an administrator check that the organisation's audit chain is intact, that it
 * still holds every signed checkpoint taken of it (nothing cut off its end), and that the
 * key books still hold every entry the audit log recorded (none rolled back).
 */
@RestController
class AuditApi {

	private final AuditVerifier verifier;

	private final AuditCheckpoints checkpoints;

	private final JdbcTemplate jdbc;

	AuditApi(AuditVerifier verifier, AuditCheckpoints checkpoints, JdbcTemplate jdbc) {
		this.verifier = verifier;
		this.checkpoints = checkpoints;
		this.jdbc = jdbc;
	}

	@GetMapping("/api/admin/audit/checkpoints/verification")
	AuditCheckpoints.Verification verifyCheckpoints(@AuthenticationPrincipal Caller caller) {
		AuditCheckpoints.Verification checked = this.checkpoints.verify(caller.organisationId());
		return checked.intact()
				? checked.unless(KeyBookAnchors.broken(this.jdbc, this.verifier, caller.organisationId())) : checked;
	}

	@GetMapping("/api/admin/audit/verification")
	AuditVerifier.Verification verify(@AuthenticationPrincipal Caller caller) {
		return this.verifier.verify(caller.organisationId());
	}

}

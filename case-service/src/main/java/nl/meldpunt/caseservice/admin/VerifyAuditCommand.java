package nl.meldpunt.caseservice.admin;

import nl.meldpunt.caseservice.audit.VerifyAudit;
import nl.meldpunt.caseservice.keybook.KeyBookAnchors;

/**
 * The main class of {@code verify-audit} (the launcher runs it from the case service's
 * jar): the audit chains against the signed checkpoints ({@link VerifyAudit}), then every
 * key book against the entries the audit log recorded of it ({@link KeyBookAnchors}).
 */
public final class VerifyAuditCommand {

	private VerifyAuditCommand() {
	}

	public static void main(String[] args) {
		VerifyAudit.quiet();
		System.exit(VerifyAudit.run(System.getenv(), System.out, System.err,
				(jdbc, audit) -> KeyBookAnchors.broken(jdbc, audit, null)));
	}

}

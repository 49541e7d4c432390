package nl.meldpunt.caseservice.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/** One row of the audit log, and how its hash is computed. */
record AuditEntry(long seq, String chain, UUID organisationId, Instant at, String actorKind, String actorId,
		String action, UUID caseId, String detail, String previousHash, String hash) {

	/**
	 * SHA-256 over the previous hash and every field, separated by a byte that no field
	 * contains, so two different rows never produce the same text.
	 */
	String computeHash() {
		String canonical = String.join("\u001f", "meldpunt/audit/v1", this.chain, this.previousHash,
				text(this.organisationId), String.valueOf(this.at.getEpochSecond()), this.actorKind, text(this.actorId),
				this.action, text(this.caseId), text(this.detail));
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

}

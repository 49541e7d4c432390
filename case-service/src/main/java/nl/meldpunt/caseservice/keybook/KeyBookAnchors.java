package nl.meldpunt.caseservice.keybook;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

import nl.meldpunt.caseservice.audit.AuditAction;
import nl.meldpunt.caseservice.audit.AuditVerifier;

/**
 * Ties the key books to the audit log. Every entry a book takes is recorded in the audit
 * log with its book, its sequence and the SHA-256 of its bytes ({@link #anchor}); the
 * audit log's tail is anchored outside the database by the signed checkpoints. A DBA who
 * rolls a book back (deletes its newest entries, for instance a removal, which would
 * bring a removed reader back in a shorter book that still verifies) or rewrites an entry
 * therefore leaves a book that no longer holds what the audit log says it took:
 * {@link #broken} names it. Entries recorded before the anchor was written (older audit
 * entries without it) are not checked.
 */
public final class KeyBookAnchors {

	private static final Pattern ANCHOR = Pattern.compile("^(\\d+) .*book=([0-9a-f-]{36}) sha256=([0-9a-f]{64})$");

	private KeyBookAnchors() {
	}

	/** The words an audit entry carries about a book's entry. */
	static String anchor(UUID book, byte[] entry) {
		try {
			return "book=" + book + " sha256="
					+ HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(entry));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The first book entry the audit log recorded that the books no longer hold as
	 * recorded, in one sentence; empty when every recorded entry is there unchanged.
	 * @param jdbc the database (also outside the web application, for
	 * {@code verify-audit})
	 * @param audit the audit log's reader on the same database
	 * @param organisationId one organisation, or null for all
	 */
	public static Optional<String> broken(JdbcTemplate jdbc, AuditVerifier audit, UUID organisationId) {
		Map<String, String> stored = new BookEntries(jdbc).digests(organisationId);
		for (AuditVerifier.Recorded recorded : audit.recorded(organisationId,
				EnumSet.of(AuditAction.KEY_BOOK_STARTED, AuditAction.KEY_BOOK_APPENDED))) {
			Matcher anchor = (recorded.detail() != null) ? ANCHOR.matcher(recorded.detail()) : null;
			if (anchor == null || !anchor.matches()) {
				continue;
			}
			String book = anchor.group(2);
			String sequence = anchor.group(1);
			if (!anchor.group(3).equals(stored.get(book + "/" + sequence))) {
				return Optional.of("The key book " + book + " no longer holds entry " + sequence
						+ " as the audit log recorded it on " + recorded.day()
						+ ": the book was rolled back or rewritten in the database.");
			}
		}
		return Optional.empty();
	}

}

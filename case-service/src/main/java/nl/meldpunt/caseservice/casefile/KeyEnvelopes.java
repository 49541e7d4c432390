package nl.meldpunt.caseservice.casefile;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The sealed case keys, one per recipient. Having an envelope is what makes someone a
 * recipient; deleting the case deletes its envelopes with it (crypto-shredding).
 */
@Repository
class KeyEnvelopes {

	/** One envelope to store. */
	record Sealed(Recipient recipient, SealedBytes envelope) {
	}

	private final JdbcTemplate jdbc;

	KeyEnvelopes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void store(UUID organisationId, UUID caseId, List<Sealed> envelopes, LocalDate on) {
		this.jdbc.batchUpdate(
				"insert into key_envelope (case_id, organisation_id, recipient_kind, recipient_id, envelope, created_on)"
						+ " values (?, ?, ?, ?, ?, ?)",
				envelopes, envelopes.size(), (statement, sealed) -> {
					statement.setObject(1, caseId);
					statement.setObject(2, organisationId);
					statement.setString(3, sealed.recipient().kind().name());
					statement.setString(4, sealed.recipient().id());
					statement.setBytes(5, sealed.envelope().bytes());
					statement.setDate(6, Date.valueOf(on));
				});
	}

	Optional<SealedBytes> find(UUID caseId, Recipient recipient) {
		return this.jdbc
			.query("select envelope from key_envelope where case_id = ? and recipient_kind = ? and recipient_id = ?",
					(rs, n) -> SealedBytes.of(rs.getBytes(1)), caseId, recipient.kind().name(), recipient.id())
			.stream()
			.findFirst();
	}

	Set<Recipient> recipients(UUID caseId) {
		return new HashSet<>(this.jdbc.query("select recipient_kind, recipient_id from key_envelope where case_id = ?",
				(rs, n) -> new Recipient(RecipientKind.valueOf(rs.getString(1)), rs.getString(2)), caseId));
	}

}

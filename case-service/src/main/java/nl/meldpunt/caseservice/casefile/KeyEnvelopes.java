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

import nl.meldpunt.crypto.KeyEnvelope;
import nl.meldpunt.crypto.KeyPurpose;

/**
 * The sealed case keys, one per recipient and key (purpose and epoch). Having an envelope
 * is what makes someone a recipient; deleting the case deletes its envelopes with it
 * (crypto-shredding).
 */
@Repository
class KeyEnvelopes {

	private final JdbcTemplate jdbc;

	KeyEnvelopes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void store(UUID organisationId, UUID caseId, List<SealedKey> envelopes, LocalDate on) {
		this.jdbc.batchUpdate(
				"insert into key_envelope (case_id, organisation_id, recipient_kind, recipient_id, purpose, epoch, envelope, created_on)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?)",
				envelopes, envelopes.size(), (statement, sealed) -> {
					statement.setObject(1, caseId);
					statement.setObject(2, organisationId);
					statement.setString(3, sealed.recipient().kind().name());
					statement.setString(4, sealed.recipient().id());
					statement.setString(5, sealed.key().purpose().name());
					statement.setInt(6, sealed.key().epoch());
					statement.setBytes(7, sealed.envelope().toBytes());
					statement.setDate(8, Date.valueOf(on));
				});
	}

	/** Every envelope sealed to {@code recipient}, oldest key first. */
	List<SealedKey> of(UUID caseId, Recipient recipient) {
		return this.jdbc.query(
				"select purpose, epoch, envelope from key_envelope where case_id = ? and recipient_kind = ? and recipient_id = ?"
						+ " order by purpose, epoch",
				(rs, n) -> new SealedKey(recipient, new KeyRef(KeyPurpose.valueOf(rs.getString(1)), rs.getInt(2)),
						Stored.envelope(rs.getBytes(3))),
				caseId, recipient.kind().name(), recipient.id());
	}

	/** The envelope of one key sealed to {@code recipient}. */
	Optional<KeyEnvelope> find(UUID caseId, Recipient recipient, KeyRef key) {
		return this.jdbc
			.query("select envelope from key_envelope where case_id = ? and recipient_kind = ? and recipient_id = ?"
					+ " and purpose = ? and epoch = ?", (rs, n) -> Stored.envelope(rs.getBytes(1)), caseId,
					recipient.kind().name(), recipient.id(), key.purpose().name(), key.epoch())
			.stream()
			.findFirst();
	}

	boolean holds(UUID caseId, Recipient recipient) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from key_envelope where case_id = ? and recipient_kind = ? and recipient_id = ?)",
				Boolean.class, caseId, recipient.kind().name(), recipient.id()));
	}

	/** Everyone holding any key of the case (the reporter included). */
	Set<Recipient> recipients(UUID caseId) {
		return new HashSet<>(
				this.jdbc.query("select distinct recipient_kind, recipient_id from key_envelope where case_id = ?",
						(rs, n) -> new Recipient(RecipientKind.valueOf(rs.getString(1)), rs.getString(2)), caseId));
	}

	/** Who holds one key of the case. */
	Set<Recipient> holders(UUID caseId, KeyRef key) {
		return new HashSet<>(this.jdbc.query(
				"select recipient_kind, recipient_id from key_envelope where case_id = ? and purpose = ? and epoch = ?",
				(rs, n) -> new Recipient(RecipientKind.valueOf(rs.getString(1)), rs.getString(2)), caseId,
				key.purpose().name(), key.epoch()));
	}

	/** Every key the case has (each purpose and epoch that any envelope holds). */
	Set<KeyRef> keys(UUID caseId) {
		return new HashSet<>(this.jdbc.query("select distinct purpose, epoch from key_envelope where case_id = ?",
				(rs, n) -> new KeyRef(KeyPurpose.valueOf(rs.getString(1)), rs.getInt(2)), caseId));
	}

}

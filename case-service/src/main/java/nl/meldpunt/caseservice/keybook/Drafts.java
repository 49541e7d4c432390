package nl.meldpunt.caseservice.keybook;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.KeyBookApproval;
import nl.meldpunt.crypto.KeyBookDraft;

/** Proposed key-book entries and the approvals collected for them. */
@Repository
class Drafts {

	/** One stored draft. */
	record Row(UUID id, UUID organisationId, UUID book, KeyBookDraft draft, UUID subject, String proposedBy,
			LocalDate proposedOn) {
	}

	private final JdbcTemplate jdbc;

	Drafts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Row row) {
		this.jdbc.update(
				"insert into key_book_draft (id, organisation_id, book, sequence, bytes, subject, proposed_by, proposed_on)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?)",
				row.id(), row.organisationId(), row.book(), (int) row.draft().sequence(), row.draft().toBytes(),
				row.subject(), row.proposedBy(), Date.valueOf(row.proposedOn()));
	}

	/** The draft proposed again on a newer head: its approvals no longer count. */
	void replace(UUID id, KeyBookDraft draft) {
		this.jdbc.update("delete from key_book_approval where draft_id = ?", id);
		this.jdbc.update("update key_book_draft set sequence = ?, bytes = ? where id = ?", (int) draft.sequence(),
				draft.toBytes(), id);
	}

	void delete(UUID id) {
		this.jdbc.update("delete from key_book_draft where id = ?", id);
	}

	Optional<Row> find(UUID organisationId, UUID id) {
		return this.jdbc.query(SELECT + " where organisation_id = ? and id = ?", Drafts::map, organisationId, id)
			.stream()
			.findFirst();
	}

	List<Row> of(UUID book) {
		return this.jdbc.query(SELECT + " where book = ? order by proposed_on, id", Drafts::map, book);
	}

	boolean existsFor(UUID book, UUID subject) {
		return Boolean.TRUE.equals(
				this.jdbc.queryForObject("select exists (select 1 from key_book_draft where book = ? and subject = ?)",
						Boolean.class, book, subject));
	}

	void approve(UUID draftId, KeyBookApproval approval) {
		this.jdbc.update("insert into key_book_approval (draft_id, signer_id, signature) values (?, ?, ?)", draftId,
				approval.signerId(), approval.signature());
	}

	List<KeyBookApproval> approvals(UUID draftId) {
		return this.jdbc.query(
				"select signer_id, signature from key_book_approval where draft_id = ? order by signer_id",
				(rs, n) -> approval(rs.getObject(1, UUID.class), rs.getBytes(2)), draftId);
	}

	private static KeyBookApproval approval(UUID signer, byte[] signature) {
		try {
			return KeyBookApproval.of(signer, signature);
		}
		catch (CryptoException ex) {
			throw new IllegalStateException("A stored approval is malformed", ex);
		}
	}

	private static final String SELECT = "select id, organisation_id, book, bytes, subject, proposed_by, proposed_on from key_book_draft";

	private static Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		try {
			return new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
					KeyBookDraft.parse(rs.getBytes(4)), rs.getObject(5, UUID.class), rs.getString(6),
					rs.getObject(7, LocalDate.class));
		}
		catch (CryptoException ex) {
			throw new IllegalStateException("A stored key-book draft is malformed", ex);
		}
	}

}

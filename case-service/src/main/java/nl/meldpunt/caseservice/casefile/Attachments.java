package nl.meldpunt.caseservice.casefile;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import nl.meldpunt.caseservice.casefile.CaseView.Attachment;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.SealedItem;

/**
 * Encrypted attachments: a sealed meta item (file name, type) and numbered sealed chunks,
 * uploaded in any order.
 */
@Repository
class Attachments {

	/** Allowance per chunk for nonce and tag on top of the plaintext bytes. */
	static final int CHUNK_OVERHEAD = 64;

	private final JdbcTemplate jdbc;

	Attachments(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void create(UUID organisationId, Attachment attachment) {
		this.jdbc.update(
				"insert into attachment (id, case_id, organisation_id, author, meta_ciphertext, chunk_count, total_bytes, created_on, epoch)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				attachment.attachmentId(), attachment.caseId(), organisationId, attachment.author().name(),
				attachment.metaCiphertext().toBytes(), attachment.chunkCount(), attachment.totalBytes(),
				Date.valueOf(attachment.createdOn()), attachment.epoch());
	}

	int countOf(UUID caseId) {
		return this.jdbc.queryForObject("select count(*) from attachment where case_id = ?", Integer.class, caseId);
	}

	Optional<Attachment> find(UUID caseId, UUID attachmentId) {
		return this.jdbc.query(SELECT + " where case_id = ? and id = ?", Attachments::map, caseId, attachmentId)
			.stream()
			.findFirst();
	}

	List<Attachment> of(UUID caseId) {
		return this.jdbc.query(SELECT + " where case_id = ? order by created_on, id", Attachments::map, caseId);
	}

	/**
	 * Stores chunk {@code n}; the same bytes again are accepted, different ones refused,
	 * and the chunks together may not outgrow the announced size.
	 */
	void putChunk(UUID organisationId, Attachment attachment, int n, SealedItem bytes) {
		Long stored = this.jdbc.queryForObject(
				"select coalesce(sum(length(bytes)), 0) from attachment_chunk where attachment_id = ? and n <> ?",
				Long.class, attachment.attachmentId(), n);
		long limit = attachment.totalBytes() + (long) attachment.chunkCount() * CHUNK_OVERHEAD;
		if (stored + bytes.length() > limit) {
			throw new Refusal(Problem.ATTACHMENT_TOO_LARGE,
					"The chunks are larger than the attachment's announced size.");
		}
		int inserted = this.jdbc.update(
				"insert into attachment_chunk (attachment_id, organisation_id, n, bytes) values (?, ?, ?, ?) on conflict do nothing",
				attachment.attachmentId(), organisationId, n, bytes.toBytes());
		if (inserted == 0 && !chunk(attachment.attachmentId(), n).map(bytes::equals).orElse(false)) {
			throw new Refusal(Problem.CHUNK_CONFLICT, "This chunk was already uploaded with other bytes.");
		}
	}

	Optional<SealedItem> chunk(UUID attachmentId, int n) {
		return this.jdbc
			.query("select bytes from attachment_chunk where attachment_id = ? and n = ?",
					(rs, row) -> Stored.item(rs.getBytes(1)), attachmentId, n)
			.stream()
			.findFirst();
	}

	private static final String SELECT = "select id, case_id, author, meta_ciphertext, chunk_count, total_bytes, created_on, epoch from attachment";

	private static Attachment map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Attachment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Author.valueOf(rs.getString(3)),
				Stored.item(rs.getBytes(4)), rs.getInt(5), rs.getLong(6), rs.getObject(7, LocalDate.class),
				rs.getInt(8));
	}

}

package nl.meldpunt.caseservice.keybook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The stored entries of every key book, append-only. A book is named by the
 * organisation's id (its own book) or a hotline's id (that hotline's book).
 */
@Repository
class BookEntries {

	/**
	 * What a book holds now, in one value: its number of entries and a SHA-256 over every
	 * entry (sequence, length, bytes). It tells whether a cached verification still
	 * holds; any change to any stored entry changes it.
	 */
	record Stored(int count, byte[] digest) {
	}

	private final JdbcTemplate jdbc;

	BookEntries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Stored> stored(UUID organisationId, UUID book) {
		return this.jdbc
			.query("select count(*), sha256(string_agg(int4send(sequence) || int4send(length(bytes)) || bytes,"
					+ " ''::bytea order by sequence)) from key_book_entry where book = ? and organisation_id = ?",
					(rs, n) -> new Stored(rs.getInt(1), rs.getBytes(2)), book, organisationId)
			.stream()
			.filter((stored) -> stored.count() > 0)
			.findFirst();
	}

	List<byte[]> all(UUID organisationId, UUID book) {
		return this.jdbc.query(
				"select bytes from key_book_entry where book = ? and organisation_id = ? order by sequence",
				(rs, n) -> rs.getBytes(1), book, organisationId);
	}

	/** The hotlines of an organisation that have a book of their own. */
	List<UUID> hotlineBooks(UUID organisationId) {
		return this.jdbc.queryForList(
				"select distinct book from key_book_entry where organisation_id = ? and book <> organisation_id",
				UUID.class, organisationId);
	}

	/**
	 * The SHA-256 (hex) of every stored entry of an organisation's books (null: of every
	 * organisation), by book and sequence.
	 */
	Map<String, String> digests(UUID organisationId) {
		Map<String, String> digests = new HashMap<>();
		String where = (organisationId != null) ? " where organisation_id = ?" : "";
		Object[] args = (organisationId != null) ? new Object[] { organisationId } : new Object[0];
		this.jdbc.query("select book, sequence, encode(sha256(bytes), 'hex') from key_book_entry" + where,
				(RowCallbackHandler) (rs) -> digests.put(rs.getString(1) + "/" + rs.getInt(2), rs.getString(3)), args);
		return digests;
	}

	/** Appends one entry; a second append at the same place fails on the primary key. */
	void append(UUID organisationId, UUID book, long sequence, byte[] entry) {
		this.jdbc.update("insert into key_book_entry (organisation_id, book, sequence, bytes) values (?, ?, ?, ?)",
				organisationId, book, (int) sequence, entry);
	}

	/** Serialises every change of one book until the transaction ends. */
	void lock(UUID book) {
		this.jdbc.query("select pg_advisory_xact_lock(?)", (RowCallbackHandler) (rs) -> {
		}, book.getMostSignificantBits() ^ book.getLeastSignificantBits());
	}

}

package nl.meldpunt.caseservice.casefile;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import nl.meldpunt.caseservice.casefile.CaseView.Item;
import nl.meldpunt.crypto.KeyPurpose;

/** The encrypted items of cases: the report, messages and internal notes. */
@Repository
class CaseItems {

	private final JdbcTemplate jdbc;

	CaseItems(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void store(UUID organisationId, Item item) {
		this.jdbc.update(
				"insert into case_item (id, case_id, organisation_id, kind, author, author_account_id, created_on, purpose, epoch, ciphertext)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				item.itemId(), item.caseId(), organisationId, item.kind().name(), item.author().name(),
				item.authorAccountId(), Date.valueOf(item.createdOn()), item.key().purpose().name(), item.key().epoch(),
				item.ciphertext().toBytes());
	}

	Optional<Item> find(UUID itemId) {
		return this.jdbc.query(SELECT + " where id = ?", CaseItems::map, itemId).stream().findFirst();
	}

	/**
	 * The case's items in the order they were written, notes included only when asked.
	 */
	List<Item> of(UUID caseId, boolean withNotes) {
		return this.jdbc.query(
				SELECT + " where case_id = ?" + (withNotes ? "" : " and kind <> 'NOTE'") + " order by seq",
				CaseItems::map, caseId);
	}

	private static final String SELECT = "select id, case_id, kind, author, author_account_id, created_on, purpose, epoch, ciphertext from case_item";

	private static Item map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Item(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), ItemKind.valueOf(rs.getString(3)),
				Author.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), rs.getObject(6, LocalDate.class),
				new KeyRef(KeyPurpose.valueOf(rs.getString(7)), rs.getInt(8)), Stored.item(rs.getBytes(9)));
	}

}

package nl.meldpunt.caseservice.casefile;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * How much of what the reporter sent each recipient account has seen: a count, never a
 * time, so the inbox can mark a case as having news from the reporter without ordering
 * the reporter's actions any finer than the items already are.
 */
@Repository
class Readings {

	/** The reporter's items and attachments of case {@code c}, as SQL. */
	static final String REPORTER_ITEMS = "((select count(*) from case_item ri where ri.case_id = c.id and ri.author = 'REPORTER')"
			+ " + (select count(*) from attachment ra where ra.case_id = c.id and ra.author = 'REPORTER'))";

	/** What account {@code ?} has not yet seen of case {@code c}, as SQL. */
	static final String UNSEEN = "(" + REPORTER_ITEMS
			+ " - coalesce((select r.reporter_items_seen from case_reading r where r.case_id = c.id and r.account_id = ?), 0))";

	private final JdbcTemplate jdbc;

	Readings(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The account has now seen everything the reporter sent in the case. */
	void seen(UUID caseId, UUID accountId) {
		this.jdbc.update("insert into case_reading (case_id, organisation_id, account_id, reporter_items_seen)"
				+ " select c.id, c.organisation_id, ?, " + REPORTER_ITEMS + " from case_file c where c.id = ?"
				+ " on conflict (case_id, account_id) do update set reporter_items_seen = excluded.reporter_items_seen",
				accountId, caseId);
	}

}

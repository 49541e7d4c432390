package nl.meldpunt.caseservice.casefile;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Advisers the reporter excluded from a case: they never become its recipients. */
@Repository
class Exclusions {

	private final JdbcTemplate jdbc;

	Exclusions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void store(UUID organisationId, UUID caseId, List<UUID> accountIds) {
		this.jdbc.batchUpdate("insert into case_exclusion (case_id, organisation_id, account_id) values (?, ?, ?)",
				accountIds, accountIds.size(), (statement, accountId) -> {
					statement.setObject(1, caseId);
					statement.setObject(2, organisationId);
					statement.setObject(3, accountId);
				});
	}

	Set<UUID> of(UUID caseId) {
		return new HashSet<>(
				this.jdbc.queryForList("select account_id from case_exclusion where case_id = ?", UUID.class, caseId));
	}

}

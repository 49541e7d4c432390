package nl.meldpunt.caseservice.retention;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.Fixtures.Org;
import nl.meldpunt.caseservice.casefile.CaseDeleted;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@RecordApplicationEvents
class RetentionIntegrationTest {

	@Autowired
	Retention retention;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	@Autowired
	ApplicationEvents events;

	@Test
	void closedCaseWhenRetentionPassedThenRowsAndEnvelopesGoneAndCaseDeletedPublished() {
		Fixtures fixtures = new Fixtures(this.jdbc, this.setup);
		Org org = fixtures.organisation(1);
		UUID expired = closed(fixtures, org, LocalDate.now().minusMonths(24).minusDays(1));
		UUID kept = closed(fixtures, org, LocalDate.now().minusMonths(23));
		UUID open = fixtures.caseRow(org, org.advisers(), "IN_CONSULTATION", LocalDate.now().minusYears(3));
		this.retention.run();
		assertThat(count("case_file", "id", expired)).isZero();
		assertThat(count("key_envelope", "case_id", expired)).isZero();
		assertThat(count("timeline_entry", "case_id", expired)).isZero();
		assertThat(count("case_file", "id", kept)).isEqualTo(1);
		assertThat(count("case_file", "id", open)).isEqualTo(1);
		assertThat(this.events.stream(CaseDeleted.class)).contains(new CaseDeleted(org.id(), expired));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where case_id = ? and action = 'CASE_DELETED'", Integer.class,
				expired))
			.isEqualTo(1);
	}

	@Test
	void retentionWhenOrganisationKeepsShorterThenDeletedSooner() {
		Fixtures fixtures = new Fixtures(this.jdbc, this.setup);
		Org org = fixtures.organisation(1);
		this.jdbc.update("update organisation set retention_months = 6 where id = ?", org.id());
		UUID expired = closed(fixtures, org, LocalDate.now().minusMonths(7));
		this.retention.run();
		assertThat(count("case_file", "id", expired)).isZero();
	}

	private UUID closed(Fixtures fixtures, Org org, LocalDate closedOn) {
		UUID id = fixtures.caseRow(org, org.advisers(), "CLOSED", closedOn.minusMonths(2));
		this.jdbc.update("update case_file set closed_on = ? where id = ?", closedOn, id);
		return id;
	}

	private int count(String table, String column, UUID id) {
		return this.jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Integer.class,
				id);
	}

}

package nl.meldpunt.caseservice.statistics;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import nl.meldpunt.caseservice.accounts.Role;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;
import nl.meldpunt.caseservice.organisations.OrganisationUnits;

/**
 * What the statistics integration tests share: the service with MockMvc, the events the
 * case file publishes (sent in a transaction, as the intake sends them), organisations
 * with units, the publisher, and a staff member signed in.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class StatisticsWiring {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	OrganisationSetup setup;

	@Autowired
	OrganisationUnits units;

	@Autowired
	StatisticsPublisher statistics;

	RequestPostProcessor as(UUID organisation, Role role) {
		return StaffSignIn.as(this.jdbc, organisation, role);
	}

}

package nl.meldpunt.caseservice.accounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.meldpunt.caseservice.organisations.OrganisationSetup;

/**
 * What the account tests over real HTTP share: the running service on a random port, its
 * database, organisations and enrolments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class StaffOverHttp {

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	@Autowired
	Enrolments enrolments;

}

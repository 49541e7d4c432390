package nl.meldpunt.caseservice;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseServiceApplicationIntegrationTest {

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void healthWhenDatabaseIsUpThenUp() {
		String body = this.http.getForObject("/actuator/health", String.class);
		assertThat(body).contains("\"status\":\"UP\"");
	}

	@Autowired
	org.springframework.context.ApplicationContext context;

	/**
	 * Without a UserDetailsService of our own, Spring Boot makes a default user and
	 * prints its generated password into the log at every start.
	 */
	@Test
	void contextWhenStartedThenNoGeneratedDefaultUserWhosePasswordWouldBeLogged() {
		assertThat(this.context
			.getBeanNamesForType(org.springframework.security.core.userdetails.UserDetailsService.class)).isEmpty();
	}

	@Test
	void databaseWhenStartedThenIsRealPostgresMigratedByFlyway() {
		String version = this.jdbc.queryForObject("select version()", String.class);
		assertThat(version).startsWith("PostgreSQL");
		Integer applied = this.jdbc.queryForObject(
				"select count(*) from flyway_schema_history where success and version = '1'", Integer.class);
		assertThat(applied).isEqualTo(1);
	}

}

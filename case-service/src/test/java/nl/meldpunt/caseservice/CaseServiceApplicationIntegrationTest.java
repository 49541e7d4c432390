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

	/**
	 * Sealed bytes never compress: ciphertexts and attachment chunks are stored without
	 * compression attempts, and a report of up to about 8 kB stays in its row (V74).
	 */
	@Test
	void databaseWhenMigratedThenSealedBytesAreStoredUncompressedAndReportsInTheirRow() {
		String storage = """
				select attstorage from pg_attribute
				where attrelid = ?::regclass and attname = ? and not attisdropped
				""";
		assertThat(this.jdbc.queryForObject(storage, String.class, "case_item", "ciphertext")).isEqualTo("e");
		assertThat(this.jdbc.queryForObject(storage, String.class, "attachment_chunk", "bytes")).isEqualTo("e");
		assertThat(this.jdbc.queryForList("select unnest(reloptions) from pg_class where oid = 'case_item'::regclass",
				String.class))
			.contains("toast_tuple_target=8160");
	}

}

package nl.meldpunt.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL of the whole running system, probed the way an attacker on the
 * same host (a compromised portal, another local user) or a careless operator would:
 * without a password, as the application role trying to run a program on the server, and
 * reading whether durability is on.
 */
class DatabaseLockdownIntegrationTest {

	@Test
	void databaseWhenEnteredAsPostgresWithoutPasswordThenRefused() {
		MeldpuntSystem system = TestSystem.get();
		String url = system.database().url();
		assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
			.isInstanceOf(SQLException.class)
			.satisfies((ex) -> assertThat(((SQLException) ex).getSQLState()).isIn("28P01", "08004"));
		assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close())
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("password authentication failed");
		assertThatThrownBy(() -> DriverManager.getConnection(url, "meldpunt", "wrong").close())
			.hasMessageContaining("password authentication failed");
	}

	@Test
	void applicationRoleWhenRunningAProgramOrMakingRolesThenRefused() throws Exception {
		MeldpuntSystem system = TestSystem.get();
		try (Connection connection = connect(system.database()); Statement statement = connection.createStatement()) {
			assertThat(query(statement,
					"SELECT rolsuper::text || ',' || rolcreaterole::text || ','"
							+ " || rolcreatedb::text FROM pg_roles WHERE rolname = current_user"))
				.isEqualTo("false,false,false");
			assertThat(query(statement, "SELECT pg_has_role(current_user, 'pg_execute_server_program', 'MEMBER')"))
				.isEqualTo("f");
			assertThatThrownBy(() -> statement.execute("COPY (SELECT 1) TO PROGRAM 'id'"))
				.isInstanceOf(SQLException.class)
				.satisfies((ex) -> assertThat(((SQLException) ex).getSQLState()).isEqualTo("42501"));
			assertThatThrownBy(() -> statement.execute("CREATE ROLE intruder LOGIN SUPERUSER"))
				.satisfies((ex) -> assertThat(((SQLException) ex).getSQLState()).isEqualTo("42501"));
			assertThatThrownBy(() -> statement.execute("COPY (SELECT 1) TO '/tmp/meldpunt-probe'"))
				.satisfies((ex) -> assertThat(((SQLException) ex).getSQLState()).isEqualTo("42501"));
			// the application role owns its schema: it can do its own work
			assertThat(query(statement, "SELECT tableowner FROM pg_tables WHERE tablename = 'case_file'"))
				.isEqualTo("meldpunt");
		}
	}

	@Test
	void databaseWhenAskedThenDurableAndOnLoopbackOnly() throws Exception {
		MeldpuntSystem system = TestSystem.get();
		try (Connection connection = connect(system.database()); Statement statement = connection.createStatement()) {
			assertThat(query(statement, "SHOW fsync")).isEqualTo("on");
			assertThat(query(statement, "SHOW synchronous_commit")).isEqualTo("on");
			assertThat(query(statement, "SHOW full_page_writes")).isEqualTo("on");
			assertThat(query(statement, "SHOW password_encryption")).isEqualTo("scram-sha-256");
		}
		try (Connection connection = connect(system.databaseSuperuser().orElseThrow());
				Statement statement = connection.createStatement()) {
			assertThat(query(statement, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
			assertThat(query(statement, "SHOW unix_socket_directories")).isEmpty();
			assertThat(query(statement, "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256'"))
				.isEqualTo("0");
		}
		Path data = system.dataDirectory();
		assertThat(mode(data)).isEqualTo("rwx------");
		assertThat(mode(data.resolve("postgres"))).isEqualTo("rwx------");
		assertThat(mode(data.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE))).isEqualTo("rw-------");
		assertThat(mode(data.resolve(EmbeddedDatabase.PASSWORD_FILE))).isEqualTo("rw-------");
		assertThat(mode(data.resolve(Secrets.INTERNAL_SECRET))).isEqualTo("rw-------");
		try (var logs = Files.walk(data.resolve("logs"))) {
			assertThat(logs.filter(Files::isRegularFile).map(DatabaseLockdownIntegrationTest::mode)).isNotEmpty()
				.containsOnly("rw-------");
		}
	}

	static Connection connect(LaunchSettings.ExternalDatabase database) throws SQLException {
		return DriverManager.getConnection(database.url(), database.user(), database.password());
	}

	static String query(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			return result.next() ? result.getString(1) : null;
		}
	}

	static String mode(Path path) {
		try {
			return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}

package nl.meldpunt.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static nl.meldpunt.ops.DatabaseLockdownIntegrationTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database's lifecycle without the applications: a folder made by the
 * earlier launcher is upgraded, and a PostgreSQL left running by a launcher that died is
 * found and stopped.
 */
class EmbeddedDatabaseIntegrationTest {

	@TempDir
	Path temp;

	@Test
	void folderWhenMadeByTheEarlierLauncherThenUpgradedOnFirstStartWithItsDataKept() throws Exception {
		Path data = this.temp.resolve("data");
		// exactly what the earlier launcher did: zonky's defaults, trust for everyone
		try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
			.setDataDirectory(data.resolve("postgres"))
			.setCleanDataDirectory(false)
			.start();
				Connection connection = earlier.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE meldpunt");
			try (Connection app = DriverManager.getConnection(earlier.getJdbcUrl("postgres", "meldpunt"));
					Statement appStatement = app.createStatement()) {
				appStatement.execute("CREATE TABLE case_file (id int GENERATED ALWAYS AS IDENTITY, marker text)");
				appStatement.execute("INSERT INTO case_file (marker) VALUES ('kept')");
			}
		}
		List<String> said = new ArrayList<>();
		try (EmbeddedDatabase database = EmbeddedDatabase.prepare(data, said::add)) {
			database.start();
			assertThat(said).singleElement().asString().startsWith("Upgraded the database made by an earlier Meldpunt");
			String url = database.connection().url();
			assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
				.isInstanceOf(SQLException.class);
			try (Connection app = DatabaseLockdownIntegrationTest.connect(database.connection());
					Statement statement = app.createStatement()) {
				assertThat(query(statement, "SELECT marker FROM case_file")).isEqualTo("kept");
				assertThat(query(statement, "SELECT tableowner FROM pg_tables WHERE tablename = 'case_file'"))
					.isEqualTo("meldpunt");
				statement.execute("INSERT INTO case_file (marker) VALUES ('new')");
				assertThat(query(statement, "SHOW fsync")).isEqualTo("on");
			}
			assertThat(Files.readString(data.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
		}
		// the second start is an ordinary one
		said.clear();
		try (EmbeddedDatabase database = EmbeddedDatabase.prepare(data, said::add)) {
			database.start();
			assertThat(said).isEmpty();
		}
	}

	@Test
	void postmasterWhenLeftRunningByADeadLauncherThenFoundAndStoppedCleanly() throws Exception {
		Path data = this.temp.resolve("data");
		EmbeddedDatabase abandoned = EmbeddedDatabase.prepare(data, (line) -> {
		});
		abandoned.start();
		long pid = abandoned.postmaster().orElseThrow().pid();
		// the launcher "dies": nobody closes the database

		List<String> said = new ArrayList<>();
		try (DataFolder folder = DataFolder.take(data)) {
			DataFolder.stopLeftovers(data, said::add);
		}
		assertThat(said).containsExactly("Found PostgreSQL (pid " + pid
				+ ") still running from a launcher that ended without stopping it; stopped it cleanly.");
		assertThat(ProcessHandle.of(pid).filter(Processes::isRunning)).isEmpty();
		assertThat(data.resolve("postgres/postmaster.pid")).as("a clean shutdown removes it").doesNotExist();

		try (EmbeddedDatabase again = EmbeddedDatabase.prepare(data, (line) -> {
		})) {
			again.start();
			assertThat(again.isRunning()).isTrue();
		}
	}

	@Test
	void folderWhenAnotherLauncherHoldsItThenOneSentence() {
		Path data = this.temp.resolve("data");
		try (DataFolder first = DataFolder.take(data)) {
			assertThatThrownBy(() -> DataFolder.take(data)).isInstanceOf(LaunchFailure.class)
				.hasMessage("Another Meldpunt is running on the data folder " + data
						+ ": stop it first, or choose another folder with --data DIR.");
		}
	}

}

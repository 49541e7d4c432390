package nl.meldpunt.ops;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL started from the binaries that Maven brought along, its data kept in
 * {@code <data>/postgres} so that everything survives a restart. It listens on the
 * loopback interface only.
 */
final class EmbeddedDatabase implements AutoCloseable {

	static final String DATABASE = "meldpunt";

	static final String USER = "postgres";

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedDatabase start(Path dataDirectory) {
		Path directory = dataDirectory.resolve("postgres");
		EmbeddedPostgres postgres;
		try {
			postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
		}
		catch (IOException | RuntimeException ex) {
			throw new LaunchFailure("The embedded PostgreSQL did not start in " + directory
					+ ": is another Meldpunt using this data folder? Stop it, or choose another folder with --data DIR.",
					ex);
		}
		EmbeddedDatabase database = new EmbeddedDatabase(postgres);
		database.createApplicationDatabase();
		return database;
	}

	LaunchSettings.ExternalDatabase connection() {
		return new LaunchSettings.ExternalDatabase(this.postgres.getJdbcUrl(USER, DATABASE), USER, "");
	}

	int port() {
		return this.postgres.getPort();
	}

	private void createApplicationDatabase() {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet exists = statement
				.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (exists.next()) {
					return;
				}
			}
			statement.execute("create database " + DATABASE);
		}
		catch (SQLException ex) {
			throw new LaunchFailure("The embedded PostgreSQL started but refused to create the database '" + DATABASE
					+ "' (" + ex.getMessage() + ").", ex);
		}
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new LaunchFailure("The embedded PostgreSQL did not stop cleanly: " + ex.getMessage(), ex);
		}
	}

}

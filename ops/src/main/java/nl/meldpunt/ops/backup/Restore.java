package nl.meldpunt.ops.backup;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import nl.meldpunt.ops.LaunchFailure;
import nl.meldpunt.ops.LaunchSettings;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Puts a {@link Backup} back into an empty database, in one transaction: the case
 * service's own migrations up to the backup's schema version (read from its jar), the
 * Flyway history, every table's rows, the sequences. Nothing is written unless the whole
 * file checks out first (its SHA-256, its format, a schema version this Meldpunt knows),
 * and any failure after that rolls everything back: the database is then as empty as
 * before. The case service migrates a restored older schema forward on its next start.
 */
public final class Restore {

	/**
	 * What a restore put back.
	 *
	 * @param schemaVersion the backup's schema version
	 * @param tables how many tables
	 * @param rows how many rows
	 * @param took how long it took
	 */
	public record Summary(String schemaVersion, int tables, long rows, Duration took) {
	}

	private Restore() {
	}

	/**
	 * Checks the file without touching any database; says in one sentence what is wrong.
	 */
	public static String check(Path file, Path caseServiceJar) {
		Header header = verify(file);
		SchemaVersion newest = Migrations.in(caseServiceJar).newest();
		if (header.version().isNewerThan(newest)) {
			throw new LaunchFailure(
					"The backup " + file + " has schema version " + header.version() + ", newer than this Meldpunt's "
							+ newest + ": restore it with the Meldpunt version that made it, or a newer one.");
		}
		return header.version().text();
	}

	/** Restores the file into the database, which must be empty. */
	public static Summary into(LaunchSettings.ExternalDatabase database, Path file, Path caseServiceJar) {
		long started = System.nanoTime();
		check(file, caseServiceJar);
		Migrations migrations = Migrations.in(caseServiceJar);
		try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
				database.password())) {
			connection.setAutoCommit(false);
			try (InputStream in = Files.newInputStream(file)) {
				DataInputStream data = new DataInputStream(
						new BufferedInputStream(limited(in, Files.size(file) - 32), 1 << 16));
				Header header = Header.read(data, file);
				refuseNonEmpty(connection);
				try (Statement statement = connection.createStatement()) {
					for (Migrations.Migration migration : migrations.upTo(header.version())) {
						statement.execute(migration.sql());
					}
					statement.execute(HISTORY_TABLE);
				}
				Summary summary = load(connection, data, header);
				connection.commit();
				return new Summary(summary.schemaVersion(), summary.tables(), summary.rows(),
						Duration.ofNanos(System.nanoTime() - started));
			}
			catch (SQLException | IOException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new LaunchFailure("The restore failed and was rolled back, the database is unchanged: "
					+ Backup.firstLine(ex.getMessage()) + ".", ex);
		}
		catch (IOException ex) {
			throw new LaunchFailure("The restore could not read " + file + " (" + ex.getMessage()
					+ ") and was rolled back; the database is unchanged.", ex);
		}
	}

	private static Summary load(Connection connection, DataInputStream data, Header header)
			throws SQLException, IOException {
		PGConnection pg = connection.unwrap(PGConnection.class);
		int tables = 0;
		long rows = 0;
		while (true) {
			int section = data.readUnsignedByte();
			if (section == 'E') {
				return new Summary(header.version().text(), tables, rows, Duration.ZERO);
			}
			if (section == 'T') {
				String table = data.readUTF();
				List<String> columns = new ArrayList<>();
				for (int i = data.readInt(); i > 0; i--) {
					columns.add(data.readUTF());
				}
				CopyIn copy = pg.getCopyAPI()
					.copyIn("COPY " + Backup.quote(table) + " (" + Backup.quoted(columns)
							+ ") FROM STDIN (FORMAT binary)");
				try {
					byte[] buffer = new byte[1 << 16];
					for (int length = data.readInt(); length != 0; length = data.readInt()) {
						if (length < 0 || length > (1 << 30)) {
							throw new IOException("a damaged section in table " + table);
						}
						if (buffer.length < length) {
							buffer = new byte[length];
						}
						data.readFully(buffer, 0, length);
						copy.writeToCopy(buffer, 0, length);
					}
					long loaded = copy.endCopy();
					long expected = data.readLong();
					if (loaded != expected) {
						throw new IOException(table + " has " + loaded + " rows instead of " + expected);
					}
					rows += loaded;
					tables++;
				}
				finally {
					if (copy.isActive()) {
						copy.cancelCopy();
					}
				}
			}
			else if (section == 'S') {
				String sequence = data.readUTF();
				long value = data.readLong();
				boolean called = data.readBoolean();
				try (PreparedStatement setval = connection.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
					setval.setString(1, Backup.quote(sequence));
					setval.setLong(2, value);
					setval.setBoolean(3, called);
					setval.execute();
				}
			}
			else {
				throw new IOException("an unknown section (" + section + ")");
			}
		}
	}

	private static void refuseNonEmpty(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet found = statement.executeQuery("SELECT count(*), current_schema() FROM pg_class c"
						+ " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
						+ " AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')")) {
			found.next();
			if (found.getLong(1) > 0) {
				throw new LaunchFailure("The target database is not empty (" + found.getLong(1) + " tables and"
						+ " sequences in schema " + found.getString(2)
						+ "): restore only into a new data folder or an empty database; nothing was changed.");
			}
		}
	}

	/**
	 * Reads the whole file once and compares its SHA-256 with the one at its end, before
	 * anything is written anywhere.
	 */
	static Header verify(Path file) {
		try {
			long size = Files.size(file);
			try (InputStream in = Files.newInputStream(file)) {
				byte[] magic = in.readNBytes(Backup.MAGIC.length);
				if (!Arrays.equals(magic, Backup.MAGIC)) {
					throw new LaunchFailure("The file " + file + " is not a Meldpunt backup.");
				}
			}
			if (size < Backup.MAGIC.length + 32) {
				throw damaged(file);
			}
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] expected;
			try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
				byte[] buffer = new byte[1 << 16];
				long left = size - 32;
				while (left > 0) {
					int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
					if (read < 0) {
						throw damaged(file);
					}
					sha256.update(buffer, 0, read);
					left -= read;
				}
				expected = in.readNBytes(32);
			}
			if (!MessageDigest.isEqual(sha256.digest(), expected)) {
				throw damaged(file);
			}
			try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
				return Header.read(in, file);
			}
		}
		catch (NoSuchFileException ex) {
			throw new LaunchFailure("There is no backup file " + file + ".");
		}
		catch (IOException ex) {
			throw new LaunchFailure("The backup " + file + " cannot be read (" + ex.getMessage() + ").", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static LaunchFailure damaged(Path file) {
		return new LaunchFailure("The backup " + file
				+ " is damaged or incomplete (its checksum does not match its content): nothing was restored; use another copy.");
	}

	/**
	 * The Flyway history table as Flyway creates it for PostgreSQL; its rows come from
	 * the backup.
	 */
	private static final String HISTORY_TABLE = """
			CREATE TABLE flyway_schema_history (
			    installed_rank INT NOT NULL,
			    version VARCHAR(50),
			    description VARCHAR(200) NOT NULL,
			    type VARCHAR(20) NOT NULL,
			    script VARCHAR(1000) NOT NULL,
			    checksum INTEGER,
			    installed_by VARCHAR(100) NOT NULL,
			    installed_on TIMESTAMP NOT NULL DEFAULT now(),
			    execution_time INTEGER NOT NULL,
			    success BOOLEAN NOT NULL,
			    CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank)
			);
			CREATE INDEX flyway_schema_history_s_idx ON flyway_schema_history (success)""";

	private static InputStream limited(InputStream in, long limit) {
		return new java.io.FilterInputStream(in) {

			private long left = limit;

			@Override
			public int read() throws IOException {
				if (this.left <= 0) {
					throw new EOFException();
				}
				this.left--;
				return super.read();
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				if (this.left <= 0) {
					return -1;
				}
				int read = super.read(b, off, (int) Math.min(len, this.left));
				if (read > 0) {
					this.left -= read;
				}
				return read;
			}

		};
	}

	/**
	 * The start of a backup file.
	 *
	 * @param version its schema version
	 * @param madeOn the day it was made
	 */
	record Header(SchemaVersion version, String madeOn) {

		static Header read(DataInputStream in, Path file) throws IOException {
			byte[] magic = in.readNBytes(Backup.MAGIC.length);
			if (!Arrays.equals(magic, Backup.MAGIC)) {
				throw new LaunchFailure("The file " + file + " is not a Meldpunt backup.");
			}
			int format = in.readInt();
			if (format != Backup.FORMAT) {
				throw new LaunchFailure("The backup " + file + " has format " + format + ", which this Meldpunt"
						+ " does not know: restore it with the Meldpunt version that made it, or a newer one.");
			}
			try {
				return new Header(new SchemaVersion(in.readUTF()), in.readUTF());
			}
			catch (IllegalArgumentException ex) {
				throw new LaunchFailure("The backup " + file + " names no valid schema version.");
			}
		}

	}

}

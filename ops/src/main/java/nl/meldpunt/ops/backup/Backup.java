package nl.meldpunt.ops.backup;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.meldpunt.ops.LaunchFailure;
import nl.meldpunt.ops.LaunchSettings;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * One consistent snapshot of the Meldpunt database in one file: every table of the schema
 * read in one {@code REPEATABLE READ} transaction (so filings that arrive meanwhile are
 * either wholly in it or wholly not), through PostgreSQL's binary {@code COPY}, with the
 * schema version and the sequences' positions, and a SHA-256 of everything at its end. It
 * works the same for the embedded database and for any PostgreSQL the application role
 * can read; it needs no {@code pg_dump}.
 *
 * <p>
 * The file is written under a temporary name next to the target, flushed to disk, and
 * only then renamed: a full disk or a crash leaves no file under the final name. The
 * session tables' rows are left out (their tables are in the file): a restored system
 * signs everybody out, and a backup never carries a session that could be taken over.
 *
 * <p>
 * Layout ({@link java.io.DataOutputStream} primitives, big-endian): the magic
 * {@code MELDPUNT-BACKUP\n}, format {@code int 1}, schema version {@code UTF}, the day it
 * was made {@code UTF}, then sections: {@code 'T'} table name, column names ({@code int}
 * count, {@code UTF} each), the binary COPY stream in chunks ({@code int} length, bytes;
 * length 0 ends it) and the row count ({@code long}); {@code 'S'} sequence name, value
 * ({@code long}), called ({@code boolean}); {@code 'E'} the end; then the 32-byte SHA-256
 * of every byte before it.
 */
public final class Backup {

	static final byte[] MAGIC = "MELDPUNT-BACKUP\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	static final int FORMAT = 1;

	static final String HISTORY = "flyway_schema_history";

	/** Tables whose rows a backup leaves out: live sessions. */
	static final Set<String> TRANSIENT = Set.of("spring_session", "spring_session_attributes");

	/**
	 * What a backup holds.
	 *
	 * @param file the backup file
	 * @param schemaVersion the schema version of the database
	 * @param tables how many tables
	 * @param rows how many rows in all
	 * @param bytes the file's size
	 * @param took how long it took
	 */
	public record Summary(Path file, String schemaVersion, int tables, long rows, long bytes, Duration took) {
	}

	private Backup() {
	}

	/** Writes the snapshot to {@code target}, which must not exist yet. */
	public static Summary write(LaunchSettings.ExternalDatabase database, Path target) {
		long started = System.nanoTime();
		Path file = target.toAbsolutePath().normalize();
		if (Files.exists(file)) {
			throw new LaunchFailure(
					"The file " + file + " already exists: choose a new name (a backup never overwrites one).");
		}
		Path directory = file.getParent();
		if (directory == null || !Files.isDirectory(directory)) {
			throw new LaunchFailure("The folder " + directory + " does not exist: create it first.");
		}
		Path partial = directory.resolve("." + file.getFileName() + ".partial-" + UUID.randomUUID());
		try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
				database.password())) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			Summary summary;
			try (FileChannel channel = FileChannel.open(partial,
					EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
				MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
				OutputStream raw = Channels.newOutputStream(channel);
				DataOutputStream out = new DataOutputStream(
						new DigestOutputStream(new BufferedOutputStream(raw, 1 << 16), sha256));
				summary = snapshot(connection, out, file);
				out.flush();
				raw.write(sha256.digest());
				raw.flush();
				channel.force(true);
			}
			connection.rollback();
			Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
			forceDirectory(directory);
			return new Summary(file, summary.schemaVersion(), summary.tables(), summary.rows(), Files.size(file),
					Duration.ofNanos(System.nanoTime() - started));
		}
		catch (SQLException ex) {
			deleteQuietly(partial);
			throw new LaunchFailure("The backup failed because the database refused: " + firstLine(ex.getMessage())
					+ "; nothing was written to " + file + ".", ex);
		}
		catch (FileAlreadyExistsException ex) {
			deleteQuietly(partial);
			throw new LaunchFailure(
					"The file " + file + " already exists: choose a new name (a backup never overwrites one).");
		}
		catch (IOException ex) {
			deleteQuietly(partial);
			throw new LaunchFailure(diskTrouble(ex, directory) + "; nothing was written to " + file + ".", ex);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			deleteQuietly(partial);
			throw new IllegalStateException(ex);
		}
	}

	private static Summary snapshot(Connection connection, DataOutputStream out, Path file)
			throws SQLException, IOException {
		SchemaVersion version = schemaVersion(connection);
		out.write(MAGIC);
		out.writeInt(FORMAT);
		out.writeUTF(version.text());
		out.writeUTF(LocalDate.now(ZoneOffset.UTC).toString());
		CopyOutReader copy = new CopyOutReader(connection.unwrap(PGConnection.class));
		long rows = 0;
		List<String> tables = tablesInDependencyOrder(connection);
		for (String table : tables) {
			List<String> columns = columns(connection, table);
			out.writeByte('T');
			out.writeUTF(table);
			out.writeInt(columns.size());
			for (String column : columns) {
				out.writeUTF(column);
			}
			String select = TRANSIENT.contains(table)
					? "(SELECT " + quoted(columns) + " FROM " + quote(table) + " WHERE false)"
					: quote(table) + " (" + quoted(columns) + ")";
			long count = copy.copy("COPY " + select + " TO STDOUT (FORMAT binary)", out);
			out.writeInt(0);
			out.writeLong(count);
			rows += count;
		}
		try (Statement statement = connection.createStatement();
				ResultSet sequences = statement.executeQuery("SELECT sequencename, last_value FROM pg_sequences"
						+ " WHERE schemaname = current_schema() ORDER BY sequencename")) {
			while (sequences.next()) {
				long value = sequences.getLong(2);
				boolean called = !sequences.wasNull();
				out.writeByte('S');
				out.writeUTF(sequences.getString(1));
				out.writeLong(called ? value : 1);
				out.writeBoolean(called);
			}
		}
		out.writeByte('E');
		return new Summary(file, version.text(), tables.size(), rows, 0, Duration.ZERO);
	}

	/** The newest migration Flyway applied successfully. */
	static SchemaVersion schemaVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			try (ResultSet exists = statement.executeQuery("SELECT to_regclass('" + HISTORY + "') IS NOT NULL")) {
				exists.next();
				if (!exists.getBoolean(1)) {
					throw new LaunchFailure("The database has no Meldpunt schema yet (no " + HISTORY
							+ " table): start Meldpunt once, then back it up.");
				}
			}
			SchemaVersion newest = null;
			try (ResultSet versions = statement
				.executeQuery("SELECT version FROM " + HISTORY + " WHERE success AND version IS NOT NULL")) {
				while (versions.next()) {
					SchemaVersion version = new SchemaVersion(versions.getString(1));
					if (newest == null || version.isNewerThan(newest)) {
						newest = version;
					}
				}
			}
			if (newest == null) {
				throw new LaunchFailure(
						"The database's schema history is empty: start Meldpunt once, then back it up.");
			}
			return newest;
		}
	}

	/**
	 * The schema's tables, each after the tables its foreign keys point to, so that a
	 * restore can load them in file order with every constraint checked.
	 */
	private static List<String> tablesInDependencyOrder(Connection connection) throws SQLException {
		Map<String, Set<String>> parents = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement()) {
			try (ResultSet tables = statement.executeQuery("SELECT c.relname FROM pg_class c"
					+ " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
					+ " AND c.relkind = 'r' ORDER BY c.relname")) {
				while (tables.next()) {
					parents.put(tables.getString(1), new LinkedHashSet<>());
				}
			}
			try (ResultSet keys = statement.executeQuery("SELECT c.relname, p.relname FROM pg_constraint k"
					+ " JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid"
					+ " JOIN pg_namespace n ON n.oid = c.relnamespace"
					+ " WHERE k.contype = 'f' AND n.nspname = current_schema()")) {
				while (keys.next()) {
					if (!keys.getString(1).equals(keys.getString(2)) && parents.containsKey(keys.getString(1))) {
						parents.get(keys.getString(1)).add(keys.getString(2));
					}
				}
			}
		}
		List<String> ordered = new ArrayList<>();
		while (ordered.size() < parents.size()) {
			boolean progress = false;
			for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
				if (!ordered.contains(table.getKey()) && ordered.containsAll(table.getValue())) {
					ordered.add(table.getKey());
					progress = true;
				}
			}
			if (!progress) {
				throw new LaunchFailure("The schema's foreign keys form a cycle; this backup cannot order its tables.");
			}
		}
		return ordered;
	}

	static List<String> columns(Connection connection, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (var statement = connection.prepareStatement("SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass"
				+ " AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum")) {
			statement.setString(1, quote(table));
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					columns.add(result.getString(1));
				}
			}
		}
		return columns;
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	static String quoted(List<String> columns) {
		return String.join(", ", columns.stream().map(Backup::quote).toList());
	}

	/** Says a full disk plainly: the usual reason a backup cannot be written. */
	static String diskTrouble(IOException ex, Path directory) {
		String message = String.valueOf(ex.getMessage());
		if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
			return "The disk holding " + directory + " is full, so the backup could not be written";
		}
		return "The backup could not be written to " + directory + " (" + message + ")";
	}

	private static void forceDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// not every file system lets a folder be synced; the rename is done
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a temporary name, never mistaken for a backup
		}
	}

	static String firstLine(String message) {
		if (message == null) {
			return "no reason given";
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

	/** Streams one {@code COPY … TO STDOUT} into the file in length-prefixed chunks. */
	private record CopyOutReader(PGConnection connection) {

		long copy(String sql, DataOutputStream out) throws SQLException, IOException {
			CopyOut copy = this.connection.getCopyAPI().copyOut(sql);
			try {
				byte[] chunk;
				while ((chunk = copy.readFromCopy()) != null) {
					out.writeInt(chunk.length);
					out.write(chunk);
				}
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
			return copy.getHandledRowCount();
		}

	}

}

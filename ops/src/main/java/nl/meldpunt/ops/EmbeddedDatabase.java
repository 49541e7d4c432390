package nl.meldpunt.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.postgresql.PGConnection;

/**
 * A real PostgreSQL from the binaries that Maven brought along, run like a production
 * server: its data in {@code <data>/postgres} (mode 0700), {@code scram-sha-256} for
 * every connection, loopback TCP only (no Unix socket), {@code fsync} and
 * {@code synchronous_commit} on, its own log collector writing rotated, owner-only files
 * to {@code <data>/logs/postgres}. The superuser {@code postgres} has a generated
 * password ({@code <data>/postgres-superuser-password}, 0600); the applications connect
 * as the role {@code meldpunt}, which owns the database and its schema but is no
 * superuser, cannot create roles or databases and is in no predefined role such as
 * {@code pg_execute_server_program}.
 *
 * <p>
 * A data folder made by the earlier launcher (zonky's defaults: {@code trust} for
 * everyone, the applications as {@code postgres}) is upgraded on its first start: the
 * superuser gets a password (set in single-user mode, so that the server never listens
 * while it still trusts everyone), the authentication file is rewritten and the
 * application's tables change owner to {@code meldpunt}.
 */
final class EmbeddedDatabase implements AutoCloseable {

	static final String DATABASE = "meldpunt";

	static final String SUPERUSER = "postgres";

	static final String APPLICATION_ROLE = "meldpunt";

	static final String SUPERUSER_PASSWORD_FILE = "postgres-superuser-password";

	static final String PASSWORD_FILE = "postgres-password";

	static final String DIRECTORY = "postgres";

	private static final String MAJOR_VERSION = "18";

	private final PostgresBinaries binaries;

	private final Path directory;

	private final Path logDirectory;

	private final int port;

	private final String superuserPassword;

	private final String password;

	private final Consumer<String> console;

	private volatile ProcessHandle postmaster;

	private boolean provisioned;

	private EmbeddedDatabase(PostgresBinaries binaries, Path directory, Path logDirectory, int port,
			String superuserPassword, String password, Consumer<String> console) {
		this.binaries = binaries;
		this.directory = directory;
		this.logDirectory = logDirectory;
		this.port = port;
		this.superuserPassword = superuserPassword;
		this.password = password;
		this.console = console;
	}

	/**
	 * Makes the database folder ready to start: unpacks the binaries, runs {@code initdb}
	 * on a new folder or upgrades one made by the earlier launcher, writes the server's
	 * configuration. Starts nothing.
	 */
	static EmbeddedDatabase prepare(Path dataDirectory, Consumer<String> console) {
		Path directory = dataDirectory.resolve(DIRECTORY);
		Path logs = dataDirectory.resolve("logs").resolve("postgres");
		PostgresBinaries binaries = PostgresBinaries.unpackInto(binariesCache(dataDirectory));
		Path superuserFile = dataDirectory.resolve(SUPERUSER_PASSWORD_FILE);
		try {
			Files.createDirectories(logs);
			Secrets.ownerOnly(dataDirectory);
			Secrets.ownerOnly(logs.getParent());
			Secrets.ownerOnly(logs);
			String superuserPassword;
			if (!Files.exists(directory.resolve("PG_VERSION"))) {
				superuserPassword = initdb(binaries, directory, superuserFile);
			}
			else {
				String version = Files.readString(directory.resolve("PG_VERSION")).strip();
				if (!version.equals(MAJOR_VERSION)) {
					throw new LaunchFailure("The database in " + directory + " was made by PostgreSQL " + version
							+ " and this Meldpunt runs PostgreSQL " + MAJOR_VERSION
							+ ": restore a backup into a new data folder (see README, Backup and restore).");
				}
				Secrets.ownerOnly(directory);
				superuserPassword = Files.isRegularFile(superuserFile) ? Secrets.loadOrCreate(superuserFile)
						: upgrade(binaries, directory, superuserFile, console);
			}
			String password = Secrets.loadOrCreate(dataDirectory.resolve(PASSWORD_FILE));
			int port = Processes.freePort();
			writeConfiguration(directory, logs);
			return new EmbeddedDatabase(binaries, directory, logs, port, superuserPassword, password, console);
		}
		catch (IOException ex) {
			throw new LaunchFailure("Could not prepare the embedded PostgreSQL in " + directory + " (" + ex.getMessage()
					+ "): check the data folder's permissions and free space.", ex);
		}
	}

	/** Where the unpacked binaries live: a test run shares one copy between systems. */
	static Path binariesCache(Path dataDirectory) {
		String shared = System.getProperty("meldpunt.postgres.binaries");
		return (shared != null) ? Path.of(shared) : dataDirectory.resolve("postgres-binaries");
	}

	/** Starts the server (crash recovery included) and waits until it accepts work. */
	synchronized void start() {
		if (isRunning()) {
			return;
		}
		Path startLog = this.logDirectory.resolve("start.log");
		Process pgCtl = run(this.binaries.command("pg_ctl", "-D", this.directory.toString(), "-l", startLog.toString(),
				"-o", "-p " + this.port, "-w", "-t", "120", "start"));
		int exit = waitUninterruptibly(pgCtl, 150);
		Optional<ProcessHandle> started = PostmasterPid.read(this.directory).flatMap(PostmasterPid::alive);
		if (exit != 0 || started.isEmpty()) {
			throw new LaunchFailure("The embedded PostgreSQL did not start in " + this.directory + " (pg_ctl exit code "
					+ exit + "); its last lines, from " + startLog + ":\n" + tail(startLog));
		}
		this.postmaster = started.get();
		Secrets.ownerOnly(startLog);
		if (!this.provisioned) {
			provision();
			this.provisioned = true;
		}
	}

	boolean isRunning() {
		ProcessHandle handle = this.postmaster;
		return handle != null && Processes.isRunning(handle);
	}

	/** The postmaster's process, while it runs. */
	Optional<ProcessHandle> postmaster() {
		return Optional.ofNullable(this.postmaster).filter(Processes::isRunning);
	}

	/** How the applications connect: the {@code meldpunt} role, password, loopback. */
	LaunchSettings.ExternalDatabase connection() {
		return new LaunchSettings.ExternalDatabase(url(DATABASE), APPLICATION_ROLE, this.password);
	}

	/** The superuser, for the launcher's own work and for tests. */
	LaunchSettings.ExternalDatabase superuser() {
		return new LaunchSettings.ExternalDatabase(url(DATABASE), SUPERUSER, this.superuserPassword);
	}

	int port() {
		return this.port;
	}

	/** Fast shutdown (rolls back open transactions, writes a checkpoint). */
	@Override
	public synchronized void close() {
		if (this.postmaster == null || !Processes.isRunning(this.postmaster)) {
			return;
		}
		stop(this.binaries, this.directory);
		this.postmaster = null;
	}

	/** Stops the server that runs on the folder, whoever started it. */
	static void stop(PostgresBinaries binaries, Path directory) {
		Optional<ProcessHandle> running = PostmasterPid.read(directory).flatMap(PostmasterPid::alive);
		Process fast = run(
				binaries.command("pg_ctl", "-D", directory.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
		waitUninterruptibly(fast, 70);
		// pg_ctl gave up (a stuck client): immediate shutdown, crash recovery on next
		// start
		running.ifPresent((handle) -> Processes.stop(handle, java.time.Duration.ofSeconds(20)));
	}

	private static String initdb(PostgresBinaries binaries, Path directory, Path superuserFile) throws IOException {
		if (Files.isDirectory(directory)) {
			try (var entries = Files.list(directory)) {
				if (entries.findAny().isPresent()) {
					throw new LaunchFailure("The folder " + directory
							+ " is not empty but holds no database: move it away, or choose another folder with --data DIR.");
				}
			}
		}
		String superuserPassword = Secrets.random();
		Path passwordFile = directory.resolveSibling(".initdb-password");
		Secrets.write(passwordFile, superuserPassword);
		try {
			Process initdb = run(binaries.command("initdb", "-D", directory.toString(), "-U", SUPERUSER,
					"--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--no-locale"));
			String output = new String(initdb.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (waitUninterruptibly(initdb, 120) != 0) {
				PostgresBinaries.deleteTree(directory);
				throw new LaunchFailure(
						"initdb could not create the embedded database in " + directory + ":\n" + output.strip());
			}
		}
		finally {
			Files.deleteIfExists(passwordFile);
		}
		Secrets.write(superuserFile, superuserPassword);
		return superuserPassword;
	}

	/**
	 * The earlier launcher's folder: {@code trust} for everyone. The new superuser
	 * password is set in single-user mode (no network at all), written down only after
	 * PostgreSQL took it; the configuration written next removes {@code trust}.
	 */
	private static String upgrade(PostgresBinaries binaries, Path directory, Path superuserFile,
			Consumer<String> console) throws IOException {
		Files.deleteIfExists(directory.resolve("epg-lock"));
		String superuserPassword = Secrets.random();
		Process single = run(binaries.command("postgres", "--single", "-D", directory.toString(), "-c",
				"listen_addresses=", "-c", "unix_socket_directories=", "postgres"));
		try (OutputStream in = single.getOutputStream()) {
			in.write(("ALTER ROLE " + SUPERUSER + " WITH PASSWORD '" + superuserPassword + "'\n")
				.getBytes(StandardCharsets.US_ASCII));
		}
		String output = new String(single.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (waitUninterruptibly(single, 120) != 0 || output.contains("ERROR")) {
			throw new LaunchFailure("Could not upgrade the database in " + directory
					+ " to password authentication; PostgreSQL said:\n" + output.strip());
		}
		Secrets.write(superuserFile, superuserPassword);
		console.accept("Upgraded the database made by an earlier Meldpunt: PostgreSQL now asks every connection"
				+ " for a password, and the applications connect as the role '" + APPLICATION_ROLE
				+ "' instead of the superuser.");
		return superuserPassword;
	}

	/**
	 * Written anew on every start, so that an edited or old {@code pg_hba.conf} never
	 * brings {@code trust} back. {@code ALTER SYSTEM} (postgresql.auto.conf) still wins
	 * over the included file, as PostgreSQL documents.
	 */
	private static void writeConfiguration(Path directory, Path logs) throws IOException {
		Files.writeString(directory.resolve("pg_hba.conf"), """
				# Written by the Meldpunt launcher on every start; edits are lost.
				# Every connection: TCP over loopback, with a password (SCRAM-SHA-256).
				host    all    all    127.0.0.1/32    scram-sha-256
				""");
		Files.writeString(directory.resolve("meldpunt.conf"), """
				# Written by the Meldpunt launcher on every start; edits are lost.
				listen_addresses = '127.0.0.1'
				unix_socket_directories = ''
				password_encryption = 'scram-sha-256'
				fsync = on
				synchronous_commit = on
				full_page_writes = on
				max_connections = 100
				timezone = 'UTC'
				logging_collector = on
				log_directory = '%s'
				log_filename = 'postgresql-%%Y-%%m-%%d_%%H%%M%%S.log'
				log_file_mode = 0600
				log_rotation_age = 1d
				log_rotation_size = 10MB
				""".formatted(logs.toString().replace("'", "''")));
		Path conf = directory.resolve("postgresql.conf");
		String include = "include = 'meldpunt.conf'";
		List<String> lines = Files.readAllLines(conf);
		if (!lines.contains(include)) {
			Files.writeString(conf, System.lineSeparator() + include + System.lineSeparator(),
					java.nio.file.StandardOpenOption.APPEND);
		}
		for (String file : List.of("pg_hba.conf", "meldpunt.conf", "postgresql.conf")) {
			Secrets.ownerOnly(directory.resolve(file));
		}
	}

	/**
	 * The application role and its database, on every start (cheap and idempotent):
	 * created when missing, stripped of every privilege it must not have, and made owner
	 * of whatever an earlier launcher created as the superuser.
	 */
	private void provision() {
		try (Connection connection = DriverManager.getConnection(url("postgres"), SUPERUSER, this.superuserPassword);
				Statement statement = connection.createStatement()) {
			statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APPLICATION_ROLE
					+ "') THEN CREATE ROLE " + APPLICATION_ROLE + "; END IF; END $$");
			statement.execute("ALTER ROLE " + APPLICATION_ROLE
					+ " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
			// the SCRAM verifier is computed here: the password never reaches the server
			connection.unwrap(PGConnection.class)
				.alterUserPassword(APPLICATION_ROLE, this.password.toCharArray(), "scram-sha-256");
			statement.execute("DO $$ DECLARE r record; BEGIN FOR r IN SELECT g.rolname FROM pg_auth_members m"
					+ " JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = '"
					+ APPLICATION_ROLE + "' LOOP EXECUTE format('REVOKE %I FROM " + APPLICATION_ROLE
					+ "', r.rolname); END LOOP; END $$");
			boolean exists;
			try (ResultSet result = statement
				.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
				exists = result.next();
			}
			if (!exists) {
				statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + APPLICATION_ROLE);
			}
			statement.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + APPLICATION_ROLE);
			for (String database : List.of(DATABASE, "postgres", "template1")) {
				statement.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
			}
		}
		catch (SQLException ex) {
			throw new LaunchFailure("The embedded PostgreSQL started but refused to set up the role '"
					+ APPLICATION_ROLE + "' (" + ex.getMessage() + ").", ex);
		}
		try (Connection connection = DriverManager.getConnection(url(DATABASE), SUPERUSER, this.superuserPassword);
				Statement statement = connection.createStatement()) {
			statement.execute("ALTER SCHEMA public OWNER TO " + APPLICATION_ROLE);
			statement.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
			statement.execute(OWNERSHIP);
		}
		catch (SQLException ex) {
			throw new LaunchFailure("The embedded PostgreSQL started but refused to hand the schema to '"
					+ APPLICATION_ROLE + "' (" + ex.getMessage() + ").", ex);
		}
	}

	/**
	 * Tables (with their identity sequences) first, then remaining sequences, then
	 * functions: whatever in the schema the application role does not own yet.
	 */
	private static final String OWNERSHIP = """
			DO $$ DECLARE r record; BEGIN
			  FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
			      AND pg_get_userbyid(c.relowner) <> '%1$s' LOOP
			    EXECUTE format('ALTER %%s public.%%I OWNER TO %1$s', CASE r.relkind WHEN 'v' THEN 'VIEW'
			      WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.relname);
			  END LOOP;
			  FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			      WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> '%1$s' LOOP
			    EXECUTE format('ALTER SEQUENCE public.%%I OWNER TO %1$s', r.relname);
			  END LOOP;
			  FOR r IN SELECT p.oid::regprocedure AS signature, p.prokind FROM pg_proc p
			      JOIN pg_namespace n ON n.oid = p.pronamespace
			      WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '%1$s' LOOP
			    EXECUTE format('ALTER %%s %%s OWNER TO %1$s', CASE r.prokind WHEN 'p' THEN 'PROCEDURE'
			      ELSE 'FUNCTION' END, r.signature);
			  END LOOP;
			END $$""".formatted(APPLICATION_ROLE);

	private String url(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	private static Process run(List<String> command) {
		try {
			return new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new LaunchFailure("Could not run " + command.get(0) + " (" + ex.getMessage() + ").", ex);
		}
	}

	/**
	 * Waits for a PostgreSQL program even when interrupted (a signal during start-up):
	 * leaving {@code pg_ctl start} half-way would strand the server it starts.
	 */
	private static int waitUninterruptibly(Process process, int seconds) {
		boolean interrupted = false;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		try {
			while (true) {
				try {
					if (process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
						return process.exitValue();
					}
					process.destroyForcibly();
					return -1;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

}

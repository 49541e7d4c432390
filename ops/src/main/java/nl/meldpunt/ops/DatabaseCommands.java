package nl.meldpunt.ops;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import nl.meldpunt.ops.backup.Backup;
import nl.meldpunt.ops.backup.Restore;

/**
 * {@code backup --to FILE} and {@code restore --from FILE} on the command line, for the
 * embedded database ({@code --data DIR}) or the PostgreSQL that
 * {@code MELDPUNT_DATABASE_URL} names. A backup of a running system reads the running
 * database (filings go on meanwhile); a backup of a stopped one starts the embedded
 * database for as long as it takes. A restore needs the system stopped and an empty
 * target.
 */
public final class DatabaseCommands {

	private DatabaseCommands() {
	}

	static boolean handles(String[] args) {
		return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
	}

	static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
		try {
			boolean backup = args[0].equals("backup");
			String fileOption = backup ? "--to" : "--from";
			Path file = null;
			List<String> rest = new ArrayList<>();
			for (int i = 1; i < args.length; i++) {
				if (args[i].equals(fileOption)) {
					if (i + 1 >= args.length) {
						throw new LaunchFailure(fileOption + " needs a file, for example: " + args[0] + " " + fileOption
								+ " meldpunt.backup");
					}
					file = Path.of(args[++i]).toAbsolutePath().normalize();
				}
				else {
					rest.add(args[i]);
				}
			}
			if (file == null) {
				throw new LaunchFailure(args[0] + " needs " + fileOption + " FILE, for example: " + args[0] + " "
						+ fileOption + " meldpunt.backup");
			}
			LaunchSettings settings = LaunchSettings.from(rest.toArray(String[]::new), env);
			Consumer<String> say = (line) -> out.println("  " + line);
			if (backup) {
				Backup.Summary summary = backup(settings, file, say);
				out.printf("Backup written to %s: %d tables, %d rows, %.1f MB, schema version %s, in %.1f s.%n",
						summary.file(), summary.tables(), summary.rows(), summary.bytes() / 1e6,
						summary.schemaVersion(), summary.took().toMillis() / 1000.0);
			}
			else {
				Restore.Summary summary = restore(settings, file, say);
				out.printf("Restored %s: %d tables, %d rows, schema version %s, in %.1f s. Start Meldpunt as usual.%n",
						file, summary.tables(), summary.rows(), summary.schemaVersion(),
						summary.took().toMillis() / 1000.0);
			}
			return 0;
		}
		catch (LaunchFailure failure) {
			err.println("meldpunt: " + failure.getMessage());
			return 2;
		}
	}

	public static Backup.Summary backup(LaunchSettings settings, Path file, Consumer<String> say) {
		if (settings.externalDatabase().isPresent()) {
			return Backup.write(settings.externalDatabase().get(), file);
		}
		Path data = settings.dataDirectory();
		if (!Files.exists(data.resolve(EmbeddedDatabase.DIRECTORY).resolve("PG_VERSION"))) {
			throw new LaunchFailure("There is no database in " + data + " to back up: check --data DIR.");
		}
		Optional<DataFolder> folder = DataFolder.tryTake(data);
		if (folder.isEmpty()) {
			// Meldpunt is running: read its database while it goes on working
			PostmasterPid running = PostmasterPid.read(data.resolve(EmbeddedDatabase.DIRECTORY))
				.orElseThrow(() -> new LaunchFailure(
						"Meldpunt is starting or stopping on " + data + ": try again in a minute."));
			String password = Secrets.loadOrCreate(data.resolve(EmbeddedDatabase.PASSWORD_FILE));
			return Backup.write(new LaunchSettings.ExternalDatabase(
					"jdbc:postgresql://127.0.0.1:" + running.port() + "/" + EmbeddedDatabase.DATABASE,
					EmbeddedDatabase.APPLICATION_ROLE, password), file);
		}
		try (DataFolder taken = folder.get()) {
			DataFolder.stopLeftovers(data, say);
			try (EmbeddedDatabase database = EmbeddedDatabase.prepare(data, say)) {
				database.start();
				return Backup.write(database.connection(), file);
			}
		}
	}

	public static Restore.Summary restore(LaunchSettings settings, Path file, Consumer<String> say) {
		Path jar = settings.appsDirectory().resolve(ChildApplication.CASE_SERVICE_JAR);
		if (!Files.isRegularFile(jar)) {
			throw new LaunchFailure(
					"The application jar " + jar + " is missing: build first with ./mvnw -B -DskipTests package.");
		}
		// a bad file is refused before any folder or database is touched
		Restore.check(file, jar);
		if (settings.externalDatabase().isPresent()) {
			return Restore.into(settings.externalDatabase().get(), file, jar);
		}
		try (DataFolder taken = DataFolder.take(settings.dataDirectory())) {
			DataFolder.stopLeftovers(settings.dataDirectory(), say);
			try (EmbeddedDatabase database = EmbeddedDatabase.prepare(settings.dataDirectory(), say)) {
				database.start();
				return Restore.into(database.connection(), file, jar);
			}
		}
	}

}

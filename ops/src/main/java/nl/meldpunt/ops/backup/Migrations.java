package nl.meldpunt.ops.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import nl.meldpunt.ops.LaunchFailure;

/**
 * The case service's Flyway migrations ({@code V<version>__<description>.sql}), read from
 * the very jar that will run against the restored database, so that the schema a restore
 * creates is the one that jar's Flyway expects.
 */
final class Migrations {

	private static final Pattern NAME = Pattern
		.compile("(?:BOOT-INF/classes/)?db/migration/V([0-9._]+)__([^/]+)\\.sql");

	/**
	 * One versioned migration.
	 *
	 * @param version its version
	 * @param script its file name
	 * @param sql its statements
	 */
	record Migration(SchemaVersion version, String script, String sql) {
	}

	private final List<Migration> all;

	private Migrations(List<Migration> all) {
		this.all = all;
	}

	static Migrations in(Path caseServiceJar) {
		List<Migration> found = new ArrayList<>();
		try (ZipFile jar = new ZipFile(caseServiceJar.toFile())) {
			for (ZipEntry entry : java.util.Collections.list(jar.entries())) {
				Matcher name = NAME.matcher(entry.getName());
				if (name.matches()) {
					String sql = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
					String script = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
					found.add(new Migration(new SchemaVersion(name.group(1)), script, sql));
				}
			}
		}
		catch (IOException ex) {
			throw new LaunchFailure("Could not read the case service's migrations from " + caseServiceJar
					+ ": build first with ./mvnw -B -DskipTests package.", ex);
		}
		if (found.isEmpty()) {
			throw new LaunchFailure(caseServiceJar + " holds no database migrations: is it the case service's jar?");
		}
		found.sort(Comparator.comparing(Migration::version));
		return new Migrations(found);
	}

	SchemaVersion newest() {
		return this.all.get(this.all.size() - 1).version();
	}

	/** The migrations up to and including the version, oldest first. */
	List<Migration> upTo(SchemaVersion version) {
		return this.all.stream().filter((m) -> !m.version().isNewerThan(version)).toList();
	}

}

package nl.meldpunt.ops;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import nl.meldpunt.ops.backup.Backup;
import nl.meldpunt.ops.backup.Restore;
import nl.meldpunt.ops.load.DemoFilings;
import nl.meldpunt.ops.load.FilingLoad;
import nl.meldpunt.ops.load.StoredFilings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static nl.meldpunt.ops.DatabaseLockdownIntegrationTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code backup} and {@code restore} against the running whole system (embedded
 * database), and every way they refuse: an existing or unwritable target, a full disk, a
 * damaged, truncated, foreign or newer-schema file, a non-empty target, a failure
 * half-way (rolled back).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreIntegrationTest {

	@TempDir
	static Path temp;

	private MeldpuntSystem system;

	private Set<UUID> filed;

	private int envelopes;

	private Path backup;

	private Backup.Summary written;

	@BeforeAll
	void fileSomeReportsAndBackUp() throws Exception {
		this.system = TestSystem.get();
		String portal = this.system.portalUrl();
		try (FilingLoad load = FilingLoad.start(portal,
				DemoFilings.forPortal(portal, DemoFilings.BROWSER_TESTS_ADVISER), 4, Duration.ofMinutes(2))) {
			assertThat(load.awaitAcknowledged(40, Duration.ofMinutes(2))).isTrue();
			load.stop();
			this.filed = load.acknowledged();
			this.envelopes = load.envelopesPerFiling();
		}
		this.backup = temp.resolve("meldpunt.backup");
		this.written = DatabaseCommands.backup(settings(this.system.dataDirectory()), this.backup, (line) -> {
		});
	}

	@Test
	void backupWhenRestoredIntoANewFolderThenEveryRowIsBack() throws Exception {
		assertThat(this.written.schemaVersion()).matches("\\d+");
		assertThat(this.written.rows()).isGreaterThan(this.filed.size() * 3L);
		assertThat(DatabaseLockdownIntegrationTest.mode(this.backup)).isEqualTo("rw-------");

		Path data = temp.resolve("restored");
		Restore.Summary restored = DatabaseCommands.restore(settings(data), this.backup, (line) -> {
		});
		assertThat(restored.rows()).isEqualTo(this.written.rows());
		assertThat(restored.tables()).isEqualTo(this.written.tables());
		try (EmbeddedDatabase database = EmbeddedDatabase.prepare(data, (line) -> {
		})) {
			database.start();
			StoredFilings stored = StoredFilings.check(database.connection(), this.filed, this.envelopes);
			assertThat(stored.allThereOnce()).as(stored.toString()).isTrue();
			try (Connection connection = DatabaseLockdownIntegrationTest.connect(database.connection());
					Statement statement = connection.createStatement()) {
				assertThat(query(statement, "SELECT count(*) FROM spring_session")).as("sessions are left out")
					.isEqualTo("0");
				// sequences continue after the restored rows
				assertThat(Long.parseLong(query(statement, "SELECT last_value FROM case_item_seq_seq")))
					.isGreaterThanOrEqualTo(Long.parseLong(query(statement, "SELECT max(seq) FROM case_item")));
			}
		}

		// the same folder a second time: not empty any more
		assertThatThrownBy(() -> DatabaseCommands.restore(settings(data), this.backup, (line) -> {
		})).isInstanceOf(LaunchFailure.class)
			.hasMessageStartingWith("The target database is not empty (")
			.hasMessageEndingWith("restore only into a new data folder or an empty database; nothing was changed.");
	}

	@Test
	void backupOfAnExternalDatabaseWhenAskedThenTheSameSnapshot() throws Exception {
		LaunchSettings external = new LaunchSettings(temp.resolve("unused"), apps(), 1, 1, false,
				Optional.of(this.system.database()), "");
		Backup.Summary summary = DatabaseCommands.backup(external, temp.resolve("external.backup"), (line) -> {
		});
		assertThat(summary.tables()).isEqualTo(this.written.tables());
		assertThat(summary.rows()).isGreaterThanOrEqualTo(this.written.rows());
	}

	@Test
	void backupWhenTheFileExistsOrTheFolderIsMissingThenOneSentence() throws Exception {
		assertThatThrownBy(() -> DatabaseCommands.backup(settings(this.system.dataDirectory()), this.backup, (l) -> {
		})).hasMessage(
				"The file " + this.backup + " already exists: choose a new name (a backup never overwrites one).");
		Path missing = temp.resolve("no-such-folder/meldpunt.backup");
		assertThatThrownBy(() -> DatabaseCommands.backup(settings(this.system.dataDirectory()), missing, (l) -> {
		})).hasMessage("The folder " + missing.getParent() + " does not exist: create it first.");
		assertThatThrownBy(
				() -> DatabaseCommands.backup(settings(temp.resolve("empty")), temp.resolve("x.backup"), (l) -> {
				}))
			.hasMessage("There is no database in " + temp.resolve("empty") + " to back up: check --data DIR.");
	}

	@Test
	void backupWhenTheDiskIsFullThenOneSentenceAndNoFileUnderItsName() throws Exception {
		Assumptions.assumeTrue(PostgresBinaries.runsAsRoot(), "mounting a 4 KiB file system needs root");
		Path full = Files.createDirectories(temp.resolve("full"));
		Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", full.toString())
			.inheritIO()
			.start();
		Assumptions.assumeTrue(mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0,
				"this machine does not allow mounting a small tmpfs");
		try {
			Path target = full.resolve("meldpunt.backup");
			assertThatThrownBy(() -> DatabaseCommands.backup(settings(this.system.dataDirectory()), target, (l) -> {
			})).isInstanceOf(LaunchFailure.class)
				.hasMessage("The disk holding " + full + " is full, so the backup could not be written; nothing was"
						+ " written to " + target + ".");
			try (var left = Files.list(full)) {
				assertThat(left).as("no partial file either").isEmpty();
			}
		}
		finally {
			new ProcessBuilder("umount", full.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void restoreWhenTheFileIsDamagedTruncatedOrForeignThenRefusedBeforeAnythingIsTouched() throws Exception {
		byte[] good = Files.readAllBytes(this.backup);
		byte[] flipped = good.clone();
		flipped[flipped.length / 2] ^= 0x01;
		Path damaged = Files.write(temp.resolve("damaged.backup"), flipped);
		Path truncated = Files.write(temp.resolve("truncated.backup"), Arrays.copyOf(good, good.length - 100));
		Path foreign = Files.writeString(temp.resolve("notes.txt"), "not a backup at all");
		Path data = temp.resolve("untouched");
		for (Path file : List.of(damaged, truncated)) {
			assertThatThrownBy(() -> DatabaseCommands.restore(settings(data), file, (l) -> {
			})).hasMessage("The backup " + file + " is damaged or incomplete (its checksum does not match its"
					+ " content): nothing was restored; use another copy.");
		}
		assertThatThrownBy(() -> DatabaseCommands.restore(settings(data), foreign, (l) -> {
		})).hasMessage("The file " + foreign + " is not a Meldpunt backup.");
		Path absent = temp.resolve("absent.backup");
		assertThatThrownBy(() -> DatabaseCommands.restore(settings(data), absent, (l) -> {
		})).hasMessage("There is no backup file " + absent + ".");
		assertThat(data).as("no folder made for a bad file").doesNotExist();
	}

	@Test
	void restoreWhenTheBackupHasANewerSchemaThenRefused() throws Exception {
		Path newer = rewritten(this.backup, "newer.backup", "9999", false);
		assertThatThrownBy(() -> DatabaseCommands.restore(settings(temp.resolve("newer")), newer, (l) -> {
		})).hasMessage("The backup " + newer + " has schema version 9999, newer than this Meldpunt's "
				+ this.written.schemaVersion()
				+ ": restore it with the Meldpunt version that made it, or a newer one.");
	}

	@Test
	void restoreWhenItFailsHalfWayThenRolledBackAndTheDatabaseStaysEmpty() throws Exception {
		// intact checksum, but the end marker is wrong: fails after every table was
		// loaded
		Path broken = rewritten(this.backup, "broken.backup", this.written.schemaVersion(), true);
		Path data = temp.resolve("rolled-back");
		assertThatThrownBy(() -> DatabaseCommands.restore(settings(data), broken, (l) -> {
		})).isInstanceOf(LaunchFailure.class)
			.hasMessageStartingWith("The restore could not read " + broken)
			.hasMessageEndingWith("and was rolled back; the database is unchanged.");
		try (EmbeddedDatabase database = EmbeddedDatabase.prepare(data, (line) -> {
		})) {
			database.start();
			try (Connection connection = DatabaseLockdownIntegrationTest.connect(database.connection());
					Statement statement = connection.createStatement()) {
				assertThat(query(statement, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
					.isEqualTo("0");
			}
		}
	}

	private LaunchSettings settings(Path data) {
		return new LaunchSettings(data, apps(), 1, 1, false, Optional.empty(), "");
	}

	private static Path apps() {
		return Path.of("target", "apps").toAbsolutePath();
	}

	/**
	 * The backup with another schema version and/or a broken end marker, and a checksum
	 * that matches again.
	 */
	private Path rewritten(Path source, String name, String version, boolean breakEnd) throws Exception {
		byte[] all = Files.readAllBytes(source);
		byte[] body = Arrays.copyOf(all, all.length - 32);
		DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body));
		byte[] magic = in.readNBytes(16);
		int format = in.readInt();
		in.readUTF();
		byte[] rest = in.readAllBytes();
		if (breakEnd) {
			rest[rest.length - 1] = 'X';
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);
		out.write(magic);
		out.writeInt(format);
		out.writeUTF(version);
		out.write(rest);
		out.flush();
		byte[] newBody = bytes.toByteArray();
		bytes.write(MessageDigest.getInstance("SHA-256").digest(newBody));
		return Files.write(temp.resolve(name), bytes.toByteArray());
	}

}

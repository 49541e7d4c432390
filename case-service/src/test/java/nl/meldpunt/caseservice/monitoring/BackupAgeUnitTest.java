package nl.meldpunt.caseservice.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The backup age is the newest complete daily backup's, as the launcher names them. */
class BackupAgeUnitTest {

	private static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");

	@Test
	void secondsWhenBackupsThereThenAgeOfTheNewestCompleteOne(@TempDir Path folder) throws Exception {
		touch(folder.resolve("meldpunt-2026-11-24.backup"), NOW.minusSeconds(50 * 3600));
		touch(folder.resolve("meldpunt-2026-11-25.backup"), NOW.minusSeconds(3 * 3600));
		// a backup still being written has a temporary name, and other files do not count
		touch(folder.resolve(".meldpunt-2026-11-26.backup.partial-1"), NOW.minusSeconds(60));
		touch(folder.resolve("notes.txt"), NOW);
		assertThat(new BackupAge(folder, Clock.fixed(NOW, ZoneOffset.UTC)).seconds()).isEqualTo(3 * 3600.0);
	}

	@Test
	void secondsWhenNoFolderOrNoBackupThenNaN(@TempDir Path folder) {
		assertThat(new BackupAge(null, Clock.fixed(NOW, ZoneOffset.UTC)).seconds()).isNaN();
		assertThat(new BackupAge(folder, Clock.fixed(NOW, ZoneOffset.UTC)).seconds()).isNaN();
		assertThat(new BackupAge(folder.resolve("missing"), Clock.fixed(NOW, ZoneOffset.UTC)).seconds()).isNaN();
	}

	private static void touch(Path file, Instant modified) throws Exception {
		Files.writeString(file, "x");
		Files.setLastModifiedTime(file, FileTime.from(modified));
	}

}

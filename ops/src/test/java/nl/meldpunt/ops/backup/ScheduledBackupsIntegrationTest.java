package nl.meldpunt.ops.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.meldpunt.ops.TestSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Daily backups of the running system: one a day, and none kept past its days. */
class ScheduledBackupsIntegrationTest {

	@TempDir
	Path folder;

	@Test
	void dailyBackupWhenDueThenWrittenOnceAndExpiredOnesDeleted() throws Exception {
		LocalDate today = LocalDate.of(2026, 11, 26);
		Path expired = Files.writeString(this.folder.resolve("meldpunt-2026-10-26.backup"), "old");
		Path kept = Files.writeString(this.folder.resolve("meldpunt-2026-10-27.backup"), "recent enough");
		Path unrelated = Files.writeString(this.folder.resolve("notes-2020-01-01.txt"), "not ours");
		List<String> said = new ArrayList<>();

		assertThat(ScheduledBackups.runOnce(TestSystem.get().database(), this.folder, 30, today, said::add))
			.isPresent();
		assertThat(this.folder.resolve("meldpunt-2026-11-26.backup")).exists();
		assertThat(expired).doesNotExist();
		assertThat(kept).exists();
		assertThat(unrelated).exists();
		assertThat(said).anyMatch((line) -> line.startsWith("Daily backup written to "))
			.contains("Deleted the backup " + expired + ", older than 30 days.");

		// the same day again: nothing new
		assertThat(ScheduledBackups.runOnce(TestSystem.get().database(), this.folder, 30, today, said::add)).isEmpty();
	}

}

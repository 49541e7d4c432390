package nl.meldpunt.caseservice.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code meldpunt_backup_age_seconds}: how old the newest daily backup is, read from what
 * the launcher's scheduled backups write ({@code meldpunt-<yyyy-MM-dd>.backup} in
 * {@code MELDPUNT_BACKUP_DIR}; a file under its final name is complete, see ops'
 * {@code Backup}). NaN when no folder is configured or no backup is there yet, so an
 * alert on "older than 26 hours or absent" catches both.
 */
@Component
class BackupAge {

	private final Path folder;

	private final Clock clock;

	@Autowired
	BackupAge(@Value("${meldpunt.backup.dir:}") String folder, MeterRegistry registry) {
		this(folder.isBlank() ? null : Path.of(folder), Clock.systemUTC());
		Gauge.builder("meldpunt.backup.age", this, BackupAge::seconds)
			.description("Age of the newest backup in the backup folder")
			.baseUnit("seconds")
			.register(registry);
	}

	BackupAge(Path folder, Clock clock) {
		this.folder = folder;
		this.clock = clock;
	}

	double seconds() {
		return newest().map((time) -> (this.clock.millis() - time.toMillis()) / 1000.0).orElse(Double.NaN);
	}

	private Optional<FileTime> newest() {
		if (this.folder == null || !Files.isDirectory(this.folder)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(this.folder)) {
			return files
				.filter((file) -> file.getFileName().toString().matches("meldpunt-\\d{4}-\\d{2}-\\d{2}\\.backup"))
				.map(BackupAge::modified)
				.flatMap(Optional::stream)
				.max(FileTime::compareTo);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static Optional<FileTime> modified(Path file) {
		try {
			return Optional.of(Files.getLastModifiedTime(file));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}

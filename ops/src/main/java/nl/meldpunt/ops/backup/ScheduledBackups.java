package nl.meldpunt.ops.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.meldpunt.ops.LaunchFailure;
import nl.meldpunt.ops.LaunchSettings;

/**
 * Daily backups into one folder, {@code meldpunt-<yyyy-MM-dd>.backup}, and rotation: a
 * backup older than the number of days to keep is deleted, so that no case deleted by
 * retention outlives it by more than that (README, Backups and retention).
 */
public final class ScheduledBackups {

	private static final Pattern NAME = Pattern.compile("meldpunt-(\\d{4}-\\d{2}-\\d{2})\\.backup");

	private ScheduledBackups() {
	}

	/**
	 * Writes today's backup unless it exists, then deletes the expired ones.
	 * @return the backup written, if one was
	 */
	public static Optional<Backup.Summary> runOnce(LaunchSettings.ExternalDatabase database, Path folder, int keepDays,
			LocalDate today, Consumer<String> say) {
		Optional<Backup.Summary> written = Optional.empty();
		Path file = folder.resolve("meldpunt-" + today + ".backup");
		if (!Files.exists(file)) {
			try {
				Backup.Summary summary = Backup.write(database, file);
				say.accept(String.format("Daily backup written to %s (%.1f MB).", file, summary.bytes() / 1e6));
				written = Optional.of(summary);
			}
			catch (LaunchFailure failure) {
				say.accept("The daily backup failed: " + failure.getMessage());
			}
		}
		for (Path expired : expired(folder, keepDays, today)) {
			try {
				Files.deleteIfExists(expired);
				say.accept("Deleted the backup " + expired + ", older than " + keepDays + " days.");
			}
			catch (IOException ex) {
				say.accept("Could not delete the expired backup " + expired + " (" + ex.getMessage() + ").");
			}
		}
		return written;
	}

	/** The backups in the folder made more than {@code keepDays} days before today. */
	static List<Path> expired(Path folder, int keepDays, LocalDate today) {
		List<Path> expired = new ArrayList<>();
		try (var files = Files.list(folder)) {
			for (Path file : files.toList()) {
				Matcher name = NAME.matcher(file.getFileName().toString());
				if (name.matches() && LocalDate.parse(name.group(1)).isBefore(today.minusDays(keepDays))) {
					expired.add(file);
				}
			}
		}
		catch (IOException | DateTimeParseException ex) {
			// nothing to rotate yet
		}
		return expired;
	}

}

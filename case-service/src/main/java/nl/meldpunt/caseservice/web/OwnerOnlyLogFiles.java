package nl.meldpunt.caseservice.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * In-app log files are owner-only whatever the umask: before logging starts (this runs
 * before Spring Boot's logging system reads {@code logging.file.name}), a log folder that
 * does not exist yet is created 0700, the log file is created (or set) 0600, and files
 * rolled earlier beside it are set 0600. Logback creates later files with the umask, so
 * the folder is what keeps them private: the README says to give logs a folder of their
 * own. A refusal (folder not ours, not writable) stops the start with one sentence.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class OwnerOnlyLogFiles implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String name = environment.getProperty("logging.file.name");
		if (name == null || name.isBlank()) {
			String folder = environment.getProperty("logging.file.path");
			if (folder == null || folder.isBlank()) {
				return;
			}
			name = Path.of(folder, "spring.log").toString();
		}
		secure(Path.of(name).toAbsolutePath());
	}

	static void secure(Path file) {
		try {
			Path folder = file.getParent();
			if (!Files.isDirectory(folder)) {
				Files.createDirectories(folder);
				// set after creating: a permission given at creation is cut by the umask
				Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
			}
			if (!Files.exists(file)) {
				Files.createFile(file);
			}
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			try (DirectoryStream<Path> rolled = Files.newDirectoryStream(folder,
					file.getFileName().toString() + ".*")) {
				for (Path old : rolled) {
					if (Files.isRegularFile(old)) {
						Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-------"));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Could not make the log file " + file + " owner-only; check that its folder belongs to this user.",
					ex);
		}
	}

}

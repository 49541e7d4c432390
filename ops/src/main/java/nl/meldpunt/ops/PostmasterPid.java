package nl.meldpunt.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code postmaster.pid} says about a server: PostgreSQL writes its process id on
 * the first line and its port on the fourth, and deletes the file as the last step of a
 * clean shutdown.
 *
 * @param pid the postmaster's process id
 * @param port the port it listens on
 */
record PostmasterPid(long pid, int port) {

	static Optional<PostmasterPid> read(Path databaseDirectory) {
		Path file = databaseDirectory.resolve("postmaster.pid");
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
			int port = (lines.size() > 3) ? Integer.parseInt(lines.get(3).strip()) : 0;
			return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).strip()), port));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The running postmaster, if the process is alive, is not a zombie and is a
	 * PostgreSQL server (a stale file may name a process id the system gave to another
	 * program since).
	 */
	Optional<ProcessHandle> alive() {
		return ProcessHandle.of(this.pid)
			.filter(Processes::isRunning)
			.filter((handle) -> handle.info().command().map((c) -> c.endsWith("/postgres")).orElse(false));
	}

}

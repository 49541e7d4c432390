package nl.meldpunt.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The launcher started with {@code java -cp … Launcher}, as a person would start it. */
record LauncherProcess(Process process, Path outputFile) {

	static LauncherProcess start(Path data, int portalPort, int caseServicePort) throws IOException {
		Path output = Files.createTempFile("launcher", ".out");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dmeldpunt.postgres.binaries="
						+ System.getProperty("meldpunt.postgres.binaries", "target/postgres-binaries"),
				"-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "--demo", "--data",
				data.toString())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().put("MELDPUNT_APPS", Path.of("target", "apps").toAbsolutePath().toString());
		builder.environment().put("MELDPUNT_PORTAL_PORT", Integer.toString(portalPort));
		builder.environment().put("MELDPUNT_CASE_SERVICE_PORT", Integer.toString(caseServicePort));
		return new LauncherProcess(builder.start(), output);
	}

	String output() throws IOException {
		return Files.readString(this.outputFile, StandardCharsets.UTF_8);
	}

	void awaitOutput(String expected) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
		while (Instant.now().isBefore(deadline)) {
			if (output().contains(expected)) {
				return;
			}
			if (!this.process.isAlive()) {
				throw new AssertionError("launcher exited with " + this.process.exitValue() + ":\n" + output());
			}
			Thread.sleep(250);
		}
		throw new AssertionError("launcher did not print '" + expected + "':\n" + output());
	}

	List<ProcessHandle> descendants() {
		return this.process.descendants().toList();
	}

	/** SIGTERM, as a service manager or Ctrl-C would send, then wait for a clean exit. */
	void terminate() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(90, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			throw new AssertionError("launcher did not stop within 90 s of SIGTERM");
		}
	}

}

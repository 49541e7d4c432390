package nl.meldpunt.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The whole system in demo mode, started once per test JVM from the real jars and shared
 * by every end-to-end test (each test files its own cases). Its data lives in a fresh
 * temporary folder; it stops when the JVM ends.
 */
public final class TestSystem {

	private static MeldpuntSystem system;

	private static Path dataDirectory;

	private TestSystem() {
	}

	public static synchronized MeldpuntSystem get() {
		if (system == null) {
			try {
				dataDirectory = Files.createTempDirectory("meldpunt-e2e");
				LaunchSettings settings = new LaunchSettings(dataDirectory, Path.of("target", "apps").toAbsolutePath(),
						LauncherProcessIntegrationTest.freePort(), LauncherProcessIntegrationTest.freePort(), true,
						Optional.empty(), "")
					// a busy test machine starts slowly; the limit only decides when to
					// give up
					.withStartupLimit(Duration.ofMinutes(6));
				System.setProperty("meldpunt.logs", dataDirectory.resolve("logs").toString());
				system = MeldpuntSystem.start(settings, (line) -> System.out.println("[system] " + line));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(system::close));
		}
		return system;
	}

	/** Where the system keeps its database files and logs. */
	public static Path dataDirectory() {
		get();
		return dataDirectory;
	}

}

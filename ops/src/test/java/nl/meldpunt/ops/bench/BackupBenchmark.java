package nl.meldpunt.ops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import nl.meldpunt.ops.DatabaseCommands;
import nl.meldpunt.ops.LaunchSettings;
import nl.meldpunt.ops.MeldpuntSystem;
import nl.meldpunt.ops.backup.Backup;
import nl.meldpunt.ops.backup.Restore;
import nl.meldpunt.ops.load.FilingLoad;

/**
 * Backup and restore at scale: files {@code bench.cases} (100,000) real filings through
 * the portal into a fresh system, backs the database up while it runs, restores the file
 * into an empty data folder, and prints time and size of both. A program, not a test:
 * {@code ./mvnw -B -q -pl ops -am verify -DskipTests -Pbackup-benchmark}.
 */
public final class BackupBenchmark {

	private BackupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int cases = Integer.getInteger("bench.cases", 100_000);
		Path apps = Path.of("ops", "target", "apps").toAbsolutePath().toFile().isDirectory()
				? Path.of("ops", "target", "apps").toAbsolutePath() : Path.of("target", "apps").toAbsolutePath();
		Path work = Files.createTempDirectory("meldpunt-backup-bench");
		LaunchSettings settings = new LaunchSettings(work.resolve("data"), apps, freePort(), freePort(), true,
				Optional.empty(), "");
		System.out.println("Starting a fresh system in demo mode …");
		try (MeldpuntSystem system = MeldpuntSystem.start(settings, (line) -> {
		})) {
			long started = System.nanoTime();
			try (FilingLoad load = FilingLoad.start(system.portalUrl(), 32, Duration.ofHours(1))) {
				while (!load.awaitAcknowledged(cases, Duration.ofSeconds(30))) {
					System.out.printf("  … %d filed%n", load.acknowledgedCount());
				}
				load.stop();
				System.out.printf("Filed %d cases in %.0f s (answers %s)%n", load.acknowledgedCount(),
						(System.nanoTime() - started) / 1e9, load.byStatus());
			}
			Path file = work.resolve("meldpunt.backup");
			Backup.Summary backup = DatabaseCommands.backup(settings, file, System.out::println);
			System.out.printf("Backup of %d cases: %d tables, %d rows, %.1f MB (%.0f bytes per case), in %.1f s%n",
					cases, backup.tables(), backup.rows(), backup.bytes() / 1e6, (double) backup.bytes() / cases,
					backup.took().toMillis() / 1000.0);
			LaunchSettings restored = new LaunchSettings(work.resolve("restored"), apps, 1, 1, true, Optional.empty(),
					"");
			long restoreStarted = System.nanoTime();
			Restore.Summary restore = DatabaseCommands.restore(restored, file, System.out::println);
			System.out.printf(
					"Restore into an empty data folder: %d rows in %.1f s (%.1f s with initdb, start and stop)%n",
					restore.rows(), restore.took().toMillis() / 1000.0, (System.nanoTime() - restoreStarted) / 1e9);
		}
	}

	private static int freePort() throws java.io.IOException {
		try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}

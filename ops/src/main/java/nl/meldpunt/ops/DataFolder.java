package nl.meldpunt.ops;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One launcher per data folder, and nothing left over from the one before. The launcher
 * holds an exclusive lock on {@code <data>/launcher.lock} while it runs; the kernel drops
 * it when the process ends, however it ends. A launcher that finds the lock free but a
 * PostgreSQL or an application JVM still running on the folder knows that its predecessor
 * died without stopping them (kill -9, power loss of the terminal, OOM killer) and stops
 * them cleanly before it starts anything.
 *
 * <p>
 * An application JVM is recognised by the process id and start time the launcher wrote to
 * {@code <data>/run/<name>.pid} when it started it: a process id alone could since belong
 * to another program.
 */
final class DataFolder implements AutoCloseable {

	static final String LOCK_FILE = "launcher.lock";

	private final FileChannel channel;

	private final FileLock lock;

	private DataFolder(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** Takes the folder, or explains in one sentence who has it. */
	static DataFolder take(Path dataDirectory) {
		Optional<DataFolder> taken = tryTake(dataDirectory);
		if (taken.isEmpty()) {
			throw new LaunchFailure("Another Meldpunt is running on the data folder " + dataDirectory
					+ ": stop it first, or choose another folder with --data DIR.");
		}
		return taken.get();
	}

	/** The folder, unless a running launcher has it. */
	static Optional<DataFolder> tryTake(Path dataDirectory) {
		try {
			Files.createDirectories(dataDirectory);
			Secrets.ownerOnly(dataDirectory);
			FileChannel channel = FileChannel.open(dataDirectory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				return Optional.empty();
			}
			return Optional.of(new DataFolder(channel, lock));
		}
		catch (IOException ex) {
			throw new LaunchFailure("The data folder " + dataDirectory
					+ " is not writable: fix its permissions or choose another folder with --data DIR.", ex);
		}
	}

	/**
	 * Stops what a dead launcher left running on this folder, saying so in one sentence
	 * each.
	 */
	static void stopLeftovers(Path dataDirectory, Consumer<String> console) {
		for (String name : new String[] { "reporter-portal", "case-service" }) {
			Path pidFile = pidFile(dataDirectory, name);
			recorded(pidFile).ifPresent((handle) -> {
				Processes.stop(handle, Duration.ofSeconds(30));
				console.accept("Found " + name + " (pid " + handle.pid()
						+ ") still running from a launcher that ended without stopping it; stopped it.");
			});
			deleteQuietly(pidFile);
		}
		Path database = dataDirectory.resolve(EmbeddedDatabase.DIRECTORY);
		PostmasterPid.read(database).flatMap(PostmasterPid::alive).ifPresent((postmaster) -> {
			EmbeddedDatabase.stop(PostgresBinaries.unpackInto(EmbeddedDatabase.binariesCache(dataDirectory)), database);
			console.accept("Found PostgreSQL (pid " + postmaster.pid()
					+ ") still running from a launcher that ended without stopping it; stopped it cleanly.");
		});
	}

	/** Writes down a child the launcher started: its process id and start time. */
	static void remember(Path dataDirectory, String name, ProcessHandle process) {
		Path file = pidFile(dataDirectory, name);
		try {
			Files.createDirectories(file.getParent());
			long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
			Files.writeString(file, process.pid() + " " + started + "\n", StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			// without the record a dead launcher's child is only found by its port
		}
	}

	static void forget(Path dataDirectory, String name) {
		deleteQuietly(pidFile(dataDirectory, name));
	}

	private static Optional<ProcessHandle> recorded(Path pidFile) {
		try {
			String[] fields = Files.readString(pidFile, StandardCharsets.US_ASCII).strip().split(" ");
			long pid = Long.parseLong(fields[0]);
			long started = Long.parseLong(fields[1]);
			return ProcessHandle.of(pid)
				.filter(Processes::isRunning)
				.filter((handle) -> handle.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == started);
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static Path pidFile(Path dataDirectory, String name) {
		return dataDirectory.resolve("run").resolve(name + ".pid");
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// stale records are checked against the start time anyway
		}
	}

	@Override
	public void close() {
		try {
			this.lock.release();
			this.channel.close();
		}
		catch (IOException ex) {
			// the kernel drops the lock with the process anyway
		}
	}

}

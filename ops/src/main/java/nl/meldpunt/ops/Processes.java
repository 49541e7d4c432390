package nl.meldpunt.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Small facts about processes and ports the launcher needs. */
final class Processes {

	private Processes() {
	}

	/**
	 * Alive and not a zombie: a process that is not our child stays a zombie until its
	 * parent (often a container's init) reaps it, and {@link ProcessHandle#isAlive()}
	 * counts zombies as alive.
	 */
	static boolean isRunning(ProcessHandle handle) {
		if (!handle.isAlive()) {
			return false;
		}
		Path stat = Path.of("/proc", Long.toString(handle.pid()), "stat");
		try {
			String fields = Files.readString(stat);
			return fields.charAt(fields.lastIndexOf(')') + 2) != 'Z';
		}
		catch (IOException | RuntimeException ex) {
			return handle.isAlive();
		}
	}

	/** SIGTERM, then SIGKILL once the grace period is over; waits for the end. */
	static void stop(ProcessHandle handle, Duration grace) {
		if (!isRunning(handle)) {
			return;
		}
		handle.destroy();
		if (!waitForEnd(handle, grace)) {
			handle.destroyForcibly();
			waitForEnd(handle, Duration.ofSeconds(10));
		}
	}

	static boolean waitForEnd(ProcessHandle handle, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (isRunning(handle)) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				TimeUnit.MILLISECONDS.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return !isRunning(handle);
			}
		}
		return true;
	}

	/** A port on the loopback interface that nobody listens on right now. */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new LaunchFailure("No free port on the loopback interface (" + ex.getMessage() + ").", ex);
		}
	}

}

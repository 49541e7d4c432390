package nl.meldpunt.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One of the two Spring Boot applications, run as a child process from its executable
 * jar. Its output goes to {@code <data>/logs/<name>.log} (rotated, 0600); lines tagged
 * {@link #CONSOLE_TAG} (demo credentials, setup instructions) are also shown to the
 * person at the terminal. Its process id and start time are written to
 * {@code <data>/run/<name>.pid} so that a launcher started after a crash of this one can
 * recognise it.
 */
final class ChildApplication implements AutoCloseable {

	static final String CASE_SERVICE_JAR = "case-service.jar";

	static final String PORTAL_JAR = "reporter-portal.jar";

	/** Lines starting with this tag are meant for the operator's console. */
	static final String CONSOLE_TAG = "[meldpunt]";

	private static final int TAIL_LINES = 15;

	/**
	 * How to start one application; the supervisor starts it again the same way.
	 *
	 * @param name the application's name (its log file and pid file)
	 * @param jar its executable jar
	 * @param port the port it listens on
	 * @param environment exactly the MELDPUNT_ and SPRING_ variables it gets
	 * @param javaOptions JVM options
	 */
	record Spec(String name, Path jar, int port, Map<String, String> environment, List<String> javaOptions) {
	}

	private final Spec spec;

	private final Process process;

	private final RollingLog log;

	private final Path dataDirectory;

	private final Deque<String> tail = new ArrayDeque<>();

	private ChildApplication(Spec spec, Process process, RollingLog log, Path dataDirectory, Consumer<String> console) {
		this.spec = spec;
		this.process = process;
		this.log = log;
		this.dataDirectory = dataDirectory;
		Thread pump = new Thread(() -> pump(console), spec.name() + "-output");
		pump.setDaemon(true);
		pump.start();
	}

	static ChildApplication start(Spec spec, RollingLog log, Path dataDirectory, Consumer<String> console) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(spec.javaOptions());
		command.add("-jar");
		command.add(spec.jar().toString());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		// only what we hand over: the portal must never inherit database credentials
		builder.environment().keySet().removeIf((key) -> key.startsWith("MELDPUNT_") || key.startsWith("SPRING_"));
		builder.environment().putAll(spec.environment());
		try {
			Process process = builder.start();
			DataFolder.remember(dataDirectory, spec.name(), process.toHandle());
			return new ChildApplication(spec, process, log, dataDirectory, console);
		}
		catch (IOException ex) {
			throw new LaunchFailure("Could not start " + spec.name() + " (" + ex.getMessage() + ").", ex);
		}
	}

	/**
	 * Waits until {@code /actuator/health} answers UP, or the process dies, or time runs
	 * out.
	 */
	void awaitHealthy(Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new LaunchFailure(name() + " stopped while starting (exit code " + this.process.exitValue()
						+ "); its last lines, from " + logFile() + ":\n" + tail());
			}
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new LaunchFailure("Stopped while waiting for " + name() + " to start.");
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new LaunchFailure("Stopped while waiting for " + name() + " to start.");
			}
		}
		throw new LaunchFailure(name() + " did not become healthy within " + timeout.toSeconds()
				+ " s; its last lines, from " + logFile() + ":\n" + tail());
	}

	Spec spec() {
		return this.spec;
	}

	String name() {
		return this.spec.name();
	}

	String url() {
		return "http://127.0.0.1:" + this.spec.port();
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	int exitValue() {
		return this.process.exitValue();
	}

	Path logFile() {
		return this.dataDirectory.resolve("logs").resolve(name() + ".log");
	}

	/** Asks for a graceful shutdown (SIGTERM), and insists after a grace period. */
	@Override
	public void close() {
		Processes.stop(this.process.toHandle(), Duration.ofSeconds(30));
		DataFolder.forget(this.dataDirectory, name());
	}

	private void pump(Consumer<String> console) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				this.log.line(line);
				remember(line);
				int tag = line.indexOf(CONSOLE_TAG);
				if (tag >= 0) {
					console.accept(line.substring(tag + CONSOLE_TAG.length()).strip());
				}
			}
		}
		catch (IOException ex) {
			// the process went away; its log ends here
		}
	}

	private synchronized void remember(String line) {
		this.tail.addLast(line);
		if (this.tail.size() > TAIL_LINES) {
			this.tail.removeFirst();
		}
	}

	synchronized String tail() {
		return String.join("\n", this.tail);
	}

}

package nl.meldpunt.ops;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One of the two Spring Boot applications, run as a child process from its executable
 * jar. Its output goes to {@code <data>/logs/<name>.log}; lines tagged
 * {@link #CONSOLE_TAG} (demo credentials, setup instructions) are also shown to the
 * person at the terminal.
 */
final class ChildApplication implements AutoCloseable {

	static final String CASE_SERVICE_JAR = "case-service.jar";

	static final String PORTAL_JAR = "reporter-portal.jar";

	/** Lines starting with this tag are meant for the operator's console. */
	static final String CONSOLE_TAG = "[meldpunt]";

	private static final int TAIL_LINES = 15;

	private final String name;

	private final Process process;

	private final Path logFile;

	private final Deque<String> tail = new ArrayDeque<>();

	private final int port;

	private ChildApplication(String name, Process process, Path logFile, int port, Consumer<String> console) {
		this.name = name;
		this.process = process;
		this.logFile = logFile;
		this.port = port;
		Thread pump = new Thread(() -> pump(console), name + "-output");
		pump.setDaemon(true);
		pump.start();
	}

	static ChildApplication start(String name, Path jar, int port, Map<String, String> environment,
			List<String> javaOptions, Path logDirectory, Consumer<String> console) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(javaOptions);
		command.add("-jar");
		command.add(jar.toString());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		// only what we hand over: the portal must never inherit database credentials
		builder.environment().keySet().removeIf((key) -> key.startsWith("MELDPUNT_") || key.startsWith("SPRING_"));
		builder.environment().putAll(environment);
		try {
			Files.createDirectories(logDirectory);
			return new ChildApplication(name, builder.start(), logDirectory.resolve(name + ".log"), port, console);
		}
		catch (IOException ex) {
			throw new LaunchFailure("Could not start " + name + " (" + ex.getMessage() + ").", ex);
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
				throw new LaunchFailure(this.name + " stopped while starting (exit code " + this.process.exitValue()
						+ "); its last lines, from " + this.logFile + ":\n" + tail());
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
				throw new LaunchFailure("Interrupted while waiting for " + this.name + ".");
			}
			sleep(Duration.ofMillis(250));
		}
		throw new LaunchFailure(this.name + " did not become healthy within " + timeout.toSeconds()
				+ " s; its last lines, from " + this.logFile + ":\n" + tail());
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** Asks for a graceful shutdown (SIGTERM), and insists after a grace period. */
	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private void pump(Consumer<String> console) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
				BufferedWriter log = Files.newBufferedWriter(this.logFile, StandardCharsets.UTF_8,
						StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
			String line;
			while ((line = reader.readLine()) != null) {
				log.write(line);
				log.newLine();
				log.flush();
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

	private synchronized String tail() {
		return String.join("\n", this.tail);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

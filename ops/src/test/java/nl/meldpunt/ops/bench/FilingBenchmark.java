package nl.meldpunt.ops.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import nl.meldpunt.ops.LaunchSettings;
import nl.meldpunt.ops.MeldpuntSystem;
import nl.meldpunt.ops.load.DemoFilings;

/**
 * Filing throughput end to end, with the embedded database's durability on (the default)
 * and off, in the same run: 32 concurrent clients post real, browser-shaped filings (each
 * sealed for the demo organisation's advisers and its own reporter key) to the portal,
 * which forwards them to the case service, which stores them in PostgreSQL. Then it
 * prints the system's memory. A program, not a test:
 * {@code ./mvnw -B -q -pl ops -am verify -DskipTests -Pfiling-benchmark}.
 *
 * <p>
 * Options (system properties): {@code bench.filings} (20000), {@code bench.clients} (32),
 * {@code bench.portal} (a running portal's URL instead of starting a fresh system).
 */
public final class FilingBenchmark {

	private FilingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int filings = Integer.getInteger("bench.filings", 20_000);
		int clients = Integer.getInteger("bench.clients", 32);
		String portal = System.getProperty("bench.portal");
		MeldpuntSystem system = null;
		if (portal == null) {
			system = startFreshSystem();
			portal = system.portalUrl();
		}
		try {
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.executor(Executors.newFixedThreadPool(4, (task) -> {
					Thread thread = new Thread(task, "benchmark-http");
					thread.setDaemon(true); // lets exec:java end
					return thread;
				}))
				.build();
			DemoFilings demo = DemoFilings.forPortal(portal);
			System.out.printf("Sealing %d + %d warm-up filings, %d key envelopes each …%n", 2 * filings, filings / 10,
					demo.envelopesPerFiling());
			run(http, portal, seal(demo, filings / 10), clients);
			Result durable = run(http, portal, seal(demo, filings), clients);
			print("durability on (fsync, synchronous_commit)", durable, clients);
			if (system != null && system.databaseSuperuser().isPresent()) {
				durability(system.databaseSuperuser().get(), false);
				Result unsafe = run(http, portal, seal(demo, filings), clients);
				durability(system.databaseSuperuser().get(), true);
				print("durability off (fsync=off, synchronous_commit=off)", unsafe, clients);
				// on again, so that JIT warm-up favours neither setting
				Result again = run(http, portal, seal(demo, filings), clients);
				print("durability on again", again, clients);
				double on = (durable.count + again.count) / (durable.seconds + again.seconds);
				System.out.printf("Durability costs %.0f %% of the throughput here (%.0f/s on, %.0f/s off).%n",
						100.0 * (1 - on / (unsafe.count / unsafe.seconds)), on, unsafe.count / unsafe.seconds);
			}
			if (system != null) {
				SystemMemory.print(system);
			}
		}
		finally {
			if (system != null) {
				system.close();
			}
		}
	}

	private static void print(String setting, Result result, int clients) {
		System.out.printf("Filing, %s: %d reports in %.2f s = %.0f reports/s with %d clients; errors: %d %s%n", setting,
				result.count, result.seconds, result.count / result.seconds, clients, result.errors,
				result.errorsByStatus);
		System.out.printf("  latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", result.percentile(50),
				result.percentile(95), result.percentile(99), result.percentile(100));
	}

	/**
	 * Turns the embedded database's durability off or back on for the benchmark only
	 * (ALTER SYSTEM wins over the launcher's configuration file; a reload applies it to
	 * every open connection).
	 */
	private static void durability(LaunchSettings.ExternalDatabase superuser, boolean on) throws SQLException {
		try (Connection connection = DriverManager.getConnection(superuser.url(), superuser.user(),
				superuser.password()); Statement statement = connection.createStatement()) {
			if (on) {
				statement.execute("ALTER SYSTEM RESET fsync");
				statement.execute("ALTER SYSTEM RESET synchronous_commit");
			}
			else {
				statement.execute("ALTER SYSTEM SET fsync = off");
				statement.execute("ALTER SYSTEM SET synchronous_commit = off");
			}
			statement.execute("SELECT pg_reload_conf()");
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static MeldpuntSystem startFreshSystem() throws IOException {
		var data = Files.createTempDirectory("meldpunt-bench");
		LaunchSettings settings = new LaunchSettings(data,
				java.nio.file.Path.of("ops", "target", "apps").toAbsolutePath().toFile().isDirectory()
						? java.nio.file.Path.of("ops", "target", "apps").toAbsolutePath()
						: java.nio.file.Path.of("target", "apps").toAbsolutePath(),
				freePort(), freePort(), true, Optional.empty(), "");
		System.out.println("Starting a fresh system in demo mode …");
		return MeldpuntSystem.start(settings, (line) -> {
		});
	}

	private static List<String> seal(DemoFilings demo, int count) {
		return IntStream.range(0, count).parallel().mapToObj((i) -> demo.next().body()).toList();
	}

	private static Result run(HttpClient http, String portal, List<String> bodies, int clients) throws Exception {
		URI uri = URI.create(portal + "/api/o/demo/cases");
		AtomicInteger next = new AtomicInteger();
		long[] latencies = new long[bodies.size()];
		ConcurrentHashMap<Integer, AtomicInteger> errors = new ConcurrentHashMap<>();
		AtomicInteger shown = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			workers.add(pool.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < bodies.size()) {
					HttpRequest request = HttpRequest.newBuilder(uri)
						.header("Content-Type", "application/json")
						.timeout(Duration.ofSeconds(30))
						.POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
						.build();
					long sent = System.nanoTime();
					int status;
					String answer;
					try {
						HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
						status = response.statusCode();
						answer = response.body();
					}
					catch (IOException ex) {
						status = -1;
						answer = ex.toString();
					}
					latencies[i] = System.nanoTime() - sent;
					if (status != 201) {
						errors.computeIfAbsent(status, (s) -> new AtomicInteger()).incrementAndGet();
						if (shown.getAndIncrement() == 0) {
							System.out.println("First refusal (" + status + "): " + answer);
						}
					}
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		int errorCount = errors.values().stream().mapToInt(AtomicInteger::get).sum();
		return new Result(bodies.size(), seconds, errorCount, errors.toString(), latencies);
	}

	private static int freePort() throws IOException {
		try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private record Result(int count, double seconds, int errors, String errorsByStatus, long[] latencies) {

		double percentile(int p) {
			long[] sorted = this.latencies.clone();
			Arrays.sort(sorted);
			int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
			return sorted[Math.max(0, index)] / 1e6;
		}

	}

}

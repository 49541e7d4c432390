package nl.meldpunt.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import nl.meldpunt.ops.LaunchSettings;
import nl.meldpunt.ops.MeldpuntSystem;
import nl.meldpunt.ops.load.DemoFilings;

/**
 * Filing throughput end to end, with the embedded database's durability on (the default)
 * and off, in the same run: 32 connections of Debian's {@code wrk} post real,
 * browser-shaped filings (each sealed for the demo organisation's advisers and its own
 * reporter key, all sealed before the clock starts) to the portal, which passes them to
 * the case service, which stores them in PostgreSQL; and the same straight to the case
 * service's internal API, so that each layer's ceiling shows. Each run prints throughput,
 * p50/p95/p99, errors, the CPU each part spent per filing (portal, case service,
 * PostgreSQL, client; from {@code /proc}), the machine's load and whether fsync and
 * synchronous commit were on; the run starts with a single-row-insert baseline of the
 * same database from Java, so that a result can be read as a ratio on a noisy machine. A
 * program, not a test:
 * {@code ./mvnw -B -q -pl ops -am verify -DskipTests -Pfiling-benchmark}.
 *
 * <p>
 * Options (system properties): {@code bench.seconds} per run (15), {@code bench.clients}
 * (32), {@code bench.filings} sealed per run (4,000 per second of a run, so that no run
 * at up to 4,000/s files one twice), {@code bench.warmup} seconds of warm-up through the
 * portal (twice {@code bench.seconds}; on a busy machine the JIT still compiles after
 * that: give it minutes), {@code bench.apps} (a folder with {@code case-service.jar} and
 * {@code reporter-portal.jar} to measure, e.g. another commit's build, for a before/after
 * on the same machine), {@code bench.jvm} (extra JVM options for both applications, e.g.
 * a flight recording started with the JVM:
 * {@code -XX:StartFlightRecording=filename=/tmp/jfr,settings=profile}; attaching one to a
 * running JVM under this load disturbs it too much), {@code bench.quick} (only the two
 * durable runs after the warm-up: for trying a change), {@code bench.sql} (a file of
 * statements run as the database superuser before the warm-up: for trying a schema
 * change).
 */
public final class FilingBenchmark {

	private FilingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = Integer.getInteger("bench.seconds", 15);
		int clients = Integer.getInteger("bench.clients", 32);
		int filings = Integer.getInteger("bench.filings", 4_000 * seconds);
		int warmup = Integer.getInteger("bench.warmup", 2 * seconds);
		MeldpuntSystem system = startFreshSystem();
		Path work = Files.createTempDirectory("meldpunt-bench-load");
		try {
			String portal = system.portalUrl() + "/api/o/demo/cases";
			String direct = system.caseServiceUrl() + "/internal/v1/organisations/demo/cases";
			String secret = Files.readString(system.dataDirectory().resolve("internal-secret")).strip();
			DemoFilings demo = DemoFilings.forPortal(system.portalUrl());
			LaunchSettings.ExternalDatabase superuser = system.databaseSuperuser().orElseThrow();
			System.out.printf("%d connections, %d s per run, %d key envelopes per filing, load average now %s%n",
					clients, seconds, demo.envelopesPerFiling(), ProcessCpu.loadAverage());
			baseline(superuser, clients);
			String sqlFile = System.getProperty("bench.sql");
			if (sqlFile != null) {
				String sql = Files.readString(Path.of(sqlFile));
				try (Connection connection = DriverManager.getConnection(superuser.url(), superuser.user(),
						superuser.password()); Statement statement = connection.createStatement()) {
					statement.execute(sql);
				}
				System.out.println("Ran before measuring: " + sqlFile);
			}
			int[] counter = { 0 };
			Measure measure = (label, url, bearer, length) -> {
				Path bodies = WrkLoad.write(work, "run" + counter[0]++, seal(demo, filings));
				long commitsBefore = commits(superuser);
				ProcessCpu.Snapshot before = ProcessCpu.take(system.portalPid(), system.caseServicePid(),
						system.postmasterPid());
				WrkLoad.Outcome outcome = WrkLoad.run(work, url, bodies, bearer, clients, length);
				ProcessCpu.Snapshot after = ProcessCpu.take(system.portalPid(), system.caseServicePid(),
						system.postmasterPid());
				Files.delete(bodies);
				if (label != null) {
					print(label, settings(superuser), outcome, after.millisSince(before),
							after.machineBusyCoresSince(before, outcome.seconds()), commits(superuser) - commitsBefore);
				}
			};
			System.out.println("Warming up (not measured) …");
			measure.run(null, portal, null, Duration.ofSeconds(warmup));
			measure.run(null, direct, secret, Duration.ofSeconds(seconds));
			measure.run("through the portal, durability on", portal, null, Duration.ofSeconds(seconds));
			measure.run("straight to the case service, durability on", direct, secret, Duration.ofSeconds(seconds));
			if (Boolean.getBoolean("bench.quick")) {
				SystemMemory.print(system);
				return;
			}
			durability(superuser, false);
			measure.run("through the portal, durability OFF", portal, null, Duration.ofSeconds(seconds));
			measure.run("straight to the case service, durability OFF", direct, secret, Duration.ofSeconds(seconds));
			durability(superuser, true);
			// on again, so that JIT warm-up favours neither setting
			measure.run("through the portal, durability on again", portal, null, Duration.ofSeconds(seconds));
			SystemMemory.print(system);
		}
		finally {
			system.close();
		}
	}

	/** One measured (or, without a label, warm-up) run. */
	private interface Measure {

		void run(String label, String url, String bearer, Duration length) throws Exception;

	}

	private static void print(String label, String settings, WrkLoad.Outcome outcome, Map<String, Double> cpu,
			double machineCores, long commits) {
		System.out.printf(
				"Filing %s [%s; load average %s]: %.0f filings/s (%d in %.1f s: %d new, %d repeats);" + " errors: %d%n",
				label, settings, ProcessCpu.loadAverage(), outcome.perSecond(), outcome.acknowledged(),
				outcome.seconds(), outcome.created(), outcome.repeats(), outcome.errors());
		System.out.printf("  latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", outcome.p50(),
				outcome.p95(), outcome.p99(), outcome.max());
		StringBuilder split = new StringBuilder("  CPU per filing:");
		double total = 0;
		for (Map.Entry<String, Double> part : cpu.entrySet()) {
			double perFiling = part.getValue() / Math.max(1, outcome.acknowledged());
			total += part.getValue();
			split.append(String.format(" %s %.3f ms,", part.getKey(), perFiling));
		}
		split.append(String.format(" sum %.3f ms; these used %.2f of %d cores, the whole machine %.2f",
				total / Math.max(1, outcome.acknowledged()), total / 1000 / outcome.seconds(),
				Runtime.getRuntime().availableProcessors(), machineCores));
		System.out.println(split);
		System.out.printf("  database commits: %d, %.1f new filings per commit%n", commits,
				outcome.created() / (double) Math.max(1, commits));
	}

	/**
	 * Transactions committed in the application's database so far (PostgreSQL's
	 * statistics, flushed within a second; the benchmark's own queries count too).
	 */
	private static long commits(LaunchSettings.ExternalDatabase superuser) throws SQLException {
		try (Connection connection = DriverManager.getConnection(superuser.url(), superuser.user(),
				superuser.password()); Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_stat_force_next_flush()");
			try (ResultSet row = statement
				.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	/** fsync and synchronous_commit as PostgreSQL reports them now. */
	private static String settings(LaunchSettings.ExternalDatabase superuser) throws SQLException {
		try (Connection connection = DriverManager.getConnection(superuser.url(), superuser.user(),
				superuser.password()); Statement statement = connection.createStatement()) {
			return "fsync=" + show(statement, "fsync") + ", synchronous_commit="
					+ show(statement, "synchronous_commit");
		}
	}

	private static String show(Statement statement, String setting) throws SQLException {
		try (ResultSet row = statement.executeQuery("SHOW " + setting)) {
			row.next();
			return row.getString(1);
		}
	}

	/**
	 * Single-row inserts, each its own transaction, from {@code clients} threads for five
	 * seconds: what this database does at its simplest, durable, in this very run.
	 */
	private static void baseline(LaunchSettings.ExternalDatabase superuser, int clients) throws Exception {
		try (Connection connection = DriverManager.getConnection(superuser.url(), superuser.user(),
				superuser.password()); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE bench_single_row (id bigserial PRIMARY KEY, filed date NOT NULL)");
		}
		AtomicLong inserts = new AtomicLong();
		long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<?>> workers = new ArrayList<>();
		long start = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			workers.add(pool.submit(() -> {
				try (Connection connection = DriverManager.getConnection(superuser.url(), superuser.user(),
						superuser.password());
						PreparedStatement insert = connection
							.prepareStatement("INSERT INTO bench_single_row (filed) VALUES (current_date)")) {
					while (System.nanoTime() < end) {
						insert.executeUpdate();
						inserts.incrementAndGet();
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
		try (Connection connection = DriverManager.getConnection(superuser.url(), superuser.user(),
				superuser.password()); Statement statement = connection.createStatement()) {
			System.out.printf("Baseline, single-row inserts from Java [%s; load average %s]: %.0f/s with %d clients%n",
					settings(superuser), ProcessCpu.loadAverage(), inserts.get() / seconds, clients);
			statement.execute("DROP TABLE bench_single_row");
		}
	}

	/**
	 * Turns the embedded database's durability off or back on for the benchmark only
	 * (ALTER SYSTEM wins over the launcher's configuration file; a reload applies it to
	 * every open connection). Turned back on, it checkpoints and syncs first, so that the
	 * next durable run does not pay for what was written without fsync.
	 */
	private static void durability(LaunchSettings.ExternalDatabase superuser, boolean on)
			throws SQLException, IOException {
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
			if (on) {
				// flush now what was written without fsync: else the next run pays for it
				statement.execute("CHECKPOINT");
				new ProcessBuilder("sync").inheritIO().start().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static MeldpuntSystem startFreshSystem() throws IOException {
		Path data = Files.createTempDirectory("meldpunt-bench");
		String apps = System.getProperty("bench.apps");
		Path folder = (apps != null) ? Path.of(apps)
				: Path.of("ops", "target", "apps").toAbsolutePath().toFile().isDirectory()
						? Path.of("ops", "target", "apps").toAbsolutePath()
						: Path.of("target", "apps").toAbsolutePath();
		System.out.println("Starting a fresh system in demo mode from " + folder + " …");
		return MeldpuntSystem.start(new LaunchSettings(data, folder.toAbsolutePath(), freePort(), freePort(), true,
				Optional.empty(), System.getProperty("bench.jvm", "")), (line) -> {
				});
	}

	private static List<String> seal(DemoFilings demo, int count) {
		return IntStream.range(0, count).parallel().mapToObj((i) -> demo.next().body()).toList();
	}

	private static int freePort() throws IOException {
		try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}

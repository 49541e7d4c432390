package nl.meldpunt.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher as a person runs it: a separate process, stopped with SIGTERM, started
 * again on the same data folder.
 */
class LauncherProcessIntegrationTest {

	@TempDir
	Path temp;

	/** Every launcher a test started, stopped even when an assertion failed half-way. */
	private final List<LauncherProcess> started = new java.util.ArrayList<>();

	@org.junit.jupiter.api.AfterEach
	void stopLeftovers() {
		for (LauncherProcess launcher : this.started) {
			launcher.process().descendants().forEach(ProcessHandle::destroy);
			launcher.process().destroy();
		}
	}

	private LauncherProcess launch(Path data, int portal, int caseService) throws IOException {
		LauncherProcess launcher = LauncherProcess.start(data, portal, caseService);
		this.started.add(launcher);
		return launcher;
	}

	@Test
	void launcherWhenStoppedAndStartedAgainThenDataSurvivesAndEverythingStops() throws Exception {
		Path data = this.temp.resolve("data");
		int portal = freePort();
		int caseService = freePort();

		LauncherProcess first = launch(data, portal, caseService);
		first.awaitOutput("Meldpunt is running");
		// the case service's console lines reach the operator: here, the demo accounts
		assertThat(first.output()).contains("Demo accounts, all with passphrase").contains("adviser1@demo.meldpunt.nl");
		assertThat(health(portal)).contains("\"UP\"");
		assertThat(health(caseService)).contains("\"UP\"");
		List<ProcessHandle> children = first.descendants();
		assertThat(children).hasSize(2); // the two application JVMs; pg_ctl detaches
											// PostgreSQL
		long postmaster = Long.parseLong(
				Files.readAllLines(data.resolve("postgres/postmaster.pid"), StandardCharsets.US_ASCII).get(0).strip());
		execute(data, "create table restart_probe (marker text)", "insert into restart_probe values ('kept')");

		first.terminate();
		assertThat(first.output()).contains("Stopped; all data is kept");
		assertThat(children).noneMatch(Processes::isRunning);
		// PostgreSQL deletes its pid file as the last step of a clean shutdown
		assertThat(data.resolve("postgres/postmaster.pid")).as("PostgreSQL shut down cleanly").doesNotExist();
		assertThat(isRunningPostgres(postmaster)).isFalse();

		LauncherProcess second = launch(data, portal, caseService);
		second.awaitOutput("Meldpunt is running");
		assertThat(query(data, "select marker from restart_probe")).isEqualTo("kept");
		assertThat(health(caseService)).contains("\"UP\"");
		second.terminate();
	}

	@Test
	void launcherWhenSignalledDuringStartUpThenEverythingStartedSoFarStops() throws Exception {
		// two moments: right after PostgreSQL is up, and while the applications start
		for (int moment = 0; moment < 2; moment++) {
			Path data = this.temp.resolve("data-" + moment);
			LauncherProcess launcher = launch(data, freePort(), freePort());
			Path pidFile = data.resolve("postgres/postmaster.pid");
			awaitCondition(() -> Files.exists(pidFile) && PostmasterPid.read(data.resolve("postgres")).isPresent());
			if (moment == 1) {
				awaitCondition(() -> launcher.descendants().size() >= 2);
			}
			long postmaster = PostmasterPid.read(data.resolve("postgres")).orElseThrow().pid();
			List<ProcessHandle> children = launcher.descendants();
			launcher.terminate();
			assertThat(launcher.output()).doesNotContain("Meldpunt is running").contains("Stopped; all data is kept");
			assertThat(children).noneMatch(Processes::isRunning);
			assertThat(isRunningPostgres(postmaster)).as("PostgreSQL stopped at moment " + moment).isFalse();
			assertThat(pidFile).as("PostgreSQL shut down cleanly").doesNotExist();
		}
	}

	@Test
	void launcherWhenKilledThenTheNextStartStopsWhatItLeftBehindAndSaysSo() throws Exception {
		Path data = this.temp.resolve("data");
		int portal = freePort();
		int caseService = freePort();
		LauncherProcess killed = launch(data, portal, caseService);
		awaitCondition(() -> killed.descendants().size() >= 2 && Files.exists(data.resolve("run/reporter-portal.pid"))
				&& PostmasterPid.read(data.resolve("postgres")).isPresent());
		List<ProcessHandle> children = killed.descendants();
		long postmaster = PostmasterPid.read(data.resolve("postgres")).orElseThrow().pid();
		killed.process().destroyForcibly().waitFor();
		assertThat(children).as("left behind, running without a launcher").allMatch(Processes::isRunning);

		LauncherProcess next = launch(data, portal, caseService);
		next.awaitOutput("stopped it cleanly.");
		String output = next.output();
		for (ProcessHandle child : children) {
			assertThat(output).containsPattern("Found (case-service|reporter-portal) \\(pid " + child.pid()
					+ "\\) still running from a launcher that ended without stopping it; stopped it\\.");
		}
		assertThat(output).contains("Found PostgreSQL (pid " + postmaster
				+ ") still running from a launcher that ended without stopping it; stopped it cleanly.");
		assertThat(children).noneMatch(Processes::isRunning);
		assertThat(isRunningPostgres(postmaster)).isFalse();
		// it goes on starting on the freed ports (the first test covers a full restart)
		next.terminate();
	}

	private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
		java.time.Instant deadline = java.time.Instant.now().plusSeconds(240);
		while (!condition.getAsBoolean()) {
			if (java.time.Instant.now().isAfter(deadline)) {
				throw new AssertionError("condition not met within 240 s");
			}
			Thread.sleep(20);
		}
	}

	@Test
	void launcherWhenPortIsTakenThenOneSentenceAndNonZeroExit() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			LauncherProcess launcher = launch(this.temp.resolve("data"), taken.getLocalPort(), freePort());
			assertThat(launcher.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(launcher.process().exitValue()).isEqualTo(2);
			assertThat(launcher.output()).contains("meldpunt: Port " + taken.getLocalPort() + " is already in use")
				.doesNotContain("\tat ")
				.doesNotContain("Exception");
		}
	}

	/** Alive and not a zombie waiting to be reaped by a container's init. */
	private static boolean isRunningPostgres(long pid) throws IOException {
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		if (!Files.exists(stat)) {
			return false;
		}
		String fields = Files.readString(stat);
		return fields.charAt(fields.lastIndexOf(')') + 2) != 'Z';
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static String health(int port) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	private static Connection connect(Path data) throws IOException, SQLException {
		// PostgreSQL writes its port on the fourth line of postmaster.pid
		List<String> pid = Files.readAllLines(data.resolve("postgres/postmaster.pid"), StandardCharsets.US_ASCII);
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/meldpunt",
				"meldpunt", Files.readString(data.resolve("postgres-password")).strip());
	}

	private static void execute(Path data, String... statements) throws IOException, SQLException {
		try (Connection connection = connect(data); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static String query(Path data, String sql) throws IOException, SQLException {
		try (Connection connection = connect(data);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			return result.next() ? result.getString(1) : null;
		}
	}

}

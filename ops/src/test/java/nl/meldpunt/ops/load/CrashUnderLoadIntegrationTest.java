package nl.meldpunt.ops.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import nl.meldpunt.ops.LaunchSettings;
import nl.meldpunt.ops.MeldpuntSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 32 clients file through the portal while one part of the system is killed with SIGKILL:
 * the case service, the PostgreSQL postmaster, the portal. The supervisor brings each
 * back, filings resume, and every filing that was answered 201 is in the database exactly
 * once with its report and all its key envelopes. Prints the counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashUnderLoadIntegrationTest {

	private static final int CLIENTS = 32;

	private static final Duration LIMIT = Duration.ofMinutes(4);

	private MeldpuntSystem system;

	@BeforeAll
	void startSystem() throws Exception {
		Path data = Files.createTempDirectory("meldpunt-crash");
		this.system = MeldpuntSystem.start(new LaunchSettings(data, Path.of("target", "apps").toAbsolutePath(),
				freePort(), freePort(), true, Optional.empty(), ""), (line) -> System.out.println("[crash] " + line));
	}

	@AfterAll
	void stopSystem() {
		if (this.system != null) {
			this.system.close();
		}
	}

	@Test
	@Order(1)
	void caseServiceWhenKilledMidLoadThenRestartedAndNoAcknowledgedFilingLost() throws Exception {
		long before = this.system.caseServicePid();
		CrashUnderLoad.Result result = CrashUnderLoad.run(this.system, "the case service", () -> before, CLIENTS, 150,
				30, LIMIT);
		assertThat(result.stored().allThereOnce()).as(result.describe()).isTrue();
		assertThat(this.system.caseServicePid()).as("a new case service").isNotEqualTo(before);
	}

	@Test
	@Order(2)
	void postmasterWhenKilledMidLoadThenRecoveredAndNoAcknowledgedFilingLost() throws Exception {
		long before = this.system.postmasterPid().orElseThrow();
		CrashUnderLoad.Result result = CrashUnderLoad.run(this.system, "the PostgreSQL postmaster", () -> before,
				CLIENTS, 150, 30, LIMIT);
		assertThat(result.stored().allThereOnce()).as(result.describe()).isTrue();
		assertThat(this.system.postmasterPid().orElseThrow()).as("a new postmaster").isNotEqualTo(before);
	}

	@Test
	@Order(3)
	void portalWhenKilledMidLoadThenRestartedAndFilingsResume() throws Exception {
		long before = this.system.portalPid();
		CrashUnderLoad.Result result = CrashUnderLoad.run(this.system, "the reporter portal", () -> before, CLIENTS,
				150, 30, LIMIT);
		assertThat(result.stored().allThereOnce()).as(result.describe()).isTrue();
		assertThat(this.system.portalPid()).isNotEqualTo(before);
		assertThat(this.system.awaitFailure(Duration.ZERO)).as("the supervisor never gave up").isEmpty();
	}

	private static int freePort() throws java.io.IOException {
		try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}

package nl.meldpunt.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PreflightUnitTest {

	@TempDir
	Path temp;

	@Test
	void portIsFreeWhenTakenThenNamesPortAndVariable() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThatExceptionOfType(LaunchFailure.class)
				.isThrownBy(() -> Preflight.portIsFree(taken.getLocalPort(), "MELDPUNT_PORTAL_PORT"))
				.withMessage("Port " + taken.getLocalPort()
						+ " is already in use: stop the program that uses it, or set MELDPUNT_PORTAL_PORT to a free port.");
		}
	}

	@Test
	void dataDirectoryIsWritableWhenItCannotBeCreatedThenSaysHowToFix() throws IOException {
		// a folder below a plain file can never be created, not even by root
		Path file = Files.writeString(this.temp.resolve("plain-file"), "x");
		assertThatExceptionOfType(LaunchFailure.class)
			.isThrownBy(() -> Preflight.dataDirectoryIsWritable(file.resolve("data")))
			.withMessageContaining("is not writable")
			.withMessageContaining("--data DIR");
	}

	@Test
	void databaseIsReachableWhenNobodyListensThenNamesTheUrlAndVariables() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/meldpunt";
		assertThatExceptionOfType(LaunchFailure.class)
			.isThrownBy(() -> Preflight.databaseIsReachable(new LaunchSettings.ExternalDatabase(url, "x", "y")))
			.withMessageStartingWith("Cannot reach the database at " + url)
			.withMessageContaining("MELDPUNT_DATABASE_URL");
	}

	@Test
	void checkWhenApplicationJarsAreMissingThenSaysHowToBuild() {
		LaunchSettings settings = new LaunchSettings(this.temp.resolve("data"), this.temp.resolve("no-apps"), 1, 2,
				false, Optional.empty(), "");
		assertThatExceptionOfType(LaunchFailure.class).isThrownBy(() -> Preflight.check(settings))
			.withMessageContaining("is missing: build first with ./mvnw");
	}

}

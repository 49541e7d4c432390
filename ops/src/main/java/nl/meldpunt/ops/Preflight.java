package nl.meldpunt.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The checks that turn the usual first-run mistakes into one clear sentence instead of a
 * stack trace from deep inside a child process.
 */
final class Preflight {

	private Preflight() {
	}

	static void check(LaunchSettings settings) {
		if (Runtime.version().feature() < 17) {
			throw new LaunchFailure("Meldpunt needs Java 17 or newer, this is Java " + Runtime.version().feature()
					+ ": install a JDK 17 and put it first on the PATH.");
		}
		for (String jar : new String[] { ChildApplication.CASE_SERVICE_JAR, ChildApplication.PORTAL_JAR }) {
			if (!Files.isRegularFile(settings.appsDirectory().resolve(jar))) {
				throw new LaunchFailure("The application jar " + settings.appsDirectory().resolve(jar)
						+ " is missing: build first with ./mvnw -B -DskipTests package.");
			}
		}
		portIsFree(settings.portalPort(), "MELDPUNT_PORTAL_PORT");
		portIsFree(settings.caseServicePort(), "MELDPUNT_CASE_SERVICE_PORT");
		dataDirectoryIsWritable(settings.dataDirectory());
		settings.externalDatabase().ifPresent(Preflight::databaseIsReachable);
	}

	static void portIsFree(int port, String variable) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new LaunchFailure("Port " + port + " is already in use: stop the program that uses it, or set "
					+ variable + " to a free port.");
		}
	}

	static void dataDirectoryIsWritable(Path directory) {
		try {
			Files.createDirectories(directory);
			Path probe = Files.createTempFile(directory, ".write-check", ".tmp");
			Files.delete(probe);
		}
		catch (IOException | SecurityException ex) {
			throw new LaunchFailure("The data folder " + directory
					+ " is not writable: fix its permissions or choose another folder with --data DIR.");
		}
	}

	static void databaseIsReachable(LaunchSettings.ExternalDatabase database) {
		DriverManager.setLoginTimeout(5);
		try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
				database.password())) {
			connection.isValid(5);
		}
		catch (SQLException ex) {
			throw new LaunchFailure("Cannot reach the database at " + database.url() + " (" + firstLine(ex.getMessage())
					+ "): check MELDPUNT_DATABASE_URL, MELDPUNT_DATABASE_USER and MELDPUNT_DATABASE_PASSWORD.");
		}
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "no answer";
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

}

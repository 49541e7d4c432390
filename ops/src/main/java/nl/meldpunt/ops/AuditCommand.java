package nl.meldpunt.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code verify-audit [--data DIR]}: checks every audit chain against the signed
 * checkpoints in {@code DATA/audit} (see {@link #CHECKPOINTS}) and prints one sentence:
 * intact, or which chain was truncated or rewritten after which checkpoint. The check
 * itself is the case service's
 * ({@code nl.meldpunt.caseservice.admin.VerifyAuditCommand}), run from its jar without
 * the web application; the database is found as for a backup. Exit code 0: intact; 1: not
 * intact; 2: could not check.
 */
final class AuditCommand {

	/**
	 * The checkpoint folder in the data folder: the signing key and the checkpoint file.
	 */
	static final String CHECKPOINTS = "audit";

	private static final String MAIN = "nl.meldpunt.caseservice.admin.VerifyAuditCommand";

	private AuditCommand() {
	}

	static boolean handles(String[] args) {
		return args.length > 0 && args[0].equals("verify-audit");
	}

	static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
		try {
			LaunchSettings settings = LaunchSettings.from(Arrays.copyOfRange(args, 1, args.length), env);
			Path jar = settings.appsDirectory().resolve(ChildApplication.CASE_SERVICE_JAR);
			if (!Files.isRegularFile(jar)) {
				throw new LaunchFailure(
						"The application jar " + jar + " is missing: build first with ./mvnw -B -DskipTests package.");
			}
			Path checkpoints = settings.dataDirectory().resolve(CHECKPOINTS);
			if (!Files.isDirectory(checkpoints)) {
				throw new LaunchFailure("There are no audit checkpoints in " + checkpoints
						+ " yet: Meldpunt takes the first within an hour of running.");
			}
			return DatabaseCommands.withDatabase(settings, "verify", (line) -> out.println("  " + line),
					(database) -> check(jar, checkpoints, database, out));
		}
		catch (LaunchFailure failure) {
			err.println("meldpunt: " + failure.getMessage());
			return 2;
		}
	}

	private static int check(Path jar, Path checkpoints, LaunchSettings.ExternalDatabase database, PrintStream out) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(jar.toString());
		command.add("-Dloader.main=" + MAIN);
		command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.INHERIT);
		builder.environment().put("MELDPUNT_DATABASE_URL", database.url());
		builder.environment().put("MELDPUNT_DATABASE_USER", database.user());
		builder.environment().put("MELDPUNT_DATABASE_PASSWORD", database.password());
		builder.environment().put("MELDPUNT_AUDIT_CHECKPOINTS", checkpoints.toString());
		try {
			Process check = builder.start();
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(check.getInputStream(), StandardCharsets.UTF_8))) {
				lines.lines().forEach(out::println);
			}
			return check.waitFor();
		}
		catch (IOException ex) {
			throw new LaunchFailure("Could not run the audit check: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LaunchFailure("The audit check was interrupted.", ex);
		}
	}

}

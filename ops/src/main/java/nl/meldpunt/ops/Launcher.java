package nl.meldpunt.ops;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code java -jar ops/target/meldpunt.jar [--demo] [--data DIR]}: starts the whole
 * system with embedded defaults, prints where to find it, and stops everything cleanly on
 * Ctrl-C or SIGTERM.
 */
public final class Launcher {

	private static final String USAGE = """
			Usage: java -jar ops/target/meldpunt.jar [--demo] [--data DIR] [--setup NAME --admin E-MAIL]
			       java -jar ops/target/meldpunt.jar backup --to FILE [--data DIR]
			       java -jar ops/target/meldpunt.jar restore --from FILE [--data DIR]
			  --demo                     seed a demo organisation with advisers, a hotline and a director
			  --data DIR                 where the database, logs and secrets are kept (default ./data)
			  --setup NAME --admin MAIL  first run: create organisation NAME (its portal is /o/NAME) and
			                             print a one-time enrolment code for its first administrator
			  backup --to FILE           one consistent snapshot of the database (also while running)
			  restore --from FILE        into an empty data folder or database, Meldpunt stopped
			Environment: MELDPUNT_DATABASE_URL/_USER/_PASSWORD (use that PostgreSQL instead of the
			embedded one), MELDPUNT_PORTAL_PORT (8080), MELDPUNT_CASE_SERVICE_PORT (8081),
			MELDPUNT_JAVA_OPTS (extra JVM options for both applications), MELDPUNT_BACKUP_DIR and
			MELDPUNT_BACKUP_KEEP_DAYS (a backup a day into that folder, kept 30 days).""";

	private Launcher() {
	}

	public static void main(String[] args) {
		if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
			System.out.println(USAGE);
			return;
		}
		if (DatabaseCommands.handles(args)) {
			System.exit(DatabaseCommands.run(args, System.getenv(), System.out, System.err));
		}
		System.exit(run(args, System.out, System.err));
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		Instant started = Instant.now();
		LaunchSettings settings;
		MeldpuntSystem system;
		try {
			settings = LaunchSettings.from(args, System.getenv());
			out.println("Starting Meldpunt (data in " + settings.dataDirectory() + ") …");
			system = MeldpuntSystem.prepare(settings, (line) -> out.println("  " + line));
		}
		catch (LaunchFailure failure) {
			err.println("meldpunt: " + failure.getMessage());
			return 2;
		}
		// from the first moment: a signal during start-up stops whatever was started
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			out.println("Stopping Meldpunt …");
			system.close();
			out.println("Stopped; all data is kept in " + settings.dataDirectory() + ".");
		}, "meldpunt-shutdown"));
		try {
			system.start();
		}
		catch (LaunchFailure failure) {
			err.println("meldpunt: " + failure.getMessage());
			return 2;
		}
		printReady(out, system, settings, Duration.between(started, Instant.now()));
		try {
			String why = system.awaitFailure(Duration.ofDays(365_000)).orElse("stopped");
			err.println("meldpunt: " + why);
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

	private static void printReady(PrintStream out, MeldpuntSystem system, LaunchSettings settings, Duration took) {
		out.printf("%nMeldpunt is running (ready in %.1f s).%n", took.toMillis() / 1000.0);
		out.println("  Reporter portal:      " + system.portalUrl() + "/o/<organisation>"
				+ (settings.demo() ? "   demo: " + system.portalUrl() + "/o/demo" : ""));
		out.println("  Advisers' workspace:  " + system.caseServiceUrl() + "/workspace");
		out.println("  Health:               " + system.portalUrl() + "/actuator/health, " + system.caseServiceUrl()
				+ "/actuator/health");
		out.println("  Logs:                 " + system.logDirectory());
		if (!settings.demo() && settings.setup().isEmpty()) {
			out.println(
					"First run? Reports are refused until an organisation has an enrolled adviser. Start once with");
			out.println("  --setup <organisation> --admin <e-mail> to create it, or with --demo to try everything.");
		}
		out.println("Press Ctrl-C to stop.");
	}

}

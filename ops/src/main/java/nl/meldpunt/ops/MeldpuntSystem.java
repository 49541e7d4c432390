package nl.meldpunt.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole system on one machine: a database (embedded unless one is configured), the
 * case service and the reporter portal, each application in its own JVM. Closing it stops
 * them in reverse order, gracefully.
 */
public final class MeldpuntSystem implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofMinutes(3);

	private static final List<String> DEFAULT_JVM = List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:MaxMetaspaceSize=192m",
			"-XX:ReservedCodeCacheSize=64m", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");

	private final LaunchSettings settings;

	private final EmbeddedDatabase embedded;

	private final LaunchSettings.ExternalDatabase database;

	private final ChildApplication caseService;

	private final ChildApplication portal;

	private MeldpuntSystem(LaunchSettings settings, EmbeddedDatabase embedded, LaunchSettings.ExternalDatabase database,
			ChildApplication caseService, ChildApplication portal) {
		this.settings = settings;
		this.embedded = embedded;
		this.database = database;
		this.caseService = caseService;
		this.portal = portal;
	}

	/**
	 * Starts everything and returns once both applications report healthy.
	 * @param console receives the lines meant for the operator (demo credentials, setup)
	 * @throws LaunchFailure with a one-sentence explanation when anything is in the way
	 */
	public static MeldpuntSystem start(LaunchSettings settings, Consumer<String> console) {
		Preflight.check(settings);
		String secret = InternalSecret.load(settings.dataDirectory());
		Path logs = settings.dataDirectory().resolve("logs");
		EmbeddedDatabase embedded = settings.externalDatabase().isPresent() ? null
				: EmbeddedDatabase.start(settings.dataDirectory());
		LaunchSettings.ExternalDatabase database = (embedded != null) ? embedded.connection()
				: settings.externalDatabase().get();
		ChildApplication caseService = null;
		ChildApplication portal = null;
		try {
			Map<String, String> common = new HashMap<>();
			common.put("MELDPUNT_INTERNAL_SECRET", secret);
			common.put("MELDPUNT_DEMO", Boolean.toString(settings.demo()));

			Map<String, String> caseEnv = new HashMap<>(common);
			caseEnv.put("MELDPUNT_CASE_SERVICE_PORT", Integer.toString(settings.caseServicePort()));
			caseEnv.put("MELDPUNT_DATABASE_URL", database.url());
			caseEnv.put("MELDPUNT_DATABASE_USER", database.user());
			caseEnv.put("MELDPUNT_DATABASE_PASSWORD", database.password());
			caseEnv.put("MELDPUNT_PORTAL_URL", "http://127.0.0.1:" + settings.portalPort());
			settings.setup().ifPresent((setup) -> {
				// relaxed binding: MELDPUNT_SETUP_ADMINEMAIL is
				// meldpunt.setup.admin-email
				caseEnv.put("MELDPUNT_SETUP_ORGANISATION", setup.organisation());
				caseEnv.put("MELDPUNT_SETUP_ADMINEMAIL", setup.adminEmail());
			});
			caseService = ChildApplication.start("case-service",
					settings.appsDirectory().resolve(ChildApplication.CASE_SERVICE_JAR), settings.caseServicePort(),
					caseEnv, jvm(settings, "-Xmx384m"), logs, console);

			Map<String, String> portalEnv = new HashMap<>(common);
			portalEnv.put("MELDPUNT_PORTAL_PORT", Integer.toString(settings.portalPort()));
			portalEnv.put("MELDPUNT_CASE_SERVICE_URL", caseService.url());
			portal = ChildApplication.start("reporter-portal",
					settings.appsDirectory().resolve(ChildApplication.PORTAL_JAR), settings.portalPort(), portalEnv,
					jvm(settings, "-Xmx256m"), logs, console);

			caseService.awaitHealthy(STARTUP);
			portal.awaitHealthy(STARTUP);
			return new MeldpuntSystem(settings, embedded, database, caseService, portal);
		}
		catch (RuntimeException ex) {
			stopQuietly(portal);
			stopQuietly(caseService);
			stopQuietly(embedded);
			throw ex;
		}
	}

	public String portalUrl() {
		return this.portal.url();
	}

	public String caseServiceUrl() {
		return this.caseService.url();
	}

	/**
	 * The database the case service uses (for backups, and for tests that inspect it).
	 */
	public LaunchSettings.ExternalDatabase database() {
		return this.database;
	}

	public Path logDirectory() {
		return this.settings.dataDirectory().resolve("logs");
	}

	public long caseServicePid() {
		return this.caseService.pid();
	}

	public long portalPid() {
		return this.portal.pid();
	}

	/** The name of the application that died, or null while both run. */
	String stoppedApplication() {
		if (!this.caseService.isAlive()) {
			return "case-service";
		}
		return this.portal.isAlive() ? null : "reporter-portal";
	}

	@Override
	public void close() {
		stopQuietly(this.portal);
		stopQuietly(this.caseService);
		stopQuietly(this.embedded);
	}

	private static List<String> jvm(LaunchSettings settings, String heap) {
		List<String> options = new ArrayList<>(DEFAULT_JVM);
		options.add(heap);
		if (!settings.javaOptions().isBlank()) {
			options.addAll(List.of(settings.javaOptions().trim().split("\\s+")));
		}
		return options;
	}

	private static void stopQuietly(AutoCloseable part) {
		if (part == null) {
			return;
		}
		try {
			part.close();
		}
		catch (Exception ex) {
			System.err.println("meldpunt: " + ex.getMessage());
		}
	}

}

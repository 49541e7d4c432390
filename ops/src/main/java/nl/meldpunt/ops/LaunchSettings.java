package nl.meldpunt.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the launcher needs, read from the command line and the environment. Every
 * value has a default so that a fresh clone runs with no configuration at all.
 *
 * @param dataDirectory where the embedded database, logs and the generated internal
 * secret live; kept across restarts
 * @param appsDirectory where the two applications' executable jars are
 * @param portalPort the reporter portal's port (public)
 * @param caseServicePort the case service's port (internal)
 * @param demo seed the demo organisation and print its credentials
 * @param externalDatabase a PostgreSQL to use instead of the embedded one
 * @param javaOptions extra JVM options for both applications
 * @param setup first-run setup to perform, if asked for
 * @param backups daily backups, if asked for
 * @param startupLimit how long each application may take to become healthy before the
 * launcher gives up ({@code MELDPUNT_STARTUP_SECONDS}, default 180)
 */
public record LaunchSettings(Path dataDirectory, Path appsDirectory, int portalPort, int caseServicePort, boolean demo,
		Optional<ExternalDatabase> externalDatabase, String javaOptions, Optional<Setup> setup,
		Optional<Backups> backups, Duration startupLimit) {

	/** How long an application may take to start unless configured otherwise. */
	public static final Duration DEFAULT_STARTUP_LIMIT = Duration.ofMinutes(3);

	/**
	 * Daily backups while the system runs ({@code MELDPUNT_BACKUP_DIR},
	 * {@code MELDPUNT_BACKUP_KEEP_DAYS}).
	 *
	 * @param folder where the backups go
	 * @param keepDays how many days a backup is kept
	 */
	public record Backups(Path folder, int keepDays) {

		public Backups {
			if (keepDays < 1 || keepDays > 365) {
				throw new LaunchFailure("MELDPUNT_BACKUP_KEEP_DAYS must be a number of days from 1 to 365.");
			}
		}

	}

	/** First run: create an organisation and invite its first administrator. */
	public record Setup(String organisation, String adminEmail) {

		public Setup {
			if (organisation == null || !organisation.matches("[a-z0-9][a-z0-9-]{1,62}")) {
				throw new LaunchFailure("--setup needs an organisation link name of lower-case letters, digits and"
						+ " dashes, for example: --setup gemeente-voorbeeld --admin beheer@voorbeeld.nl");
			}
			if (adminEmail == null || !adminEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
				throw new LaunchFailure(
						"--setup needs the first administrator's e-mail address too: --admin beheer@voorbeeld.nl");
			}
		}

	}

	public LaunchSettings(Path dataDirectory, Path appsDirectory, int portalPort, int caseServicePort, boolean demo,
			Optional<ExternalDatabase> externalDatabase, String javaOptions) {
		this(dataDirectory, appsDirectory, portalPort, caseServicePort, demo, externalDatabase, javaOptions,
				Optional.empty(), Optional.empty());
	}

	public LaunchSettings(Path dataDirectory, Path appsDirectory, int portalPort, int caseServicePort, boolean demo,
			Optional<ExternalDatabase> externalDatabase, String javaOptions, Optional<Setup> setup,
			Optional<Backups> backups) {
		this(dataDirectory, appsDirectory, portalPort, caseServicePort, demo, externalDatabase, javaOptions, setup,
				backups, DEFAULT_STARTUP_LIMIT);
	}

	/** The same settings with another start-up limit (tests on a busy machine). */
	public LaunchSettings withStartupLimit(Duration limit) {
		return new LaunchSettings(this.dataDirectory, this.appsDirectory, this.portalPort, this.caseServicePort,
				this.demo, this.externalDatabase, this.javaOptions, this.setup, this.backups, limit);
	}

	/** Connection to a PostgreSQL that someone else runs. */
	public record ExternalDatabase(String url, String user, String password) {

		public ExternalDatabase {
			Objects.requireNonNull(url, "url");
			user = (user != null) ? user : "";
			password = (password != null) ? password : "";
		}

	}

	public LaunchSettings {
		Objects.requireNonNull(dataDirectory, "dataDirectory");
		Objects.requireNonNull(appsDirectory, "appsDirectory");
		Objects.requireNonNull(externalDatabase, "externalDatabase");
		Objects.requireNonNull(setup, "setup");
		Objects.requireNonNull(backups, "backups");
		javaOptions = (javaOptions != null) ? javaOptions : "";
		Objects.requireNonNull(startupLimit, "startupLimit");
		if (startupLimit.compareTo(MIN_STARTUP_LIMIT) < 0 || startupLimit.compareTo(MAX_STARTUP_LIMIT) > 0) {
			throw new LaunchFailure(STARTUP_RANGE + ".");
		}
	}

	private static final Duration MIN_STARTUP_LIMIT = Duration.ofSeconds(30);

	private static final Duration MAX_STARTUP_LIMIT = Duration.ofHours(1);

	private static final String STARTUP_RANGE = "MELDPUNT_STARTUP_SECONDS must be a number of seconds from 30 to 3600";

	/**
	 * The launcher's own environment variables that an application reads itself, passed
	 * on unchanged (the launcher otherwise gives a child only the MELDPUNT_ variables it
	 * sets): {@code MELDPUNT_TRUSTED_PROXIES} to both, {@code MELDPUNT_OIDC_*} to the
	 * case service only.
	 */
	static Map<String, String> passedOn(Map<String, String> env, boolean caseService) {
		Map<String, String> passed = new java.util.TreeMap<>();
		env.forEach((key, value) -> {
			if ("MELDPUNT_TRUSTED_PROXIES".equals(key) || (caseService && key.startsWith("MELDPUNT_OIDC_"))) {
				passed.put(key, value);
			}
		});
		return passed;
	}

	static LaunchSettings from(String[] args, Map<String, String> env) {
		Path data = Path.of(env.getOrDefault("MELDPUNT_DATA", "data"));
		boolean demo = Boolean.parseBoolean(env.getOrDefault("MELDPUNT_DEMO", "false"));
		String setupOrganisation = null;
		String setupAdmin = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--demo" -> demo = true;
				case "--data" -> data = Path.of(value(args, ++i, "--data needs a folder, for example: --data ./data"));
				case "--setup" -> setupOrganisation = value(args, ++i,
						"--setup needs the organisation's link name, for example: --setup gemeente-voorbeeld");
				case "--admin" -> setupAdmin = value(args, ++i,
						"--admin needs an e-mail address, for example: --admin beheer@voorbeeld.nl");
				default -> throw new LaunchFailure("Unknown option " + args[i]
						+ ": use --demo, --data DIR, --setup NAME --admin E-MAIL or --help.");
			}
		}
		Optional<Setup> setup = (setupOrganisation != null || setupAdmin != null)
				? Optional.of(new Setup(setupOrganisation, setupAdmin)) : Optional.empty();
		String url = firstPresent(env, "MELDPUNT_DATABASE_URL", "SPRING_DATASOURCE_URL");
		Optional<ExternalDatabase> external = Optional.ofNullable(url)
			.map((u) -> new ExternalDatabase(u,
					firstPresent(env, "MELDPUNT_DATABASE_USER", "SPRING_DATASOURCE_USERNAME"),
					firstPresent(env, "MELDPUNT_DATABASE_PASSWORD", "SPRING_DATASOURCE_PASSWORD")));
		Optional<Backups> backups = Optional.ofNullable(firstPresent(env, "MELDPUNT_BACKUP_DIR"))
			.map((folder) -> new Backups(Path.of(folder).toAbsolutePath().normalize(),
					days(env.getOrDefault("MELDPUNT_BACKUP_KEEP_DAYS", "30"))));
		return new LaunchSettings(data.toAbsolutePath().normalize(), defaultAppsDirectory(env),
				port(env, "MELDPUNT_PORTAL_PORT", 8080), port(env, "MELDPUNT_CASE_SERVICE_PORT", 8081), demo, external,
				env.get("MELDPUNT_JAVA_OPTS"), setup, backups, startupLimit(env.get("MELDPUNT_STARTUP_SECONDS")));
	}

	private static Duration startupLimit(String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT_STARTUP_LIMIT;
		}
		try {
			Duration limit = Duration.ofSeconds(Long.parseLong(value.trim()));
			if (limit.compareTo(MIN_STARTUP_LIMIT) >= 0 && limit.compareTo(MAX_STARTUP_LIMIT) <= 0) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		throw new LaunchFailure(STARTUP_RANGE + ", not '" + value + "'.");
	}

	private static int days(String value) {
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new LaunchFailure(
					"MELDPUNT_BACKUP_KEEP_DAYS must be a number of days from 1 to 365, not '" + value + "'.");
		}
	}

	private static String value(String[] args, int index, String missing) {
		if (index >= args.length || args[index].startsWith("--")) {
			throw new LaunchFailure(missing);
		}
		return args[index];
	}

	private static Path defaultAppsDirectory(Map<String, String> env) {
		String configured = env.get("MELDPUNT_APPS");
		if (configured != null) {
			return Path.of(configured).toAbsolutePath().normalize();
		}
		// java -jar ops/target/meldpunt.jar: the jars were copied next to it, into apps/
		String classPath = System.getProperty("java.class.path", "");
		if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
			Path jar = Path.of(classPath).toAbsolutePath();
			return jar.resolveSibling("apps");
		}
		return Path.of("ops", "target", "apps").toAbsolutePath();
	}

	private static String firstPresent(Map<String, String> env, String... names) {
		for (String name : names) {
			String value = env.get(name);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	private static int port(Map<String, String> env, String name, int fallback) {
		String value = env.get(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int port = Integer.parseInt(value.trim());
			if (port < 1 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new LaunchFailure(name + " must be a port number between 1 and 65535, not '" + value + "'.");
		}
	}

}

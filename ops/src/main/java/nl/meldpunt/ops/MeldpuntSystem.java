package nl.meldpunt.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import nl.meldpunt.ops.backup.ScheduledBackups;

/**
 * The whole system on one machine: a database (embedded unless one is configured), the
 * case service and the reporter portal, each application in its own JVM, watched by a
 * supervisor that restarts whatever dies.
 *
 * <p>
 * {@link #close()} may come from another thread (the launcher's shutdown hook on Ctrl-C
 * or SIGTERM) at any moment, also while {@link #start} is still busy: it interrupts the
 * start, waits until the step under way has finished (a {@code pg_ctl start} is never
 * abandoned half-way) and stops everything started so far, in reverse order.
 */
public final class MeldpuntSystem implements AutoCloseable {

	/** More restarts of one part than this within {@link #RESTART_WINDOW}: give up. */
	static final int RESTART_LIMIT = 5;

	static final Duration RESTART_WINDOW = Duration.ofMinutes(10);

	private static final List<String> DEFAULT_JVM = List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:MaxMetaspaceSize=192m",
			"-XX:ReservedCodeCacheSize=64m", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");

	private final LaunchSettings settings;

	private final Consumer<String> console;

	private final RollingLog launcherLog;

	private final Map<String, RollingLog> childLogs = new HashMap<>();

	private final Map<String, List<Instant>> restarts = new HashMap<>();

	private final CompletableFuture<String> failure = new CompletableFuture<>();

	private final CountDownLatch startFinished = new CountDownLatch(1);

	private volatile boolean stopping;

	private volatile Thread starter;

	private volatile Thread supervisor;

	private DataFolder folder;

	private volatile EmbeddedDatabase embedded;

	private volatile LaunchSettings.ExternalDatabase database;

	private volatile ChildApplication caseService;

	private volatile ChildApplication portal;

	private MeldpuntSystem(LaunchSettings settings, Consumer<String> console) {
		this.settings = settings;
		this.launcherLog = new RollingLog(logDirectory(settings).resolve("launcher.log"));
		this.console = console;
	}

	/**
	 * Starts everything and returns once both applications report healthy.
	 * @param console receives the lines meant for the operator (demo credentials, setup,
	 * restarts)
	 * @throws LaunchFailure with a one-sentence explanation when anything is in the way
	 */
	public static MeldpuntSystem start(LaunchSettings settings, Consumer<String> console) {
		MeldpuntSystem system = prepare(settings, console);
		system.start();
		return system;
	}

	/**
	 * A system not started yet, so that a shutdown hook can hold it before
	 * {@link #start()} begins.
	 */
	public static MeldpuntSystem prepare(LaunchSettings settings, Consumer<String> console) {
		return new MeldpuntSystem(settings, console);
	}

	/** Starts everything; on failure, or when closed meanwhile, stops what it started. */
	public void start() {
		this.starter = Thread.currentThread();
		try {
			startParts();
		}
		catch (RuntimeException ex) {
			stopParts();
			if (this.stopping) {
				throw new LaunchFailure("Stopped while starting.");
			}
			throw ex;
		}
		finally {
			this.starter = null;
			this.startFinished.countDown();
		}
		Thread watch = new Thread(this::supervise, "meldpunt-supervisor");
		watch.setDaemon(true);
		this.supervisor = watch;
		watch.start();
		this.settings.backups().ifPresent((backups) -> {
			Thread daily = new Thread(() -> backUpDaily(backups), "meldpunt-backups");
			daily.setDaemon(true);
			daily.start();
		});
	}

	/** Every hour: is today's backup there? Then rotate (README, Backup and restore). */
	private void backUpDaily(LaunchSettings.Backups backups) {
		try {
			while (!this.stopping) {
				try {
					java.nio.file.Files.createDirectories(backups.folder());
					Secrets.ownerOnly(backups.folder());
					ScheduledBackups.runOnce(this.database, backups.folder(), backups.keepDays(),
							java.time.LocalDate.now(), this::say);
				}
				catch (java.io.IOException ex) {
					say("The daily backup failed: cannot create " + backups.folder() + " (" + ex.getMessage() + ").");
				}
				Thread.sleep(Duration.ofHours(1).toMillis());
			}
		}
		catch (InterruptedException ex) {
			// closing
		}
	}

	private void startParts() {
		Path data = this.settings.dataDirectory();
		this.folder = DataFolder.take(data);
		DataFolder.stopLeftovers(data, this::say);
		Preflight.check(this.settings);
		String secret = Secrets.internalSecret(data);
		notStopping();
		if (this.settings.externalDatabase().isPresent()) {
			this.database = this.settings.externalDatabase().get();
		}
		else {
			this.embedded = EmbeddedDatabase.prepare(data, this::say);
			notStopping();
			this.embedded.start();
			this.database = this.embedded.connection();
			RollingLog.sweep(logDirectory().resolve("postgres"), RollingLog.MAX_AGE);
		}
		notStopping();

		Map<String, String> common = new HashMap<>();
		common.put("MELDPUNT_INTERNAL_SECRET", secret);
		common.put("MELDPUNT_DEMO", Boolean.toString(this.settings.demo()));

		Map<String, String> caseEnv = new HashMap<>(common);
		caseEnv.putAll(LaunchSettings.passedOn(System.getenv(), true));
		caseEnv.put("MELDPUNT_CASE_SERVICE_PORT", Integer.toString(this.settings.caseServicePort()));
		caseEnv.put("MELDPUNT_DATABASE_URL", this.database.url());
		caseEnv.put("MELDPUNT_DATABASE_USER", this.database.user());
		caseEnv.put("MELDPUNT_DATABASE_PASSWORD", this.database.password());
		caseEnv.put("MELDPUNT_PORTAL_URL", "http://127.0.0.1:" + this.settings.portalPort());
		// signed audit checkpoints and their key, outside the database (owner-only)
		caseEnv.put("MELDPUNT_AUDIT_CHECKPOINTS", data.resolve(AuditCommand.CHECKPOINTS).toAbsolutePath().toString());
		// the case service reports the newest backup's age as a metric
		this.settings.backups()
			.ifPresent((backups) -> caseEnv.put("MELDPUNT_BACKUP_DIR", backups.folder().toAbsolutePath().toString()));
		this.settings.setup().ifPresent((setup) -> {
			// relaxed binding: MELDPUNT_SETUP_ADMINEMAIL is meldpunt.setup.admin-email
			caseEnv.put("MELDPUNT_SETUP_ORGANISATION", setup.organisation());
			caseEnv.put("MELDPUNT_SETUP_ADMINEMAIL", setup.adminEmail());
		});
		this.caseService = launch(new ChildApplication.Spec("case-service",
				this.settings.appsDirectory().resolve(ChildApplication.CASE_SERVICE_JAR),
				this.settings.caseServicePort(), caseEnv, jvm("-Xmx384m")));
		notStopping();

		Map<String, String> portalEnv = new HashMap<>(common);
		portalEnv.putAll(LaunchSettings.passedOn(System.getenv(), false));
		portalEnv.put("MELDPUNT_PORTAL_PORT", Integer.toString(this.settings.portalPort()));
		portalEnv.put("MELDPUNT_CASE_SERVICE_URL", "http://127.0.0.1:" + this.settings.caseServicePort());
		this.portal = launch(new ChildApplication.Spec("reporter-portal",
				this.settings.appsDirectory().resolve(ChildApplication.PORTAL_JAR), this.settings.portalPort(),
				portalEnv, jvm("-Xmx256m")));

		this.caseService.awaitHealthy(this.settings.startupLimit());
		this.portal.awaitHealthy(this.settings.startupLimit());
		notStopping();
	}

	private synchronized ChildApplication launch(ChildApplication.Spec spec) {
		RollingLog log = this.childLogs.computeIfAbsent(spec.name(),
				(name) -> new RollingLog(logDirectory().resolve(name + ".log")));
		return ChildApplication.start(spec, log, this.settings.dataDirectory(), this.console);
	}

	private void notStopping() {
		if (this.stopping || Thread.currentThread().isInterrupted()) {
			throw new LaunchFailure("Stopped while starting.");
		}
	}

	public String portalUrl() {
		return "http://127.0.0.1:" + this.settings.portalPort();
	}

	public String caseServiceUrl() {
		return "http://127.0.0.1:" + this.settings.caseServicePort();
	}

	/** The database the case service uses, as the application role. */
	public LaunchSettings.ExternalDatabase database() {
		return this.database;
	}

	/** The embedded database's superuser; empty with an external database. */
	public Optional<LaunchSettings.ExternalDatabase> databaseSuperuser() {
		return Optional.ofNullable(this.embedded).map(EmbeddedDatabase::superuser);
	}

	public Path dataDirectory() {
		return this.settings.dataDirectory();
	}

	public Path logDirectory() {
		return logDirectory(this.settings);
	}

	private static Path logDirectory(LaunchSettings settings) {
		return settings.dataDirectory().resolve("logs");
	}

	public long caseServicePid() {
		return this.caseService.pid();
	}

	public long portalPid() {
		return this.portal.pid();
	}

	/** The embedded PostgreSQL's postmaster, while it runs. */
	public OptionalLong postmasterPid() {
		EmbeddedDatabase db = this.embedded;
		return (db == null) ? OptionalLong.empty()
				: db.postmaster().map((p) -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
	}

	/**
	 * Waits until the supervisor gives up on a part that keeps dying, and says why; empty
	 * when the time runs out first.
	 */
	public Optional<String> awaitFailure(Duration timeout) throws InterruptedException {
		try {
			return Optional.of(this.failure.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (TimeoutException ex) {
			return Optional.empty();
		}
		catch (ExecutionException ex) {
			return Optional.of(String.valueOf(ex.getCause()));
		}
	}

	/** Stops everything, whatever state the start is in; safe from any thread, twice. */
	@Override
	public void close() {
		this.stopping = true;
		Thread starting = this.starter;
		if (starting != null && starting != Thread.currentThread()) {
			starting.interrupt();
			await(this.startFinished);
		}
		Thread watch = this.supervisor;
		if (watch != null && watch != Thread.currentThread()) {
			watch.interrupt();
			try {
				watch.join(this.settings.startupLimit().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		stopParts();
	}

	private synchronized void stopParts() {
		stopQuietly(this.portal);
		stopQuietly(this.caseService);
		stopQuietly(this.embedded);
		if (this.folder != null) {
			this.folder.close();
			this.folder = null;
		}
		this.childLogs.values().forEach(RollingLog::close);
		this.launcherLog.close();
	}

	/**
	 * Every half second: is PostgreSQL alive, are both applications? A part that died is
	 * started again after a back-off (1, 2, 4 … 30 s); more than {@link #RESTART_LIMIT}
	 * restarts of one part within {@link #RESTART_WINDOW} end the supervision with a
	 * sentence that says why.
	 */
	private void supervise() {
		Instant sweep = Instant.now().plus(Duration.ofHours(1));
		try {
			while (!this.stopping && !this.failure.isDone()) {
				Thread.sleep(500);
				EmbeddedDatabase db = this.embedded;
				if (db != null && !db.isRunning() && !this.stopping) {
					recoverDatabase(db);
				}
				ChildApplication cases = this.caseService;
				if (!cases.isAlive() && !this.stopping) {
					this.caseService = recover(cases);
				}
				ChildApplication reporters = this.portal;
				if (!reporters.isAlive() && !this.stopping) {
					this.portal = recover(reporters);
				}
				if (Instant.now().isAfter(sweep)) {
					RollingLog.sweep(logDirectory().resolve("postgres"), RollingLog.MAX_AGE);
					sweep = Instant.now().plus(Duration.ofHours(1));
				}
			}
		}
		catch (InterruptedException ex) {
			// closing
		}
	}

	private ChildApplication recover(ChildApplication dead) throws InterruptedException {
		backOff(dead.name(), dead.name() + " stopped unexpectedly (exit code " + dead.exitValue() + ")");
		if (this.stopping || this.failure.isDone()) {
			return dead;
		}
		ChildApplication again = launch(dead.spec());
		try {
			again.awaitHealthy(this.settings.startupLimit());
			say(dead.name() + " is running again (pid " + again.pid() + ").");
		}
		catch (LaunchFailure ex) {
			say(ex.getMessage());
		}
		return again;
	}

	private void recoverDatabase(EmbeddedDatabase db) throws InterruptedException {
		backOff("PostgreSQL", "PostgreSQL stopped unexpectedly");
		for (int attempt = 1; !this.stopping && !this.failure.isDone(); attempt++) {
			try {
				db.start();
				say("PostgreSQL is running again after crash recovery (pid "
						+ db.postmaster().map(ProcessHandle::pid).orElse(0L) + ").");
				return;
			}
			catch (LaunchFailure ex) {
				// its old server processes may still be ending
				if (attempt == 10) {
					say(ex.getMessage());
					return;
				}
				Thread.sleep(1000);
			}
		}
	}

	private void backOff(String part, String what) throws InterruptedException {
		List<Instant> times = this.restarts.computeIfAbsent(part, (p) -> new ArrayList<>());
		Instant now = Instant.now();
		times.removeIf((t) -> t.isBefore(now.minus(RESTART_WINDOW)));
		if (times.size() >= RESTART_LIMIT) {
			String sentence = what + " for the " + (times.size() + 1) + "th time within " + RESTART_WINDOW.toMinutes()
					+ " minutes; stopping everything. See " + logDirectory() + ".";
			say(sentence);
			this.failure.complete(sentence);
			return;
		}
		times.add(now);
		long seconds = Math.min(30, 1L << (times.size() - 1));
		say(what + "; restarting it in " + seconds + " s (restart " + times.size() + " of at most " + RESTART_LIMIT
				+ " within " + RESTART_WINDOW.toMinutes() + " minutes).");
		Thread.sleep(seconds * 1000);
	}

	private void say(String line) {
		this.launcherLog.line(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + " " + line);
		this.console.accept(line);
	}

	private List<String> jvm(String heap) {
		List<String> options = new ArrayList<>(DEFAULT_JVM);
		options.add(heap);
		if (!this.settings.javaOptions().isBlank()) {
			options.addAll(List.of(this.settings.javaOptions().trim().split("\\s+")));
		}
		return options;
	}

	private void await(CountDownLatch latch) {
		try {
			latch.await(this.settings.startupLimit().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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

package nl.meldpunt.caseservice.audit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code verify-audit} without the web application: checks every audit chain against the
 * checkpoint file, in one read-only snapshot of the database, and prints one sentence.
 * The launcher runs it from the case service's jar ({@code java -jar meldpunt.jar
 * verify-audit}, main class {@code admin.VerifyAuditCommand}, which adds the check of the
 * key books against the log); it reads {@code MELDPUNT_DATABASE_URL}, {@code _USER},
 * {@code _PASSWORD} and {@code MELDPUNT_AUDIT_CHECKPOINTS} (the checkpoint folder). Exit
 * code 0: intact; 1: not intact; 2: cannot check.
 */
public final class VerifyAudit {

	/**
	 * A further check of rows another module keeps against the (verified) audit log: a
	 * sentence when they do not match.
	 */
	public interface Also {

		Optional<String> broken(JdbcTemplate jdbc, AuditVerifier audit);

	}

	private VerifyAudit() {
	}

	/** Logs only warnings: the command prints its one sentence and nothing else. */
	public static void quiet() {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
	}

	static int run(Map<String, String> env, PrintStream out, PrintStream err) {
		return run(env, out, err, (jdbc, audit) -> Optional.empty());
	}

	/**
	 * Checks, prints and returns the exit code; {@code also} runs in the same snapshot.
	 */
	public static int run(Map<String, String> env, PrintStream out, PrintStream err, Also also) {
		String url = env.get("MELDPUNT_DATABASE_URL");
		String folder = env.get("MELDPUNT_AUDIT_CHECKPOINTS");
		if (url == null || folder == null || !Files.isDirectory(Path.of(folder))) {
			err.println(
					"verify-audit needs MELDPUNT_DATABASE_URL and MELDPUNT_AUDIT_CHECKPOINTS (an existing folder).");
			return 2;
		}
		SingleConnectionDataSource database = new SingleConnectionDataSource(url,
				env.getOrDefault("MELDPUNT_DATABASE_USER", "meldpunt"),
				env.getOrDefault("MELDPUNT_DATABASE_PASSWORD", ""), true);
		try {
			JdbcTemplate jdbc = new JdbcTemplate(database);
			TransactionTemplate snapshot = new TransactionTemplate(new DataSourceTransactionManager(database));
			snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
			snapshot.setReadOnly(true);
			AuditCheckpoints.Verification verification = snapshot.execute((tx) -> {
				AuditVerifier audit = new AuditVerifier(jdbc);
				AuditCheckpoints.Verification checked = AuditCheckpoints.verify(jdbc, audit, Path.of(folder), null);
				return checked.intact() ? checked.unless(also.broken(jdbc, audit)) : checked;
			});
			if (Files.isRegularFile(Path.of(folder).resolve(CheckpointKey.FILE))) {
				out.println("Checkpoint key " + CheckpointKey.load(Path.of(folder)).fingerprint() + ".");
			}
			out.println(verification.sentence());
			return verification.intact() ? 0 : 1;
		}
		catch (RuntimeException ex) {
			err.println("verify-audit could not check the audit log: " + ex.getClass().getSimpleName() + ".");
			return 2;
		}
		finally {
			database.destroy();
		}
	}

}

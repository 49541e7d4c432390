package nl.meldpunt.ops;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify-audit} on the command line: against the running system (its database and
 * its checkpoint folder, the check run from the case service's jar), and its refusal when
 * there is nothing to check against. The verdicts themselves (cut tail, rewritten entry,
 * forged line) are tested in the case service ({@code AuditCheckpointsIntegrationTest}).
 */
class AuditCommandIntegrationTest {

	private static final Map<String, String> ENV = Map.of("MELDPUNT_APPS",
			Path.of("target", "apps").toAbsolutePath().toString());

	@TempDir
	Path empty;

	@Test
	void verifyAuditWhenSystemRunsThenTheKeyAndOneSentence() throws Exception {
		Path data = TestSystem.dataDirectory();
		assertThat(
				DatabaseLockdownIntegrationTest.mode(data.resolve(AuditCommand.CHECKPOINTS).resolve("checkpoint-key")))
			.isEqualTo("rw-------");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = AuditCommand.run(new String[] { "verify-audit", "--data", data.toString() }, ENV,
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		String said = out.toString(StandardCharsets.UTF_8);
		assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(code).as(said).isZero();
		assertThat(said).containsPattern("Checkpoint key [0-9a-f]{16}\\.").contains("Intact: ");
	}

	@Test
	void verifyAuditWhenNoCheckpointFolderThenOneSentenceAndExitCode2() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = AuditCommand.run(new String[] { "verify-audit", "--data", this.empty.toString() }, ENV, System.out,
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(code).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("meldpunt: There are no audit checkpoints in ")
			.doesNotContain("Exception");
		assertThat(Files.exists(this.empty.resolve(AuditCommand.CHECKPOINTS))).isFalse();
	}

}

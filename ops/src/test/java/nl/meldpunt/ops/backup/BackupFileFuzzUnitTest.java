package nl.meldpunt.ops.backup;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.meldpunt.crypto.Mutator;
import nl.meldpunt.ops.LaunchFailure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backup files at {@code restore}'s edge: the check made before anything is touched
 * ({@link Restore#verify}: magic, SHA-256 of the whole file, header) under 100,000 seeded
 * mutations of a well-formed file. Half keep their old checksum (a damaged copy), half
 * get a correct checksum again (a file made to pass it, so the header parser itself is
 * reached). The only outcomes allowed are a header or one of the documented one-sentence
 * refusals; never another exception. Counts are printed. The rows behind the header are
 * loaded in one transaction that rolls back on any failure
 * (BackupRestoreIntegrationTest).
 */
class BackupFileFuzzUnitTest {

	private static final int CASES = 100_000;

	private static final long SEED = 20261126L;

	private static final List<String> DOCUMENTED = List.of(" is not a Meldpunt backup.",
			" is damaged or incomplete (its checksum does not match its content)", " cannot be read (",
			" which this Meldpunt does not know", " names no valid schema version.");

	@TempDir
	Path folder;

	@Test
	void verifyWhenFileMutatedThenHeaderOrOneDocumentedSentence() throws Exception {
		byte[] valid = withChecksum(body());
		Path file = Files.exists(Path.of("/dev/shm")) && Files.isWritable(Path.of("/dev/shm"))
				? Files.createTempFile(Path.of("/dev/shm"), "meldpunt-fuzz", ".backup")
				: this.folder.resolve("fuzz.backup");
		Mutator mutator = new Mutator(SEED);
		Map<String, Integer> outcomes = new TreeMap<>();
		long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		try {
			for (int i = 0; i < CASES; i++) {
				byte[] mutated = mutator.mutate(valid);
				if (i % 2 == 1 && mutated.length > 32) {
					mutated = withChecksum(Arrays.copyOf(mutated, mutated.length - 32));
				}
				Files.write(file, mutated);
				String outcome;
				try {
					Restore.verify(file);
					outcome = "header";
				}
				catch (LaunchFailure refusal) {
					String sentence = refusal.getMessage();
					outcome = DOCUMENTED.stream()
						.filter(sentence::contains)
						.findFirst()
						.orElseThrow(() -> new AssertionError("undocumented refusal: " + sentence));
				}
				outcomes.merge(outcome, 1, Integer::sum);
			}
			System.out.printf("backup file fuzz: %d cases in %d ms CPU, outcomes %s%n", CASES,
					(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1_000_000, outcomes);
			assertThat(outcomes).containsKeys("header", DOCUMENTED.get(0), DOCUMENTED.get(1));
			Files.write(file, valid);
			assertThat(Restore.verify(file).version().text()).isEqualTo("51");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** A small backup as {@link Backup} lays it out: header, one table, the sequences. */
	private static byte[] body() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);
		out.write(Backup.MAGIC);
		out.writeInt(Backup.FORMAT);
		out.writeUTF("51");
		out.writeUTF("2026-11-26");
		out.writeUTF("organisation");
		out.writeInt(2);
		out.writeUTF("id");
		out.writeUTF("slug");
		out.write(new byte[512]);
		out.writeInt(0);
		out.writeLong(3);
		out.writeUTF("audit_entry_seq_seq");
		out.writeLong(42);
		out.flush();
		return bytes.toByteArray();
	}

	private static byte[] withChecksum(byte[] body) throws Exception {
		byte[] file = Arrays.copyOf(body, body.length + 32);
		System.arraycopy(MessageDigest.getInstance("SHA-256").digest(body), 0, file, body.length, 32);
		return file;
	}

}

package nl.meldpunt.caseservice.casefile;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.CaseKey;
import nl.meldpunt.crypto.ItemBinding;
import nl.meldpunt.crypto.ItemKind;
import nl.meldpunt.crypto.Mutator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chunk uploads at the case service's edge (reporter's mailbox and workspace alike): a
 * chunk arrives as raw bytes and must parse as a sealed item
 * ({@code CaseFile#sealedChunk}) before anything is stored. 100,000 seeded mutations of
 * valid chunks (bit flips, random bytes, insertions, deletions, truncations; 1-4 each)
 * may only be accepted or refused with {@code malformed-ciphertext}, never anything else;
 * afterwards a valid chunk is still accepted. The body's size limit and the index are
 * checked before this (tested in the limits tests). Counts are printed.
 */
class ChunkUploadFuzzUnitTest {

	private static final int CASES = 100_000;

	private static final long SEED = 20261126L;

	@Test
	void sealedChunkWhenMutatedThenAcceptedOrRefusedAsMalformedCiphertext() {
		CaseKey key = CaseKey.generate();
		UUID organisation = UUID.randomUUID();
		UUID kase = UUID.randomUUID();
		byte[][] seeds = new byte[3][];
		for (int i = 0; i < seeds.length; i++) {
			byte[] plaintext = new byte[(i + 1) * 1024];
			Arrays.fill(plaintext, (byte) i);
			seeds[i] = key.seal(plaintext, new ItemBinding(organisation, kase, UUID.randomUUID(), ItemKind.MESSAGE))
				.toBytes();
		}
		Mutator mutator = new Mutator(SEED);
		Map<String, Integer> outcomes = new TreeMap<>();
		long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		for (int i = 0; i < CASES; i++) {
			byte[] chunk = mutator.mutate(seeds[i % seeds.length]);
			String outcome;
			try {
				CaseFile.sealedChunk(chunk);
				outcome = "accepted";
			}
			catch (Refusal refusal) {
				assertThat(refusal.problem()).as("case %d", i).isEqualTo(Problem.MALFORMED_CIPHERTEXT);
				outcome = refusal.slug();
			}
			outcomes.merge(outcome, 1, Integer::sum);
		}
		System.out.printf("chunk upload fuzz: %d cases in %d ms CPU, outcomes %s%n", CASES,
				(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1_000_000, outcomes);
		assertThat(outcomes).containsKey(Problem.MALFORMED_CIPHERTEXT.slug());
		assertThat(CaseFile.sealedChunk(seeds[0]).toBytes()).isEqualTo(seeds[0]);
	}

}

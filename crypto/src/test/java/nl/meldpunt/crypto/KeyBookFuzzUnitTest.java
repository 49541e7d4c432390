package nl.meldpunt.crypto;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.meldpunt.crypto.TestKeyBooks.Builder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded mutation fuzzer over the key-book entry parser (100 000 mutated entries of
 * every type) and, for every 25th of them, the draft parser and the whole verifier: the
 * only failure is a {@link CryptoException} with a refusal reason, never a runtime
 * exception, and nothing mutated verifies.
 */
class KeyBookFuzzUnitTest {

	private static final long SEED = 20261126L;

	@Test
	void appendWhenEntryMutatedThenOnlyRefusedWithAReason() throws Exception {
		Mutator mutator = new Mutator(SEED);
		TestKeyBooks.Person anna = TestKeyBooks.anna();
		TestKeyBooks.Person bram = TestKeyBooks.bram();
		Builder b = Builder.organisation(anna).then(new KeyBookChange.RecipientAdded(bram.adviser()), anna);
		// one seed per layout of entry (an unpin has a removal's), each with as many
		// approvals as the threshold needs,
		// so
		// that dropping one can never verify
		List<byte[]> seeds = List.of(
				b.entry(new KeyBookChange.RecipientAdded(TestKeyBooks.carla().adviser()), anna, bram),
				b.entry(new KeyBookChange.RecipientRemoved(bram.id()), anna, bram),
				b.entry(new KeyBookChange.ThresholdChanged(1), anna, bram),
				b.entry(new KeyBookChange.HotlinePinned(TestKeyBooks.HOTLINE, b.book.head()), anna, bram));
		int checked = 0;
		int verified = 0;
		for (int i = 0; i < 100_000; i++) {
			byte[] seed = seeds.get(i % seeds.size());
			byte[] input = mutator.mutate(seed);
			if (Arrays.equals(input, seed)) {
				continue;
			}
			checked++;
			try {
				KeyBookCodec.parseEntry(input);
			}
			catch (CryptoException expected) {
				assertThat(expected.refusal()).as("case %d", i).isPresent();
			}
			if (i % 25 == 0) {
				try {
					KeyBookDraft.parse(input);
				}
				catch (CryptoException expected) {
					assertThat(expected.refusal()).as("case %d", i).isPresent();
				}
				try {
					b.book.append(input);
					throw new AssertionError("a mutated entry verified: case " + i);
				}
				catch (CryptoException expected) {
					assertThat(expected.refusal()).as("case %d", i).isPresent();
					verified++;
				}
			}
		}
		System.out.printf("key-book entry fuzz: %d cases, %d parsed or refused with a reason, %d appended to a book"
				+ " and refused%n", 100_000, checked, verified);
		assertThat(checked).isGreaterThan(95_000);
		assertThat(verified).isGreaterThan(3_800);
		b.append(seeds.get(0));
	}

}

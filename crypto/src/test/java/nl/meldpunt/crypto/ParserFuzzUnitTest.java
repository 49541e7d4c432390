package nl.meldpunt.crypto;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded mutation fuzzer over every parser and every open path: whatever the input, the
 * only failure is {@link CryptoException}, never a runtime exception or an out-of-memory,
 * and nothing mutated ever opens.
 */
class ParserFuzzUnitTest {

	private static final long SEED = 20261122L;

	private final Mutator mutator = new Mutator(SEED);

	private final Random random = this.mutator.random();

	private final CaseKey caseKey = CaseKey.generate();

	private final RecipientPrivateKey adviser = RecipientPrivateKey.generate();

	@Test
	void openItemWhenMutatedThenOnlyCryptoException() {
		byte[] seed = this.caseKey.seal("fuzz me".getBytes(), TestBindings.report()).toBytes();
		int[] outcomes = fuzz(seed, 20_000,
				(input) -> expectFailure(() -> this.caseKey.open(SealedItem.parse(input), TestBindings.report())));
		assertThat(outcomes[0]).isGreaterThan(19_000);
	}

	@Test
	void openEnvelopeWhenMutatedThenOnlyCryptoException() {
		byte[] seed = this.adviser.publicKey().seal(this.caseKey, TestBindings.adviser()).toBytes();
		int[] outcomes = fuzz(seed, 5_000,
				(input) -> expectFailure(() -> this.adviser.open(KeyEnvelope.parse(input), TestBindings.adviser())));
		assertThat(outcomes[0]).isGreaterThan(4_500);
	}

	@Test
	void parseWrappedKeyWhenMutatedThenOnlyCryptoExceptionOrValidParse() {
		byte[] seed = this.adviser.wrap("fuzz passphrase").wrappedKey().toBytes();
		fuzz(seed, 20_000, (input) -> {
			try {
				WrappedPrivateKey.parse(input).publicKey();
			}
			catch (CryptoException expected) {
				// the one allowed failure
			}
		});
	}

	@Test
	void parseTokenAndKeysWhenRandomInputThenOnlyCryptoException() {
		String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZabcOIlLU-_ #\u00e9";
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = this.random.nextInt(48);
			for (int j = 0; j < length; j++) {
				text.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
			}
			try {
				ReporterToken.parse(text.toString());
			}
			catch (CryptoException expected) {
				// the one allowed failure
			}
			byte[] bytes = new byte[this.random.nextInt(40)];
			this.random.nextBytes(bytes);
			try {
				RecipientPublicKey.fromBytes(bytes).fingerprint();
			}
			catch (CryptoException expected) {
				// the one allowed failure
			}
			try {
				MailboxCredential.fromBytes(bytes).storageHash();
			}
			catch (CryptoException expected) {
				// the one allowed failure
			}
		}
	}

	/**
	 * Mutates {@code seed} {@code rounds} times; a mutation that happens to give the seed
	 * back is not checked. Returns {count of inputs checked}.
	 */
	private int[] fuzz(byte[] seed, int rounds, Consumer<byte[]> check) {
		int[] outcomes = new int[1];
		for (int i = 0; i < rounds; i++) {
			byte[] input = this.mutator.mutate(seed);
			if (!Arrays.equals(input, seed)) {
				check.accept(input);
				outcomes[0]++;
			}
		}
		return outcomes;
	}

	private static void expectFailure(ThrowingCall call) {
		try {
			call.run();
		}
		catch (CryptoException expected) {
			return;
		}
		throw new AssertionError("a mutated input opened");
	}

	@FunctionalInterface
	private interface ThrowingCall {

		void run() throws CryptoException;

	}

}

package nl.meldpunt.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

	private final Random random = new Random(SEED);

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
			byte[] input = mutate(seed);
			if (!Arrays.equals(input, seed)) {
				check.accept(input);
				outcomes[0]++;
			}
		}
		return outcomes;
	}

	private byte[] mutate(byte[] seed) {
		List<Byte> bytes = new ArrayList<>(seed.length + 8);
		for (byte b : seed) {
			bytes.add(b);
		}
		int mutations = 1 + this.random.nextInt(4);
		for (int m = 0; m < mutations; m++) {
			int op = this.random.nextInt(5);
			int at = bytes.isEmpty() ? 0 : this.random.nextInt(bytes.size());
			switch (op) {
				case 0 -> {
					if (!bytes.isEmpty()) {
						bytes.set(at, (byte) (bytes.get(at) ^ (1 << this.random.nextInt(8))));
					}
				}
				case 1 -> {
					if (!bytes.isEmpty()) {
						bytes.set(at, (byte) this.random.nextInt(256));
					}
				}
				case 2 -> bytes.add(at, (byte) this.random.nextInt(256));
				case 3 -> {
					if (!bytes.isEmpty()) {
						bytes.remove(at);
					}
				}
				default -> {
					int keep = this.random.nextInt(bytes.size() + 1);
					bytes.subList(keep, bytes.size()).clear();
				}
			}
		}
		byte[] out = new byte[bytes.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = bytes.get(i);
		}
		return out;
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

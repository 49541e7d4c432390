package nl.meldpunt.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded byte mutations for the fuzz tests: bit flips, random bytes, insertions,
 * deletions and truncations, one to four per input.
 */
public final class Mutator {

	private final Random random;

	public Mutator(long seed) {
		this.random = new Random(seed);
	}

	public Random random() {
		return this.random;
	}

	public byte[] mutate(byte[] seed) {
		List<Byte> bytes = new ArrayList<>(seed.length + 8);
		for (byte b : seed) {
			bytes.add(b);
		}
		int mutations = 1 + this.random.nextInt(4);
		for (int m = 0; m < mutations; m++) {
			int at = bytes.isEmpty() ? 0 : this.random.nextInt(bytes.size());
			switch (this.random.nextInt(5)) {
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
				default -> bytes.subList(this.random.nextInt(bytes.size() + 1), bytes.size()).clear();
			}
		}
		byte[] out = new byte[bytes.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = bytes.get(i);
		}
		return out;
	}

}

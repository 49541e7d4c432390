package nl.meldpunt.ops.backup;

import java.util.Arrays;

/**
 * A Flyway migration version ({@code 5}, {@code 50}, {@code 1.2}), compared part by part
 * as numbers: 50 is newer than 5.
 *
 * @param text the version as Flyway writes it
 */
record SchemaVersion(String text) implements Comparable<SchemaVersion> {

	SchemaVersion {
		if (text == null || !text.matches("\\d+([._]\\d+)*")) {
			throw new IllegalArgumentException("not a schema version: " + text);
		}
	}

	@Override
	public int compareTo(SchemaVersion other) {
		long[] mine = parts();
		long[] theirs = other.parts();
		for (int i = 0; i < Math.max(mine.length, theirs.length); i++) {
			long a = (i < mine.length) ? mine[i] : 0;
			long b = (i < theirs.length) ? theirs[i] : 0;
			if (a != b) {
				return Long.compare(a, b);
			}
		}
		return 0;
	}

	boolean isNewerThan(SchemaVersion other) {
		return compareTo(other) > 0;
	}

	private long[] parts() {
		return Arrays.stream(this.text.split("[._]")).mapToLong(Long::parseLong).toArray();
	}

	@Override
	public String toString() {
		return this.text;
	}

}

package nl.meldpunt.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The head of a key book after entry {@code sequence}: SHA-256 over
 * {@code lp("meldpunt/v1/key-book-head") || entry body}. Each body names the head before
 * it, so one head stands for the whole history up to it. What a reporter's sealed record
 * keeps, what a hotline pin names, what the safety code shows. Immutable.
 */
public final class KeyBookHead {

	public static final int HASH_LENGTH = 32;

	private final long sequence;

	private final byte[] hash;

	private KeyBookHead(long sequence, byte[] hash) {
		this.sequence = sequence;
		this.hash = hash;
	}

	/**
	 * A head as stored elsewhere (a reporter's record, a pin).
	 * @param sequence the number of the entry it follows, from 0
	 * @param hash its 32 bytes
	 * @return the head
	 */
	public static KeyBookHead of(long sequence, byte[] hash) {
		Objects.requireNonNull(hash, "hash");
		if (sequence < 0 || sequence > 0xFFFFFFFFL || hash.length != HASH_LENGTH) {
			throw new IllegalArgumentException("A head is a sequence number 0..2^32-1 and 32 bytes");
		}
		return new KeyBookHead(sequence, hash.clone());
	}

	static KeyBookHead ofOwned(long sequence, byte[] hash) {
		return new KeyBookHead(sequence, hash);
	}

	public long sequence() {
		return this.sequence;
	}

	public byte[] hash() {
		return this.hash.clone();
	}

	byte[] raw() {
		return this.hash;
	}

	/** The short code people compare for this head. */
	public SafetyCode safetyCode() {
		return SafetyCode.of(this);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof KeyBookHead head && head.sequence == this.sequence
				&& MessageDigest.isEqual(head.hash, this.hash);
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.sequence) * 31 + Arrays.hashCode(this.hash);
	}

	@Override
	public String toString() {
		return "KeyBookHead[" + this.sequence + ", " + HexFormat.of().formatHex(this.hash, 0, 8) + "…]";
	}

}

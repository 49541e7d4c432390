package nl.meldpunt.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

import nl.meldpunt.crypto.internal.Crc24;
import nl.meldpunt.crypto.internal.Crockford;

/**
 * An organisation's safety code: the first 96 bits of a key-book head and a CRC-24 over
 * them, as 24 Crockford base32 symbols. Printed in six groups of four
 * ({@code 7K3M-9QXA-…}); in a link as {@code /o/<org>#k=<24 symbols>}. Readers ignore
 * case, hyphens and spaces, read O as 0 and I, L as 1, and tell a typo (checksum) apart
 * from a different head. Immutable.
 */
public final class SafetyCode {

	static final int HEAD_BYTES = 12;

	private static final int LENGTH = HEAD_BYTES + 3;

	private final byte[] prefix;

	private SafetyCode(byte[] prefix) {
		this.prefix = prefix;
	}

	static SafetyCode of(KeyBookHead head) {
		return new SafetyCode(Arrays.copyOf(head.raw(), HEAD_BYTES));
	}

	/**
	 * Reads a code as people type or links carry it.
	 * @param text the printed or URL form
	 * @return the code
	 * @throws CryptoException with {@link KeyBookRefusal#SAFETY_CODE_TYPO} when it is not
	 * 24 symbols or its checksum does not match
	 */
	public static SafetyCode parse(String text) throws CryptoException {
		byte[] raw;
		try {
			raw = Crockford.decode(text, LENGTH);
		}
		catch (CryptoException ex) {
			throw new CryptoException(KeyBookRefusal.SAFETY_CODE_TYPO,
					"This is not a complete safety code: check for a missing or extra character");
		}
		byte[] prefix = Arrays.copyOf(raw, HEAD_BYTES);
		if (!MessageDigest.isEqual(checksum(prefix), Arrays.copyOfRange(raw, HEAD_BYTES, LENGTH))) {
			throw new CryptoException(KeyBookRefusal.SAFETY_CODE_TYPO,
					"The safety code contains a typo: its checksum does not match");
		}
		return new SafetyCode(prefix);
	}

	private static byte[] checksum(byte[] prefix) {
		int crc = Crc24.of(prefix);
		return new byte[] { (byte) (crc >>> 16), (byte) (crc >>> 8), (byte) crc };
	}

	/** Whether {@code head} is the head this code was made from. */
	public boolean matches(KeyBookHead head) {
		Objects.requireNonNull(head, "head");
		return MessageDigest.isEqual(this.prefix, Arrays.copyOf(head.raw(), HEAD_BYTES));
	}

	/** 24 symbols without separators: the form in a link's fragment. */
	public String urlForm() {
		byte[] raw = Arrays.copyOf(this.prefix, LENGTH);
		System.arraycopy(checksum(this.prefix), 0, raw, HEAD_BYTES, 3);
		return Crockford.encode(raw);
	}

	/**
	 * Six groups of four symbols joined by {@code -}: the form on a poster or intranet
	 * page.
	 */
	public String printable() {
		String symbols = urlForm();
		StringBuilder out = new StringBuilder(29);
		for (int i = 0; i < symbols.length(); i += 4) {
			out.append((i > 0) ? "-" : "").append(symbols, i, i + 4);
		}
		return out.toString();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SafetyCode code && MessageDigest.isEqual(code.prefix, this.prefix);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.prefix);
	}

	@Override
	public String toString() {
		return printable();
	}

}

package nl.meldpunt.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.zip.CRC32;

import nl.meldpunt.crypto.internal.Crockford;
import nl.meldpunt.crypto.internal.Hkdf;

/**
 * The reporter's token: 128 bits from the CSPRNG plus a CRC-32 checksum, printed as 32
 * Crockford base32 symbols in eight groups of four ({@code XXXX-XXXX-…}). The checksum
 * catches every single wrong symbol and every swap of two neighbours before any request
 * is made. HKDF-SHA256 derives from the 128 bits the mailbox credential and the
 * reporter's key pair. {@link #toString()} is redacted so that a token never reaches a
 * log by accident; {@link #printable()} is the explicit way to show it.
 */
public final class ReporterToken {

	static final int ENTROPY_LENGTH = 16;

	private static final String SALT = "meldpunt/v1/token";

	/** HKDF info of the mailbox credential; must differ from {@link #KEY_INFO}. */
	static final String CREDENTIAL_INFO = "mailbox-credential";

	/** HKDF info of the reporter key's seed. */
	static final String KEY_INFO = "reporter-key";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] entropy;

	private ReporterToken(byte[] entropy) {
		this.entropy = entropy;
	}

	/** A fresh token from the CSPRNG. */
	public static ReporterToken generate() {
		byte[] entropy = new byte[ENTROPY_LENGTH];
		RANDOM.nextBytes(entropy);
		return new ReporterToken(entropy);
	}

	/** A token from fixed entropy: for derivation vectors in tests only. */
	static ReporterToken ofEntropy(byte[] entropy) {
		if (entropy.length != ENTROPY_LENGTH) {
			throw new IllegalArgumentException("A token holds 16 bytes");
		}
		return new ReporterToken(entropy.clone());
	}

	/**
	 * Reads a token as people type it: case, hyphens and spaces do not matter, O reads as
	 * 0 and I or L as 1.
	 * @param text the printed token
	 * @return the token
	 * @throws CryptoException when it is not 32 symbols or its checksum does not match
	 */
	public static ReporterToken parse(String text) throws CryptoException {
		byte[] raw;
		try {
			raw = Crockford.decode(text, ENTROPY_LENGTH + 4);
		}
		catch (CryptoException ex) {
			throw new CryptoException("This is not a complete token: check for a missing or extra character");
		}
		byte[] entropy = Arrays.copyOf(raw, ENTROPY_LENGTH);
		if (!MessageDigest.isEqual(checksum(entropy), Arrays.copyOfRange(raw, ENTROPY_LENGTH, raw.length))) {
			throw new CryptoException("The token contains a typo: its checksum does not match");
		}
		return new ReporterToken(entropy);
	}

	private static byte[] checksum(byte[] entropy) {
		CRC32 crc = new CRC32();
		crc.update(entropy);
		long value = crc.getValue();
		return new byte[] { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value };
	}

	/** The canonical printed form, e.g. {@code 7K3M-…} (eight groups of four). */
	public String printable() {
		byte[] raw = Arrays.copyOf(this.entropy, ENTROPY_LENGTH + 4);
		System.arraycopy(checksum(this.entropy), 0, raw, ENTROPY_LENGTH, 4);
		String symbols = Crockford.encode(raw);
		StringBuilder out = new StringBuilder(39);
		for (int i = 0; i < symbols.length(); i += 4) {
			out.append((i > 0) ? "-" : "").append(symbols, i, i + 4);
		}
		return out.toString();
	}

	/** The credential the reporter's browser sends; the server stores only its hash. */
	public MailboxCredential mailboxCredential() {
		return MailboxCredential.ofDerived(Hkdf.derive(this.entropy, SALT, CREDENTIAL_INFO, 32));
	}

	/** The reporter's X25519 key pair: RFC 9180 DeriveKeyPair over an HKDF output. */
	public RecipientPrivateKey reporterKey() {
		byte[] seed = Hkdf.derive(this.entropy, SALT, KEY_INFO, 32);
		try {
			return RecipientPrivateKey.derive(seed);
		}
		finally {
			Arrays.fill(seed, (byte) 0);
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ReporterToken token && MessageDigest.isEqual(this.entropy, token.entropy);
	}

	@Override
	public int hashCode() {
		return mailboxCredential().hashCode();
	}

	@Override
	public String toString() {
		return "ReporterToken[redacted]";
	}

}

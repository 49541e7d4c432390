package nl.meldpunt.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

import nl.meldpunt.crypto.internal.AssociatedData;
import nl.meldpunt.crypto.internal.Hpke;

/**
 * A recipient's X25519 public key (an adviser, a hotline handler or the reporter). Built
 * only from valid bytes. Immutable.
 */
public final class RecipientPublicKey {

	private final byte[] bytes;

	private RecipientPublicKey(byte[] bytes) {
		this.bytes = bytes;
	}

	/**
	 * Validates a stored or received public key: 32 bytes, not a point of small order.
	 * @param bytes the raw X25519 public key
	 * @return the key
	 * @throws CryptoException when the bytes are no usable public key
	 */
	public static RecipientPublicKey fromBytes(byte[] bytes) throws CryptoException {
		Hpke.checkPublicKey(bytes);
		return new RecipientPublicKey(bytes.clone());
	}

	static RecipientPublicKey ofPrivate(byte[] privateKey) {
		return new RecipientPublicKey(Hpke.publicKeyOf(privateKey));
	}

	public byte[] toBytes() {
		return this.bytes.clone();
	}

	/**
	 * What people compare out of band: the first 16 bytes of SHA-256 over the key, as
	 * eight groups of four upper-case hex digits, e.g. {@code 3F2A 9C01 …}.
	 * @return the fingerprint
	 */
	public String fingerprint() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.bytes);
			String hex = HexFormat.of().withUpperCase().formatHex(digest, 0, 16);
			StringBuilder out = new StringBuilder(39);
			for (int i = 0; i < hex.length(); i += 4) {
				out.append((i > 0) ? " " : "").append(hex, i, i + 4);
			}
			return out.toString();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Seals {@code caseKey} to this recipient for the case and recipient named by
	 * {@code binding}, with the fixed purpose {@code case-key}.
	 * @param caseKey the case key
	 * @param binding organisation, case and recipient id
	 * @return the key envelope
	 */
	public KeyEnvelope seal(CaseKey caseKey, EnvelopeBinding binding) {
		Objects.requireNonNull(caseKey, "caseKey");
		byte[] info = AssociatedData.envelopeInfo(AssociatedData.CASE_KEY_PURPOSE, binding);
		byte[] header = AssociatedData.envelopeHeader();
		byte[] hpke = Hpke.seal(this.bytes, info, header, caseKey.keyBytes());
		byte[] out = Arrays.copyOf(header, header.length + hpke.length);
		System.arraycopy(hpke, 0, out, header.length, hpke.length);
		return KeyEnvelope.wrap(out);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof RecipientPublicKey key && MessageDigest.isEqual(this.bytes, key.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.bytes);
	}

	@Override
	public String toString() {
		return "RecipientPublicKey[" + fingerprint() + "]";
	}

}

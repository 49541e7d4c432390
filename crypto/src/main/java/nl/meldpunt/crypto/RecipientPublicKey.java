package nl.meldpunt.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

import nl.meldpunt.crypto.internal.AssociatedData;
import nl.meldpunt.crypto.internal.Fingerprint;
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
		return Fingerprint.groups(Fingerprint.sha256(this.bytes));
	}

	/**
	 * Seals {@code caseKey} to this recipient for the case and recipient named by
	 * {@code binding}; the key's purpose and epoch must be the binding's.
	 * @param caseKey the case key (or staff key)
	 * @param binding organisation, case and recipient id, purpose and epoch
	 * @return the key envelope
	 */
	public KeyEnvelope seal(CaseKey caseKey, EnvelopeBinding binding) {
		Objects.requireNonNull(caseKey, "caseKey");
		Objects.requireNonNull(binding, "binding");
		if (caseKey.purpose() != binding.purpose() || caseKey.epoch() != binding.epoch()) {
			throw new IllegalArgumentException("The binding names another purpose or epoch than the key has");
		}
		byte[] info = AssociatedData.envelopeInfo(binding);
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

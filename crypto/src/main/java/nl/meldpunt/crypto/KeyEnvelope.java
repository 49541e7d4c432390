package nl.meldpunt.crypto;

import java.util.Arrays;

import nl.meldpunt.crypto.internal.Wire;

/**
 * A case key sealed to one recipient with HPKE. Layout v1:
 * {@code 01 | 02 | enc (32) | HPKE ciphertext of the case key (32) | tag (16)}, 82 bytes;
 * see {@code crypto/FORMAT.md}. Immutable.
 */
public final class KeyEnvelope {

	private final byte[] bytes;

	private KeyEnvelope(byte[] bytes) {
		this.bytes = bytes;
	}

	/**
	 * Checks the structure (version, suite, exact length) without a key.
	 * @param bytes the serialized envelope
	 * @return the envelope
	 * @throws CryptoException when the bytes cannot be an envelope of format v1
	 */
	public static KeyEnvelope parse(byte[] bytes) throws CryptoException {
		Wire.checkHeader(bytes, Wire.SUITE_ENVELOPE, "Key envelope");
		if (bytes.length != Wire.ENVELOPE_LENGTH) {
			throw new CryptoException("Key envelope has the wrong length");
		}
		return new KeyEnvelope(bytes.clone());
	}

	static KeyEnvelope wrap(byte[] ownedBytes) {
		return new KeyEnvelope(ownedBytes);
	}

	public byte[] toBytes() {
		return this.bytes.clone();
	}

	/** {@code enc || ciphertext}: the HPKE part after the header. */
	byte[] hpkePart() {
		return Arrays.copyOfRange(this.bytes, Wire.HEADER_LENGTH, this.bytes.length);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof KeyEnvelope envelope && Arrays.equals(this.bytes, envelope.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.bytes);
	}

	@Override
	public String toString() {
		return "KeyEnvelope[" + this.bytes.length + " bytes]";
	}

}

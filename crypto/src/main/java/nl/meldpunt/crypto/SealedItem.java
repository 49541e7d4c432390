package nl.meldpunt.crypto;

import java.util.Arrays;

import nl.meldpunt.crypto.internal.Wire;

/**
 * An encrypted item (report, message, note, attachment meta data or chunk), as stored and
 * sent. Layout v1: {@code 01 | 01 | nonce (12) | AES-256-GCM ciphertext | tag (16)}; see
 * {@code crypto/FORMAT.md}. Immutable.
 */
public final class SealedItem {

	private final byte[] bytes;

	private SealedItem(byte[] bytes) {
		this.bytes = bytes;
	}

	/**
	 * Checks the structure (version, suite, length bounds) without a key. A value that
	 * passes may still fail to open.
	 * @param bytes the serialized item
	 * @return the item
	 * @throws CryptoException when the bytes cannot be an item of format v1
	 */
	public static SealedItem parse(byte[] bytes) throws CryptoException {
		Wire.checkHeader(bytes, Wire.SUITE_ITEM, "Item ciphertext");
		if (bytes.length < Wire.MIN_ITEM_LENGTH) {
			throw new CryptoException("Item ciphertext is too short");
		}
		if (bytes.length > Wire.MAX_ITEM_LENGTH) {
			throw new CryptoException("Item ciphertext is too long");
		}
		return new SealedItem(bytes.clone());
	}

	static SealedItem wrap(byte[] ownedBytes) {
		return new SealedItem(ownedBytes);
	}

	public byte[] toBytes() {
		return this.bytes.clone();
	}

	/** Length of the serialized item in bytes. */
	public int length() {
		return this.bytes.length;
	}

	/** Length of the plaintext this item holds. */
	public int plaintextLength() {
		return this.bytes.length - Wire.MIN_ITEM_LENGTH;
	}

	byte[] nonce() {
		return Arrays.copyOfRange(this.bytes, Wire.HEADER_LENGTH, Wire.HEADER_LENGTH + Wire.NONCE_LENGTH);
	}

	byte[] raw() {
		return this.bytes;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SealedItem item && Arrays.equals(this.bytes, item.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.bytes);
	}

	@Override
	public String toString() {
		return "SealedItem[" + this.bytes.length + " bytes]";
	}

}

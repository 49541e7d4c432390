package nl.meldpunt.crypto;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.security.auth.Destroyable;

import nl.meldpunt.crypto.internal.AesGcm;
import nl.meldpunt.crypto.internal.AssociatedData;
import nl.meldpunt.crypto.internal.Wire;

/**
 * A case's random 256-bit content key. It encrypts every item of the case with
 * AES-256-GCM under a fresh random nonce; it leaves this process only sealed to a
 * recipient ({@link RecipientPublicKey#seal}). It knows its {@link KeyPurpose purpose}
 * and epoch and binds both into every item it seals (the original case key, CASE epoch 0,
 * keeps the v1 associated data); a {@link KeyPurpose#STAFF staff key} seals internal
 * notes only. Immutable until {@link #destroy()}, which zeroes the key; any use after
 * that throws {@link IllegalStateException}.
 */
public final class CaseKey implements Destroyable {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] key;

	private final KeyPurpose purpose;

	private final int epoch;

	private volatile boolean destroyed;

	private CaseKey(byte[] key, KeyPurpose purpose, int epoch) {
		this.key = key;
		this.purpose = purpose;
		this.epoch = epoch;
	}

	/** A fresh original case key (purpose CASE, epoch 0) from the CSPRNG. */
	public static CaseKey generate() {
		return generate(KeyPurpose.CASE, 0);
	}

	/**
	 * A fresh key from the CSPRNG for {@code purpose} and {@code epoch}: a case key after
	 * re-keying, or a staff key.
	 * @param purpose case key or staff key
	 * @param epoch 0 to {@value EnvelopeBinding#MAX_EPOCH}
	 * @return the key
	 */
	public static CaseKey generate(KeyPurpose purpose, int epoch) {
		Objects.requireNonNull(purpose, "purpose");
		if (epoch < 0 || epoch > EnvelopeBinding.MAX_EPOCH) {
			throw new IllegalArgumentException("epoch must be between 0 and " + EnvelopeBinding.MAX_EPOCH);
		}
		byte[] key = new byte[Wire.KEY_LENGTH];
		RANDOM.nextBytes(key);
		return new CaseKey(key, purpose, epoch);
	}

	static CaseKey ofOpenedBytes(byte[] key, KeyPurpose purpose, int epoch) throws CryptoException {
		if (key.length != Wire.KEY_LENGTH) {
			throw new CryptoException("Key envelope holds no case key");
		}
		return new CaseKey(key, purpose, epoch);
	}

	public KeyPurpose purpose() {
		return this.purpose;
	}

	public int epoch() {
		return this.epoch;
	}

	byte[] keyBytes() {
		if (this.destroyed) {
			throw new IllegalStateException("This case key was destroyed");
		}
		return this.key;
	}

	/** Zeroes the key in memory; this object cannot be used after. */
	@Override
	public void destroy() {
		this.destroyed = true;
		Arrays.fill(this.key, (byte) 0);
	}

	@Override
	public boolean isDestroyed() {
		return this.destroyed;
	}

	/**
	 * Encrypts one item bound to {@code binding}.
	 * @param plaintext at most 16 MiB
	 * @param binding where the item belongs
	 * @return the sealed item
	 */
	public SealedItem seal(byte[] plaintext, ItemBinding binding) {
		Objects.requireNonNull(binding, "binding");
		if (this.purpose == KeyPurpose.STAFF && binding.kind() != ItemKind.NOTE) {
			throw new IllegalArgumentException("A staff key seals internal notes only");
		}
		return seal(plaintext, 0, plaintext.length, AssociatedData.item(binding, this.purpose, this.epoch));
	}

	/**
	 * Decrypts an item; fails unless it was sealed with this key and exactly this
	 * binding.
	 * @param item the sealed item
	 * @param binding where the item is expected to belong
	 * @return the plaintext
	 * @throws CryptoException on any mismatch or tampering
	 */
	public byte[] open(SealedItem item, ItemBinding binding) throws CryptoException {
		Objects.requireNonNull(binding, "binding");
		return open(item, AssociatedData.item(binding, this.purpose, this.epoch));
	}

	/**
	 * Encrypts an attachment's content as 1 MiB chunks, each bound to its index and to
	 * whether it is the last one. Empty content gives one empty last chunk.
	 * @param content the attachment
	 * @param binding where it belongs
	 * @return the chunks in order
	 */
	public List<SealedItem> sealAttachment(byte[] content, AttachmentBinding binding) {
		Objects.requireNonNull(binding, "binding");
		if (this.purpose == KeyPurpose.STAFF) {
			throw new IllegalArgumentException("A staff key seals internal notes only");
		}
		int count = Math.max(1, (content.length + Wire.CHUNK_SIZE - 1) / Wire.CHUNK_SIZE);
		if (count > Wire.MAX_CHUNKS) {
			throw new IllegalArgumentException("Attachment is too large");
		}
		List<SealedItem> chunks = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int offset = i * Wire.CHUNK_SIZE;
			int length = Math.min(Wire.CHUNK_SIZE, content.length - offset);
			chunks.add(seal(content, offset, length,
					AssociatedData.chunk(binding, i, i == count - 1, this.purpose, this.epoch)));
		}
		return List.copyOf(chunks);
	}

	/**
	 * Decrypts and joins an attachment's chunks; fails when one is missing, extra,
	 * reordered, from another attachment or tampered with.
	 * @param chunks the chunks in order
	 * @param binding where the attachment is expected to belong
	 * @return the content
	 * @throws CryptoException on any mismatch or tampering
	 */
	public byte[] openAttachment(List<SealedItem> chunks, AttachmentBinding binding) throws CryptoException {
		Objects.requireNonNull(binding, "binding");
		// Checked before any chunk is read: 2047 full chunks are the most whose joined
		// plaintext still fits one Java array.
		if (chunks.isEmpty() || chunks.size() > Wire.MAX_CHUNKS) {
			throw new CryptoException("Attachment has no chunks or too many");
		}
		int last = chunks.size() - 1;
		long total = 0;
		for (int i = 0; i <= last; i++) {
			int length = Objects.requireNonNull(chunks.get(i), "chunk").plaintextLength();
			if ((i < last && length != Wire.CHUNK_SIZE) || length > Wire.CHUNK_SIZE) {
				throw new CryptoException("Attachment chunk " + i + " has the wrong size");
			}
			total += length;
		}
		byte[] out = new byte[Math.toIntExact(total)];
		int offset = 0;
		for (int i = 0; i <= last; i++) {
			byte[] part = open(chunks.get(i), AssociatedData.chunk(binding, i, i == last, this.purpose, this.epoch));
			System.arraycopy(part, 0, out, offset, part.length);
			offset += part.length;
		}
		return out;
	}

	private SealedItem seal(byte[] plaintext, int offset, int length, byte[] aad) {
		if (length > Wire.MAX_ITEM_PLAINTEXT) {
			throw new IllegalArgumentException("An item holds at most 16 MiB");
		}
		byte[] nonce = AesGcm.randomNonce();
		byte[] prefix = new Wire.Fields().bytes(AssociatedData.itemHeader()).bytes(nonce).toBytes();
		return SealedItem.wrap(AesGcm.seal(keyBytes(), nonce, aad, plaintext, offset, length, prefix));
	}

	private byte[] open(SealedItem item, byte[] aad) throws CryptoException {
		Objects.requireNonNull(item, "item");
		int start = Wire.HEADER_LENGTH + Wire.NONCE_LENGTH;
		return AesGcm.open(keyBytes(), item.nonce(), aad, item.raw(), start, item.raw().length - start);
	}

	@Override
	public String toString() {
		return "CaseKey[" + this.purpose + ", epoch " + this.epoch + ", redacted]";
	}

}

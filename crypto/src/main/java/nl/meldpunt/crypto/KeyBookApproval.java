package nl.meldpunt.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

import nl.meldpunt.crypto.internal.Ed25519;

/**
 * One approver's Ed25519 signature over a draft: over
 * {@code lp("meldpunt/v1/key-book-approval") || draft body}, which names the
 * organisation, the hotline, the sequence number and the previous head. Immutable.
 */
public final class KeyBookApproval {

	private final UUID signerId;

	private final byte[] signature;

	private KeyBookApproval(UUID signerId, byte[] signature) {
		this.signerId = signerId;
		this.signature = signature;
	}

	/**
	 * An approval as received (the server collects them one by one).
	 * @param signerId the approver's recipient id
	 * @param signature 64 bytes
	 * @return the approval
	 * @throws CryptoException with {@link KeyBookRefusal#MALFORMED} on another length
	 */
	public static KeyBookApproval of(UUID signerId, byte[] signature) throws CryptoException {
		Objects.requireNonNull(signerId, "signerId");
		if (signature == null || signature.length != Ed25519.SIGNATURE_LENGTH) {
			throw new CryptoException(KeyBookRefusal.MALFORMED, "An approval's signature is 64 bytes");
		}
		return new KeyBookApproval(signerId, signature.clone());
	}

	static KeyBookApproval ofOwned(UUID signerId, byte[] signature) {
		return new KeyBookApproval(signerId, signature);
	}

	public UUID signerId() {
		return this.signerId;
	}

	public byte[] signature() {
		return this.signature.clone();
	}

	byte[] raw() {
		return this.signature;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof KeyBookApproval approval && approval.signerId.equals(this.signerId)
				&& MessageDigest.isEqual(approval.signature, this.signature);
	}

	@Override
	public int hashCode() {
		return this.signerId.hashCode() * 31 + Arrays.hashCode(this.signature);
	}

	@Override
	public String toString() {
		return "KeyBookApproval[" + this.signerId + "]";
	}

}

package nl.meldpunt.crypto;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A proposed key-book entry before its approvals: the body that approvers sign. It is
 * fixed to the head it was proposed on ({@link KeyBook#propose}); once another entry is
 * appended it no longer fits and must be proposed again. The server stores it while
 * approvals come in, each approver's browser shows {@link #change()} and signs it
 * ({@link KeyBook#approve}), and {@link #entry(List)} joins body and approvals.
 * Immutable.
 */
public final class KeyBookDraft {

	private final KeyBookCodec.Body body;

	private KeyBookDraft(KeyBookCodec.Body body) {
		this.body = body;
	}

	/**
	 * Checks the structure of a stored or received draft.
	 * @param bytes the draft's bytes
	 * @return the draft
	 * @throws CryptoException with {@link KeyBookRefusal#MALFORMED} when they are no
	 * draft
	 */
	public static KeyBookDraft parse(byte[] bytes) throws CryptoException {
		return new KeyBookDraft(KeyBookCodec.parseDraft(bytes));
	}

	static KeyBookDraft of(KeyBookCodec.Body body) {
		return new KeyBookDraft(body);
	}

	KeyBookCodec.Body body() {
		return this.body;
	}

	public UUID organisationId() {
		return this.body.organisationId();
	}

	/** The hotline whose book this is for; empty for the organisation's book. */
	public Optional<UUID> hotlineId() {
		return this.body.hotlineId();
	}

	/** The number the entry will have. */
	public long sequence() {
		return this.body.sequence();
	}

	/** What the entry changes: what an approver must read before signing. */
	public KeyBookChange change() {
		return this.body.change();
	}

	/**
	 * The entry: this body with {@code approvals}, put in signer order. Whether they
	 * suffice is checked by {@link KeyBook#append(byte[])}.
	 * @param approvals 1 to {@value KeyBook#MAX_APPROVALS} approvals
	 * @return the entry's bytes
	 */
	public byte[] entry(List<KeyBookApproval> approvals) {
		Objects.requireNonNull(approvals, "approvals");
		return KeyBookCodec.encodeEntry(this.body.bytes(), approvals);
	}

	public byte[] toBytes() {
		return this.body.bytes().clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof KeyBookDraft draft && Arrays.equals(draft.body.bytes(), this.body.bytes());
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.body.bytes());
	}

	@Override
	public String toString() {
		return "KeyBookDraft[" + this.body.sequence() + ", " + this.body.change().getClass().getSimpleName() + "]";
	}

}

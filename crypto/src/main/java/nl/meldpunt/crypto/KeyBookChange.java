package nl.meldpunt.crypto;

import java.util.Objects;
import java.util.UUID;

/**
 * What one key-book entry changes. Its one-byte type code is part of the entry bytes (see
 * {@code crypto/FORMAT.md}, "Key book").
 */
public sealed interface KeyBookChange {

	/** The entry's type code. */
	int type();

	/** The first entry: the book's first member, who signs it alone. Type 1. */
	record Genesis(KeyBookMember member) implements KeyBookChange {

		public Genesis {
			Objects.requireNonNull(member, "member");
		}

		@Override
		public int type() {
			return 1;
		}

	}

	/**
	 * A recipient joins: from now on it is sealed to and, in its book, approves. Type 2.
	 */
	record RecipientAdded(KeyBookMember member) implements KeyBookChange {

		public RecipientAdded {
			Objects.requireNonNull(member, "member");
		}

		@Override
		public int type() {
			return 2;
		}

	}

	/**
	 * A recipient leaves: never sealed to again, its approvals worthless from now on.
	 * Type 3.
	 */
	record RecipientRemoved(UUID recipientId) implements KeyBookChange {

		public RecipientRemoved {
			Objects.requireNonNull(recipientId, "recipientId");
		}

		@Override
		public int type() {
			return 3;
		}

	}

	/**
	 * The approval threshold m from the next entry on; 0 goes back to the default rule (1
	 * while the book has one approver, else 2). Type 4.
	 *
	 * @param threshold 0, or 1 to {@value KeyBook#MAX_APPROVALS}
	 */
	record ThresholdChanged(int threshold) implements KeyBookChange {

		public ThresholdChanged {
			if (threshold < 0 || threshold > KeyBook.MAX_APPROVALS) {
				throw new IllegalArgumentException(
						"A threshold is 0 (the default rule) or 1 to " + KeyBook.MAX_APPROVALS);
			}
		}

		@Override
		public int type() {
			return 4;
		}

	}

	/**
	 * Pins a hotline's own key book, by its head, into the organisation's book; the
	 * hotline's book must extend every pin. Type 5.
	 */
	record HotlinePinned(UUID hotlineId, KeyBookHead head) implements KeyBookChange {

		public HotlinePinned {
			Objects.requireNonNull(hotlineId, "hotlineId");
			Objects.requireNonNull(head, "head");
		}

		@Override
		public int type() {
			return 5;
		}

	}

	/** Ends a hotline's pin: the hotline is no longer a route. Type 6. */
	record HotlineUnpinned(UUID hotlineId) implements KeyBookChange {

		public HotlineUnpinned {
			Objects.requireNonNull(hotlineId, "hotlineId");
		}

		@Override
		public int type() {
			return 6;
		}

	}

}

package nl.meldpunt.crypto;

/**
 * Why a key book, an entry, a draft, an approval or a safety code was refused: the same
 * names in Java ({@link CryptoException#refusal()}) and in the browser
 * ({@code KeyBookError.reason}), and in the shared refusal vectors.
 */
public enum KeyBookRefusal {

	/** The bytes are not a key-book entry, draft or approval of format v1. */
	MALFORMED,

	/** The entry belongs to another organisation's book or to another hotline's book. */
	WRONG_BOOK,

	/** The entry's number is not the next one: an entry is missing, repeated or moved. */
	WRONG_SEQUENCE,

	/** The entry does not name the head before it: the history was rewritten. */
	BROKEN_CHAIN,

	/**
	 * The first entry is no genesis signed by its own member, or a later one is a
	 * genesis.
	 */
	BAD_GENESIS,

	/** An approval's signature does not verify: forged, or made over other bytes. */
	BAD_SIGNATURE,

	/** An approval by someone who never was an approver in this book. */
	NOT_A_SIGNER,

	/** An approval by an approver who had been removed; it counts for nothing. */
	REMOVED_SIGNER,

	/** The same approver signed the entry more than once. */
	DUPLICATE_APPROVAL,

	/** Fewer approvals than the threshold in force before the entry. */
	THRESHOLD_NOT_MET,

	/** The recipient id, one of its keys or its display name is already in the book. */
	DUPLICATE_RECIPIENT,

	/** The entry removes someone who is not a current member. */
	UNKNOWN_RECIPIENT,

	/**
	 * Role or hotline does not fit the book (a hotline handler in the organisation's
	 * book, a pin in a hotline's book).
	 */
	WRONG_ROLE,

	/** The change would leave fewer approvers than the threshold needs, or none. */
	THRESHOLD_UNREACHABLE,

	/** A book without entries. */
	EMPTY_BOOK,

	/** The book does not extend the head (or safety code) it is compared with. */
	NOT_EXTENDED,

	/**
	 * The hotline's book is not pinned in the organisation's book, or does not extend its
	 * pin.
	 */
	HOTLINE_NOT_PINNED,

	/** A safety code with a typo: its checksum does not match. */
	SAFETY_CODE_TYPO

}

package nl.meldpunt.crypto;

/** What a member of a key book is; its one-byte code is part of the entry bytes. */
public enum RecipientRole {

	/**
	 * A confidential adviser of the organisation: member and approver of its key book.
	 */
	ADVISER(1),

	/**
	 * A handler of an external hotline: member and approver of that hotline's key book.
	 */
	HOTLINE(2);

	private final int code;

	RecipientRole(int code) {
		this.code = code;
	}

	/** The byte in the entry encoding. */
	public int code() {
		return this.code;
	}

}

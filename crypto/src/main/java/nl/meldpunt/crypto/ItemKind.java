package nl.meldpunt.crypto;

/**
 * What an encrypted item is; part of its associated data, so an item cannot be opened as
 * another kind.
 */
public enum ItemKind {

	/** The report itself: the reporter's answers and free text. */
	REPORT,

	/** A message between the reporter and the case's recipients. */
	MESSAGE,

	/** An internal note by an adviser or hotline handler. */
	NOTE,

	/** An attachment's file name, media type and size. */
	ATTACHMENT_META,

	/** One fixed-size chunk of an attachment's content. */
	ATTACHMENT_CHUNK,

	/**
	 * A recipient's proposal of a referral (to whom, why) that waits for the reporter's
	 * consent.
	 */
	PROPOSAL,

	/**
	 * A recipient's minutes of a meeting or call, for the reporter to approve or correct.
	 */
	MINUTES,

	/**
	 * The reporter's decision on a proposal or on minutes, bound to the exact item it
	 * answers.
	 */
	DECISION,

	/** The reporter asks for a meeting or a call. */
	MEETING_REQUEST

}

package nl.meldpunt.internalapi;

/**
 * The one set of limits both sides of the internal API check: the portal at its edge, the
 * case service again on arrival.
 */
public final class Limits {

	/** Advisers an organisation may have. */
	public static final int MAX_ADVISERS = 200;

	/** A reporter can exclude at most every adviser. */
	public static final int MAX_EXCLUDED_ADVISERS = MAX_ADVISERS;

	/** One envelope per adviser (or the hotline), plus the reporter's own. */
	public static final int MAX_KEY_ENVELOPES = MAX_ADVISERS + 1;

	/** Characters of an organisation's access code. */
	public static final int MAX_ACCESS_CODE_CHARS = 200;

	/** Chunks of one attachment: far more than the largest allowed file needs. */
	public static final int MAX_CHUNKS = 100_000;

	/** The largest request body for one sealed chunk (1 MiB chunks plus framing). */
	public static final int MAX_CHUNK_BODY_BYTES = 2 * 1024 * 1024;

	/**
	 * The largest request body the internal API reads, JSON or chunk: a 1 MiB sealed item
	 * in base64url with 201 envelopes fits, and so does a chunk body. The case service
	 * refuses anything larger with 413 {@code request-too-large} before it reads it.
	 */
	public static final int MAX_BODY_BYTES = 2 * 1024 * 1024 + 64 * 1024;

	/** Attachments of one case, the reporter's and the recipients' together. */
	public static final int MAX_ATTACHMENTS_PER_CASE = 50;

	/** The largest sealed attachment meta item (file name, type and size). */
	public static final int MAX_META_BYTES = 64 * 1024;

	/** The highest epoch of a case key (crypto/FORMAT.md, "Epochs and the staff key"). */
	public static final int MAX_EPOCH = 1_000_000;

	/** Entries of one key book the services pass on (the format allows 100 000). */
	public static final int MAX_KEY_BOOK_ENTRIES = 100_000;

	private Limits() {
	}

}

package nl.meldpunt.portal.submission;

/**
 * The smallest sizes a well-formed ciphertext can have. A sealed item carries at least a
 * version/suite header, a 12-byte nonce and a 16-byte GCM tag; an HPKE envelope at least
 * a 32-byte encapsulated key, the sealed 32-byte case key and its tag. Anything shorter
 * cannot be a ciphertext, and the portal refuses it before the case service's full check.
 */
final class SealedShape {

	static final int MIN_ITEM_BYTES = 12 + 16;

	static final int MIN_ENVELOPE_BYTES = 32 + 32 + 16;

	private SealedShape() {
	}

}

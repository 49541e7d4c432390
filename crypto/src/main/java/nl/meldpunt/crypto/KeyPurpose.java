package nl.meldpunt.crypto;

/**
 * What a case's symmetric key is for. Part of a key envelope's HPKE info and, except for
 * the original case key, of every item's associated data, so a key of one purpose is
 * never taken for the other.
 */
public enum KeyPurpose {

	/** The case key: report, messages, attachments; the reporter holds it too. */
	CASE("case-key"),

	/**
	 * The staff key: internal notes only; sealed to staff recipients, never to the
	 * reporter.
	 */
	STAFF("staff-key");

	private final String label;

	KeyPurpose(String label) {
		this.label = label;
	}

	/** The fixed label in the encodings. */
	public String label() {
		return this.label;
	}

}

package nl.meldpunt.crypto;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One recipient as a key book lists it. Advisers belong to the organisation's book,
 * hotline handlers to their hotline's book.
 *
 * @param recipientId the recipient's id (its account id), never reused within a book
 * @param role adviser or hotline handler
 * @param displayName what a reporter sees: NFC, 1 to 64 characters, single inner spaces,
 * no control or format characters; unique within a book, ignoring case and compatibility
 * forms
 * @param hotlineId the hotline of a handler; empty for an adviser
 * @param keys its X25519 and Ed25519 public keys
 */
public record KeyBookMember(UUID recipientId, RecipientRole role, String displayName, Optional<UUID> hotlineId,
		RecipientPublicKeys keys) {

	/** Most characters (code points) in a display name. */
	public static final int MAX_NAME_LENGTH = 64;

	public KeyBookMember {
		Objects.requireNonNull(recipientId, "recipientId");
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(hotlineId, "hotlineId");
		Objects.requireNonNull(keys, "keys");
		checkDisplayName(displayName);
		if ((role == RecipientRole.HOTLINE) != hotlineId.isPresent()) {
			throw new IllegalArgumentException("A hotline handler names its hotline; an adviser names none");
		}
	}

	public static KeyBookMember adviser(UUID recipientId, String displayName, RecipientPublicKeys keys) {
		return new KeyBookMember(recipientId, RecipientRole.ADVISER, displayName, Optional.empty(), keys);
	}

	public static KeyBookMember hotlineHandler(UUID recipientId, UUID hotlineId, String displayName,
			RecipientPublicKeys keys) {
		return new KeyBookMember(recipientId, RecipientRole.HOTLINE, displayName, Optional.of(hotlineId), keys);
	}

	/**
	 * The combined fingerprint of both keys ({@link RecipientPublicKeys#fingerprint()}).
	 */
	public String fingerprint() {
		return this.keys.fingerprint();
	}

	/** What two display names are compared by: NFKC, lower case. */
	String nameKey() {
		return Normalizer.normalize(this.displayName, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	/** The display-name rules, the same in the browser. */
	static void checkDisplayName(String name) {
		Objects.requireNonNull(name, "displayName");
		int length = name.codePointCount(0, name.length());
		if (length == 0 || length > MAX_NAME_LENGTH || name.getBytes(StandardCharsets.UTF_8).length > 256) {
			throw new IllegalArgumentException("A display name has 1 to 64 characters");
		}
		if (!Normalizer.isNormalized(name, Normalizer.Form.NFC)) {
			throw new IllegalArgumentException("A display name must be in Unicode NFC");
		}
		if (name.startsWith(" ") || name.endsWith(" ") || name.contains("  ")) {
			throw new IllegalArgumentException("A display name has single spaces between words only");
		}
		name.codePoints().forEach((c) -> {
			int type = Character.getType(c);
			if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
					|| type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
					|| (type == Character.SPACE_SEPARATOR && c != ' ')) {
				throw new IllegalArgumentException("A display name has no control, format or special space characters");
			}
		});
	}

}

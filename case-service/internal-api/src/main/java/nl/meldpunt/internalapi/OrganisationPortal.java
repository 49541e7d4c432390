package nl.meldpunt.internalapi;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meldpunt.crypto.RecipientPublicKey;

/**
 * The public face of one organisation as the case service describes it (internal API
 * {@code GET /organisations/{slug}/portal}); the portal passes it on to the browser. The
 * browser seals to the members of the <em>key books</em> it verifies itself
 * ({@code keyBook}, each hotline's {@code keyBook}), never to a key merely listed here:
 * the lists are what the service believes the books say, for pages rendered before any
 * script runs.
 *
 * @param organisationId the organisation
 * @param slug the path segment of its portal
 * @param name its display name
 * @param acceptingReports false until the organisation's advisers started its key book
 * @param accessCodeRequired whether filing needs the shared access code
 * @param categories the organisation's report categories
 * @param advisers the advisers the organisation's key book lists
 * @param hotlines the external hotlines the organisation's key book pins
 * @param maxAttachmentBytes the organisation's attachment limit
 * @param acknowledgeWithinDays legal acknowledgement term
 * @param feedbackWithinMonths legal feedback term
 * @param keyBook the organisation's key book as stored: every entry, base64url, in order
 */
public record OrganisationPortal(UUID organisationId, String slug, String name, boolean acceptingReports,
		boolean accessCodeRequired, List<Category> categories, List<Adviser> advisers, List<Hotline> hotlines,
		long maxAttachmentBytes, int acknowledgeWithinDays, int feedbackWithinMonths, List<String> keyBook) {

	public OrganisationPortal {
		categories = (categories != null) ? List.copyOf(categories) : List.of();
		advisers = (advisers != null) ? List.copyOf(advisers) : List.of();
		hotlines = (hotlines != null) ? List.copyOf(hotlines) : List.of();
		keyBook = (keyBook != null) ? List.copyOf(keyBook) : List.of();
	}

	/** The same portal with an attachment limit no larger than {@code cap}. */
	public OrganisationPortal withAttachmentCap(long cap) {
		return new OrganisationPortal(this.organisationId, this.slug, this.name, this.acceptingReports,
				this.accessCodeRequired, this.categories, this.advisers, this.hotlines,
				Math.min(cap, (this.maxAttachmentBytes > 0) ? this.maxAttachmentBytes : cap),
				this.acknowledgeWithinDays, this.feedbackWithinMonths, this.keyBook);
	}

	/**
	 * @param code stable code
	 * @param name name per language
	 */
	public record Category(String code, Map<String, String> name) {

		public String nameIn(String language) {
			return Localized.pick(this.name, language, this.code);
		}

	}

	/**
	 * A recipient as its key book lists it (an adviser, or a hotline's handler).
	 *
	 * @param id the account
	 * @param displayName name shown to reporters
	 * @param publicKey X25519 public key
	 * @param fingerprint the recipient fingerprint over both of its public keys
	 */
	public record Adviser(UUID id, String displayName, RecipientPublicKey publicKey, String fingerprint) {
	}

	/**
	 * @param id the hotline
	 * @param name its name
	 * @param description description per language
	 * @param contact contact details
	 * @param handlers its handlers, as its own key book lists them
	 * @param keyBook the hotline's own key book as stored (base64url entries)
	 */
	public record Hotline(UUID id, String name, Map<String, String> description, String contact, List<Adviser> handlers,
			List<String> keyBook) {

		public Hotline {
			handlers = (handlers != null) ? List.copyOf(handlers) : List.of();
			keyBook = (keyBook != null) ? List.copyOf(keyBook) : List.of();
		}

		public String descriptionIn(String language) {
			return Localized.pick(this.description, language, "");
		}

	}

	private static final class Localized {

		static String pick(Map<String, String> texts, String language, String fallback) {
			if (texts == null || texts.isEmpty()) {
				return fallback;
			}
			String text = texts.get(language);
			if (text == null && !"nl".equals(language)) {
				// an organisation names things in Dutch and English: English reads best
				// for a reporter who chose another language
				text = texts.get("en");
			}
			if (text == null) {
				text = texts.getOrDefault("nl", texts.values().iterator().next());
			}
			return text;
		}

	}

}

package nl.meldpunt.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the reporter portal ({@code meldpunt.portal.*}). The portal enforces them at
 * its edge before anything reaches the case service; the browser enforces the same
 * numbers first so that a reporter hears about a limit before encrypting.
 *
 * @param maxAttachmentBytes largest attachment (plaintext bytes) the portal accepts
 * @param maxItemBytes largest single sealed item (report body or message), in bytes
 * @param maxChunkBytes largest sealed attachment chunk, in bytes
 * @param maxTextChars largest text the form lets a reporter type into one field
 * @param rateLimit the in-memory token buckets
 */
@ConfigurationProperties("meldpunt.portal")
public record PortalProperties(@DefaultValue("52428800") long maxAttachmentBytes,
		@DefaultValue("1048576") int maxItemBytes, @DefaultValue("1179648") int maxChunkBytes,
		@DefaultValue("20000") int maxTextChars, @DefaultValue RateLimit rateLimit) {

	/**
	 * Requests per second (and the burst) of the in-memory token buckets. None of them is
	 * keyed by anything that identifies a reporter: there is one global bucket per
	 * operation and one per organisation for filing.
	 *
	 * @param filingsPerSecond all filings together
	 * @param filingsPerOrganisationPerSecond filings of one organisation
	 * @param mailboxPerSecond all token-authenticated mailbox calls together
	 */
	public record RateLimit(@DefaultValue("10000") int filingsPerSecond,
			@DefaultValue("5000") int filingsPerOrganisationPerSecond, @DefaultValue("20000") int mailboxPerSecond) {
	}

}

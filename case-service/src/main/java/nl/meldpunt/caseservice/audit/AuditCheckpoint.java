package nl.meldpunt.caseservice.audit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A signed statement that an audit chain had reached {@code seq} with head {@code hash}
 * on {@code day}: one line of the checkpoint file, outside the database. The signature is
 * Ed25519 over {@link #signedText()}, by a key that is not in the database.
 * <p>
 * Line: {@code meldpunt-audit-checkpoint/v1 <day> <organisation> <chain> <seq> <hash>
 * <signature, base64url>}, fields separated by one space.
 *
 * @param day the day (UTC) the checkpoint was taken; nothing finer is kept
 * @param organisation the organisation's id, or {@code system}
 * @param chain the chain ({@code <organisation>/<shard>} or {@code <organisation>/r})
 * @param seq the sequence number of the chain's newest entry
 * @param hash that entry's hash (64 hex digits)
 * @param signature the Ed25519 signature (64 bytes), base64url without padding
 */
record AuditCheckpoint(LocalDate day, String organisation, String chain, long seq, String hash, String signature) {

	static final String VERSION = "meldpunt-audit-checkpoint/v1";

	private static final Pattern CHAIN = Pattern.compile("[0-9a-f-]{36}/(?:[0-9]{1,2}|r)|system/(?:[0-9]{1,2}|r)");

	private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

	private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9_-]{86}");

	AuditCheckpoint {
		if (!CHAIN.matcher(chain).matches() || !chain.startsWith(organisation + "/")) {
			throw new IllegalArgumentException("not a chain of the organisation");
		}
		if (seq < 1 || !HASH.matcher(hash).matches()) {
			throw new IllegalArgumentException("not a sequence number and hash");
		}
		if (signature != null && !SIGNATURE.matcher(signature).matches()) {
			throw new IllegalArgumentException("not a signature");
		}
	}

	/** What the key signs: every field but the signature, under a fixed label. */
	byte[] signedText() {
		return String
			.join("\u001f", VERSION, this.day.toString(), this.organisation, this.chain, Long.toString(this.seq),
					this.hash)
			.getBytes(StandardCharsets.UTF_8);
	}

	AuditCheckpoint signedWith(String signature) {
		return new AuditCheckpoint(this.day, this.organisation, this.chain, this.seq, this.hash, signature);
	}

	String line() {
		return String.join(" ", VERSION, this.day.toString(), this.organisation, this.chain, Long.toString(this.seq),
				this.hash, this.signature);
	}

	/**
	 * The line's checkpoint, not yet verified; IllegalArgumentException when malformed.
	 */
	static AuditCheckpoint parse(String line) {
		String[] fields = line.split(" ", -1);
		if (fields.length != 7 || !fields[0].equals(VERSION)) {
			throw new IllegalArgumentException("not a checkpoint line");
		}
		try {
			return new AuditCheckpoint(LocalDate.parse(fields[1]), fields[2], fields[3], Long.parseLong(fields[4]),
					fields[5], fields[6]);
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw new IllegalArgumentException("not a checkpoint line", ex);
		}
	}

	/** The first 16 hex digits of the hash, as a mail shows it. */
	String hashPrefix() {
		return this.hash.substring(0, 16);
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

}

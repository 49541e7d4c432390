package nl.meldpunt.crypto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.meldpunt.crypto.internal.Ed25519;
import nl.meldpunt.crypto.internal.Fingerprint;
import nl.meldpunt.crypto.internal.Wire;

/**
 * The canonical bytes of key-book entries and drafts (crypto/FORMAT.md, "Key book"):
 * every field length-prefixed or of fixed length, one encoding per value, nothing
 * optional left to interpretation. Package-private beside the types it builds.
 */
final class KeyBookCodec {

	static final String HEAD_LABEL = "meldpunt/v1/key-book-head";

	static final String APPROVAL_LABEL = "meldpunt/v1/key-book-approval";

	/** Longest entry accepted; checked before anything is parsed. */
	static final int MAX_ENTRY_LENGTH = 8192;

	private static final Pattern CANONICAL_UUID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Comparator<KeyBookApproval> SIGNER_ORDER = Comparator
		.comparing((approval) -> approval.signerId().toString());

	private KeyBookCodec() {
	}

	/** A parsed body: its exact bytes and what they say. */
	record Body(byte[] bytes, UUID organisationId, Optional<UUID> hotlineId, long sequence, byte[] previous,
			KeyBookChange change) {
	}

	/** A parsed entry: its body and approvals in signer order. */
	record Entry(Body body, List<KeyBookApproval> approvals) {
	}

	static byte[] encodeBody(UUID organisationId, Optional<UUID> hotlineId, long sequence, byte[] previous,
			KeyBookChange change) {
		Wire.Fields out = new Wire.Fields().u8(Wire.VERSION)
			.u8(Wire.SUITE_KEY_BOOK_ENTRY)
			.text(organisationId.toString())
			.text(hotlineId.map(UUID::toString).orElse(""))
			.u32((int) sequence)
			.bytes(previous)
			.u8(change.type());
		if (change instanceof KeyBookChange.Genesis genesis) {
			member(out, genesis.member());
		}
		else if (change instanceof KeyBookChange.RecipientAdded added) {
			member(out, added.member());
		}
		else if (change instanceof KeyBookChange.RecipientRemoved removed) {
			out.text(removed.recipientId().toString());
		}
		else if (change instanceof KeyBookChange.ThresholdChanged threshold) {
			out.u8(threshold.threshold());
		}
		else if (change instanceof KeyBookChange.HotlinePinned pin) {
			out.text(pin.hotlineId().toString()).u32((int) pin.head().sequence()).bytes(pin.head().raw());
		}
		else if (change instanceof KeyBookChange.HotlineUnpinned unpin) {
			out.text(unpin.hotlineId().toString());
		}
		return out.toBytes();
	}

	private static void member(Wire.Fields out, KeyBookMember member) {
		out.text(member.recipientId().toString())
			.u8(member.role().code())
			.text(member.displayName())
			.text(member.hotlineId().map(UUID::toString).orElse(""))
			.bytes(member.keys().encryptionKey().toBytes())
			.bytes(member.keys().signingKey().toBytes());
	}

	/**
	 * Body, then {@code u8 count} and per approval {@code lp(signer id) || signature},
	 * signers in order.
	 */
	static byte[] encodeEntry(byte[] body, List<KeyBookApproval> approvals) {
		if (approvals.isEmpty() || approvals.size() > KeyBook.MAX_APPROVALS) {
			throw new IllegalArgumentException("An entry carries 1 to " + KeyBook.MAX_APPROVALS + " approvals");
		}
		Wire.Fields out = new Wire.Fields().bytes(body).u8(approvals.size());
		approvals.stream()
			.sorted(SIGNER_ORDER)
			.forEach((approval) -> out.text(approval.signerId().toString()).bytes(approval.raw()));
		return out.toBytes();
	}

	static byte[] head(byte[] body) {
		return Fingerprint.sha256(new Wire.Fields().text(HEAD_LABEL).toBytes(), body);
	}

	static byte[] approvalMessage(byte[] body) {
		return new Wire.Fields().text(APPROVAL_LABEL).bytes(body).toBytes();
	}

	static Body parseDraft(byte[] bytes) throws CryptoException {
		Wire.Reader in = reader(bytes, "Key-book draft");
		Body body = body(in, bytes, "Key-book draft");
		end(in, "Key-book draft");
		return body;
	}

	static Entry parseEntry(byte[] bytes) throws CryptoException {
		Wire.Reader in = reader(bytes, "Key-book entry");
		Body body = body(in, bytes, "Key-book entry");
		try {
			int count = in.u8();
			if (count == 0 || count > KeyBook.MAX_APPROVALS) {
				throw malformed("Key-book entry carries no approvals or too many");
			}
			List<KeyBookApproval> approvals = new ArrayList<>(count);
			String last = "";
			for (int i = 0; i < count; i++) {
				String signer = in.text(36);
				if (signer.compareTo(last) < 0) {
					throw malformed("Key-book entry lists its approvals out of order");
				}
				last = signer;
				approvals.add(KeyBookApproval.ofOwned(uuid(signer, "signer"), in.bytes(Ed25519.SIGNATURE_LENGTH)));
			}
			end(in, "Key-book entry");
			return new Entry(body, List.copyOf(approvals));
		}
		catch (CryptoException ex) {
			throw asMalformed(ex);
		}
	}

	private static Wire.Reader reader(byte[] bytes, String what) throws CryptoException {
		if (bytes == null || bytes.length > MAX_ENTRY_LENGTH) {
			throw malformed(what + " is missing or too long");
		}
		try {
			Wire.checkHeader(bytes, Wire.SUITE_KEY_BOOK_ENTRY, what);
		}
		catch (CryptoException ex) {
			throw asMalformed(ex);
		}
		return new Wire.Reader(bytes, 2, what);
	}

	private static Body body(Wire.Reader in, byte[] bytes, String what) throws CryptoException {
		try {
			UUID organisation = uuid(in.text(36), "organisation");
			String hotlineText = in.text(36);
			Optional<UUID> hotline = hotlineText.isEmpty() ? Optional.empty()
					: Optional.of(uuid(hotlineText, "hotline"));
			long sequence = in.u32();
			byte[] previous = in.bytes(KeyBookHead.HASH_LENGTH);
			KeyBookChange change = switch (in.u8()) {
				case 1 -> new KeyBookChange.Genesis(member(in));
				case 2 -> new KeyBookChange.RecipientAdded(member(in));
				case 3 -> new KeyBookChange.RecipientRemoved(uuid(in.text(36), "recipient"));
				case 4 -> threshold(in.u8());
				case 5 -> new KeyBookChange.HotlinePinned(uuid(in.text(36), "hotline"),
						KeyBookHead.ofOwned(in.u32(), in.bytes(KeyBookHead.HASH_LENGTH)));
				case 6 -> new KeyBookChange.HotlineUnpinned(uuid(in.text(36), "hotline"));
				default -> throw malformed(what + " has an unknown type");
			};
			byte[] body = java.util.Arrays.copyOf(bytes, in.position());
			return new Body(body, organisation, hotline, sequence, previous, change);
		}
		catch (CryptoException ex) {
			throw asMalformed(ex);
		}
	}

	private static KeyBookChange threshold(int value) throws CryptoException {
		if (value > KeyBook.MAX_APPROVALS) {
			throw malformed("Key-book entry sets a threshold out of bounds");
		}
		return new KeyBookChange.ThresholdChanged(value);
	}

	private static KeyBookMember member(Wire.Reader in) throws CryptoException {
		UUID recipient = uuid(in.text(36), "recipient");
		int roleCode = in.u8();
		String name = in.text(256);
		String hotlineText = in.text(36);
		RecipientPublicKey encryption = RecipientPublicKey.fromBytes(in.bytes(32));
		SigningPublicKey signing = SigningPublicKey.fromBytes(in.bytes(Ed25519.KEY_LENGTH));
		RecipientRole role = switch (roleCode) {
			case 1 -> RecipientRole.ADVISER;
			case 2 -> RecipientRole.HOTLINE;
			default -> throw malformed("Key-book entry names an unknown role");
		};
		Optional<UUID> hotline = hotlineText.isEmpty() ? Optional.empty() : Optional.of(uuid(hotlineText, "hotline"));
		try {
			return new KeyBookMember(recipient, role, name, hotline, new RecipientPublicKeys(encryption, signing));
		}
		catch (IllegalArgumentException ex) {
			throw malformed("Key-book entry has an invalid member: " + ex.getMessage());
		}
	}

	private static UUID uuid(String text, String what) throws CryptoException {
		if (!CANONICAL_UUID.matcher(text).matches()) {
			throw malformed("Key-book entry has a " + what + " id that is not a lower-case UUID");
		}
		return UUID.fromString(text);
	}

	private static void end(Wire.Reader in, String what) throws CryptoException {
		try {
			in.end();
		}
		catch (CryptoException ex) {
			throw malformed(what + " has trailing bytes");
		}
	}

	static CryptoException malformed(String message) {
		return new CryptoException(KeyBookRefusal.MALFORMED, message);
	}

	private static CryptoException asMalformed(CryptoException ex) {
		return ex.refusal().isPresent() ? ex : malformed(ex.getMessage());
	}

}

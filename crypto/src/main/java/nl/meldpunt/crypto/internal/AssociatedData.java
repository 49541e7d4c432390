package nl.meldpunt.crypto.internal;

import nl.meldpunt.crypto.AttachmentBinding;
import nl.meldpunt.crypto.EnvelopeBinding;
import nl.meldpunt.crypto.ItemBinding;
import nl.meldpunt.crypto.ItemKind;

/** The associated data of items and chunks and the HPKE info of key envelopes. */
public final class AssociatedData {

	/** The fixed purpose label of a key envelope, part of its HPKE info. */
	public static final String CASE_KEY_PURPOSE = "case-key";

	private static final byte[] ITEM_HEADER = { Wire.VERSION, Wire.SUITE_ITEM };

	private static final byte[] ENVELOPE_HEADER = { Wire.VERSION, Wire.SUITE_ENVELOPE };

	private AssociatedData() {
	}

	public static byte[] itemHeader() {
		return ITEM_HEADER.clone();
	}

	public static byte[] envelopeHeader() {
		return ENVELOPE_HEADER.clone();
	}

	/** {@code 01 01 | lp(meldpunt/v1) | lp(org) | lp(case) | lp(item) | lp(kind)}. */
	public static byte[] item(ItemBinding binding) {
		return item(binding.organisationId().toString(), binding.caseId().toString(), binding.itemId().toString(),
				binding.kind())
			.toBytes();
	}

	/** As {@link #item} with kind ATTACHMENT_CHUNK, then {@code u32 index | u8 last}. */
	public static byte[] chunk(AttachmentBinding binding, int index, boolean last) {
		return item(binding.organisationId().toString(), binding.caseId().toString(), binding.attachmentId().toString(),
				ItemKind.ATTACHMENT_CHUNK)
			.u32(index)
			.u8(last ? 1 : 0)
			.toBytes();
	}

	private static Wire.Fields item(String organisation, String caseId, String itemId, ItemKind kind) {
		return new Wire.Fields().bytes(ITEM_HEADER)
			.text(Wire.LABEL)
			.text(organisation)
			.text(caseId)
			.text(itemId)
			.text(kind.name());
	}

	/** {@code lp(meldpunt/v1) | lp(purpose) | lp(org) | lp(case) | lp(recipient)}. */
	public static byte[] envelopeInfo(String purpose, EnvelopeBinding binding) {
		return new Wire.Fields().text(Wire.LABEL)
			.text(purpose)
			.text(binding.organisationId().toString())
			.text(binding.caseId().toString())
			.text(binding.recipientId())
			.toBytes();
	}

}

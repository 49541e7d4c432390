package nl.meldpunt.crypto.internal;

import nl.meldpunt.crypto.AttachmentBinding;
import nl.meldpunt.crypto.EnvelopeBinding;
import nl.meldpunt.crypto.ItemBinding;
import nl.meldpunt.crypto.ItemKind;
import nl.meldpunt.crypto.KeyPurpose;

/** The associated data of items and chunks and the HPKE info of key envelopes. */
public final class AssociatedData {

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
		return item(binding, KeyPurpose.CASE, 0);
	}

	/**
	 * As the v1 item AAD; for any key but the original case key (purpose CASE, epoch 0)
	 * followed by {@code lp(purpose label) | u32 epoch}.
	 */
	public static byte[] item(ItemBinding binding, KeyPurpose purpose, int epoch) {
		return keyed(item(binding.organisationId().toString(), binding.caseId().toString(), binding.itemId().toString(),
				binding.kind()), purpose, epoch)
			.toBytes();
	}

	/** As {@link #item} with kind ATTACHMENT_CHUNK, then {@code u32 index | u8 last}. */
	public static byte[] chunk(AttachmentBinding binding, int index, boolean last) {
		return chunk(binding, index, last, KeyPurpose.CASE, 0);
	}

	/**
	 * As {@link #chunk(AttachmentBinding, int, boolean)}, with purpose and epoch as in
	 * {@link #item(ItemBinding, KeyPurpose, int)}.
	 */
	public static byte[] chunk(AttachmentBinding binding, int index, boolean last, KeyPurpose purpose, int epoch) {
		return keyed(
				item(binding.organisationId().toString(), binding.caseId().toString(),
						binding.attachmentId().toString(), ItemKind.ATTACHMENT_CHUNK)
					.u32(index)
					.u8(last ? 1 : 0),
				purpose, epoch)
			.toBytes();
	}

	private static Wire.Fields keyed(Wire.Fields fields, KeyPurpose purpose, int epoch) {
		return (purpose == KeyPurpose.CASE && epoch == 0) ? fields : fields.text(purpose.label()).u32(epoch);
	}

	private static Wire.Fields item(String organisation, String caseId, String itemId, ItemKind kind) {
		return new Wire.Fields().bytes(ITEM_HEADER)
			.text(Wire.LABEL)
			.text(organisation)
			.text(caseId)
			.text(itemId)
			.text(kind.name());
	}

	/**
	 * {@code lp(meldpunt/v1) | lp(purpose) | lp(org) | lp(case) | lp(recipient)}, then
	 * {@code u32 epoch} unless the binding is the original case key's.
	 */
	public static byte[] envelopeInfo(String purpose, EnvelopeBinding binding) {
		Wire.Fields info = new Wire.Fields().text(Wire.LABEL)
			.text(purpose)
			.text(binding.organisationId().toString())
			.text(binding.caseId().toString())
			.text(binding.recipientId());
		return binding.isOriginal() ? info.toBytes() : info.u32(binding.epoch()).toBytes();
	}

	/** The HPKE info of {@code binding}, with its own purpose label. */
	public static byte[] envelopeInfo(EnvelopeBinding binding) {
		return envelopeInfo(binding.purpose().label(), binding);
	}

}

package nl.meldpunt.crypto;

import java.util.UUID;

/** Fixed bindings shared by the tests. */
final class TestBindings {

	static final UUID ORGANISATION = UUID.fromString("0b6f1c8e-3f5c-4d2a-9a51-1d2e3f405060");

	static final UUID CASE = UUID.fromString("5a7c9e1b-2d4f-4a6b-8c0d-e1f203142536");

	static final UUID ITEM = UUID.fromString("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");

	static final UUID ADVISER = UUID.fromString("c3d2e1f0-a9b8-4c7d-8e6f-504132231405");

	private TestBindings() {
	}

	static ItemBinding report() {
		return new ItemBinding(ORGANISATION, CASE, ITEM, ItemKind.REPORT);
	}

	static AttachmentBinding attachment() {
		return new AttachmentBinding(ORGANISATION, CASE, ITEM);
	}

	static EnvelopeBinding adviser() {
		return EnvelopeBinding.forRecipient(ORGANISATION, CASE, ADVISER);
	}

	static EnvelopeBinding reporter() {
		return EnvelopeBinding.forReporter(ORGANISATION, CASE);
	}

}

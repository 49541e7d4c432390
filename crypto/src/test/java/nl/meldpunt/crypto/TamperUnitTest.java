package nl.meldpunt.crypto;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.meldpunt.crypto.internal.AssociatedData;
import nl.meldpunt.crypto.internal.Hpke;
import nl.meldpunt.crypto.internal.Wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Any changed byte, any other binding, any other key: opening fails with CryptoException.
 */
class TamperUnitTest {

	private static final byte[] TEXT = "Er is iets gebeurd op de afdeling".getBytes(StandardCharsets.UTF_8);

	private final CaseKey caseKey = CaseKey.generate();

	private final RecipientPrivateKey adviser = RecipientPrivateKey.generate();

	@Test
	void openItemWhenAnySingleByteFlippedThenFails() throws Exception {
		byte[] bytes = this.caseKey.seal(TEXT, TestBindings.report()).toBytes();
		for (int i = 0; i < bytes.length; i++) {
			for (int mask : new int[] { 0x01, 0x80, 0xFF }) {
				byte[] tampered = bytes.clone();
				tampered[i] ^= (byte) mask;
				assertThatExceptionOfType(CryptoException.class).as("byte %d", i)
					.isThrownBy(() -> this.caseKey.open(SealedItem.parse(tampered), TestBindings.report()));
			}
		}
		assertThat(this.caseKey.open(SealedItem.parse(bytes), TestBindings.report())).isEqualTo(TEXT);
	}

	@Test
	void openEnvelopeWhenAnySingleByteFlippedThenFails() throws Exception {
		byte[] bytes = this.adviser.publicKey().seal(this.caseKey, TestBindings.adviser()).toBytes();
		for (int i = 0; i < bytes.length; i++) {
			byte[] tampered = bytes.clone();
			tampered[i] ^= 0x01;
			assertThatExceptionOfType(CryptoException.class).as("byte %d", i)
				.isThrownBy(() -> this.adviser.open(KeyEnvelope.parse(tampered), TestBindings.adviser()));
		}
	}

	@Test
	void openWhenTruncatedToAnyLengthThenFails() throws Exception {
		byte[] item = this.caseKey.seal(TEXT, TestBindings.report()).toBytes();
		byte[] envelope = this.adviser.publicKey().seal(this.caseKey, TestBindings.adviser()).toBytes();
		for (int length = 0; length < item.length; length++) {
			byte[] cut = Arrays.copyOf(item, length);
			assertThatExceptionOfType(CryptoException.class)
				.isThrownBy(() -> this.caseKey.open(SealedItem.parse(cut), TestBindings.report()));
		}
		for (int length = 0; length < envelope.length; length++) {
			byte[] cut = Arrays.copyOf(envelope, length);
			assertThatExceptionOfType(CryptoException.class)
				.isThrownBy(() -> this.adviser.open(KeyEnvelope.parse(cut), TestBindings.adviser()));
		}
	}

	@Test
	void parseWhenOversizedThenFailsBeforeCopying() {
		byte[] huge = new byte[Wire.MAX_ITEM_LENGTH + 1];
		huge[0] = Wire.VERSION;
		huge[1] = Wire.SUITE_ITEM;
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> SealedItem.parse(huge))
			.withMessageContaining("too long");
		byte[] longEnvelope = new byte[Wire.ENVELOPE_LENGTH + 1];
		longEnvelope[0] = Wire.VERSION;
		longEnvelope[1] = Wire.SUITE_ENVELOPE;
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> KeyEnvelope.parse(longEnvelope));
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> SealedItem.parse(null));
	}

	@Test
	void openItemWhenAnyBindingFieldDiffersThenFails() throws Exception {
		ItemBinding right = TestBindings.report();
		SealedItem item = this.caseKey.seal(TEXT, right);
		List<ItemBinding> wrong = new ArrayList<>();
		wrong.add(new ItemBinding(UUID.randomUUID(), right.caseId(), right.itemId(), right.kind()));
		wrong.add(new ItemBinding(right.organisationId(), UUID.randomUUID(), right.itemId(), right.kind()));
		wrong.add(new ItemBinding(right.organisationId(), right.caseId(), UUID.randomUUID(), right.kind()));
		for (ItemKind kind : ItemKind.values()) {
			if (kind != right.kind() && kind != ItemKind.ATTACHMENT_CHUNK) {
				wrong.add(new ItemBinding(right.organisationId(), right.caseId(), right.itemId(), kind));
			}
		}
		for (ItemBinding binding : wrong) {
			assertThatExceptionOfType(CryptoException.class).as("%s", binding)
				.isThrownBy(() -> this.caseKey.open(item, binding));
		}
		// three ids, and every other kind an item can have (nine kinds, less the report
		// and the chunk)
		assertThat(wrong).hasSize(3 + ItemKind.values().length - 2).hasSize(10);
	}

	@Test
	void openItemWhenAnyAssociatedDataByteFlippedThenFails() {
		byte[] aad = AssociatedData.item(TestBindings.report());
		SealedItem item = this.caseKey.seal(TEXT, TestBindings.report());
		for (int i = 0; i < aad.length; i++) {
			byte[] tampered = aad.clone();
			tampered[i] ^= 0x01;
			assertThatExceptionOfType(CryptoException.class).as("aad byte %d", i)
				.isThrownBy(() -> nl.meldpunt.crypto.internal.AesGcm.open(this.caseKey.keyBytes(), item.nonce(),
						tampered, item.raw(), 14, item.raw().length - 14));
		}
	}

	@Test
	void openEnvelopeWhenWrongRecipientCaseOrganisationThenFails() {
		KeyEnvelope envelope = this.adviser.publicKey().seal(this.caseKey, TestBindings.adviser());
		EnvelopeBinding right = TestBindings.adviser();

		assertThatExceptionOfType(CryptoException.class)
			.isThrownBy(() -> RecipientPrivateKey.generate().open(envelope, right));
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> this.adviser.open(envelope,
				new EnvelopeBinding(UUID.randomUUID(), right.caseId(), right.recipientId())));
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> this.adviser.open(envelope,
				new EnvelopeBinding(right.organisationId(), UUID.randomUUID(), right.recipientId())));
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> this.adviser.open(envelope,
				EnvelopeBinding.forRecipient(right.organisationId(), right.caseId(), UUID.randomUUID())));
		assertThatExceptionOfType(CryptoException.class).isThrownBy(
				() -> this.adviser.open(envelope, EnvelopeBinding.forReporter(right.organisationId(), right.caseId())));
		assertThatNoException().isThrownBy(() -> this.adviser.open(envelope, right));
	}

	@Test
	void openEnvelopeWhenSealedForAnotherPurposeThenFails() {
		byte[] info = AssociatedData.envelopeInfo("export", TestBindings.adviser());
		byte[] hpke = Hpke.seal(this.adviser.publicKey().toBytes(), info, AssociatedData.envelopeHeader(),
				new byte[32]);
		KeyEnvelope envelope = KeyEnvelope
			.wrap(new Wire.Fields().bytes(AssociatedData.envelopeHeader()).bytes(hpke).toBytes());

		assertThatExceptionOfType(CryptoException.class)
			.isThrownBy(() -> this.adviser.open(envelope, TestBindings.adviser()));
	}

	@Test
	void openAttachmentWhenChunksReorderedDroppedDuplicatedOrMovedThenFails() throws Exception {
		byte[] content = new byte[3 * 1024 * 1024 + 17];
		Arrays.fill(content, (byte) 7);
		List<SealedItem> chunks = this.caseKey.sealAttachment(content, TestBindings.attachment());
		AttachmentBinding binding = TestBindings.attachment();

		assertThat(chunks).hasSize(4);
		assertFails(List.of(chunks.get(1), chunks.get(0), chunks.get(2), chunks.get(3)), binding);
		assertFails(chunks.subList(0, 3), binding);
		assertFails(List.of(chunks.get(0), chunks.get(1), chunks.get(2), chunks.get(2), chunks.get(3)), binding);
		assertFails(List.of(chunks.get(0), chunks.get(1), chunks.get(3)), binding);
		assertFails(chunks, new AttachmentBinding(binding.organisationId(), binding.caseId(), UUID.randomUUID()));
		assertFails(List.of(), binding);
		assertThat(this.caseKey.openAttachment(chunks, binding)).isEqualTo(content);
	}

	@Test
	void openAttachmentWhenChunkCountTooLargeForOneArrayThenFailsBeforeReadingAnyChunk() throws Exception {
		SealedItem empty = this.caseKey.sealAttachment(new byte[0], TestBindings.attachment()).get(0);
		List<SealedItem> forged = new AbstractList<>() {

			@Override
			public SealedItem get(int index) {
				throw new AssertionError("chunk " + index + " was read before the count was checked");
			}

			@Override
			public int size() {
				return Wire.MAX_CHUNKS + 1;
			}

		};

		assertThat(Wire.MAX_CHUNKS * (long) Wire.CHUNK_SIZE).isLessThanOrEqualTo(Integer.MAX_VALUE - 8);
		assertThat((Wire.MAX_CHUNKS + 1) * (long) Wire.CHUNK_SIZE).isGreaterThan(Integer.MAX_VALUE);
		assertThatExceptionOfType(CryptoException.class)
			.isThrownBy(() -> this.caseKey.openAttachment(forged, TestBindings.attachment()))
			.withMessageContaining("too many");
		assertThat(this.caseKey.openAttachment(List.of(empty), TestBindings.attachment())).isEmpty();
	}

	@Test
	void openWhenChunkOpenedAsItemThenFails() {
		SealedItem chunk = this.caseKey.sealAttachment(TEXT, TestBindings.attachment()).get(0);

		assertThatExceptionOfType(CryptoException.class)
			.isThrownBy(() -> this.caseKey.open(chunk, TestBindings.attachment().meta()));
	}

	private void assertFails(List<SealedItem> chunks, AttachmentBinding binding) {
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> this.caseKey.openAttachment(chunks, binding));
	}

}

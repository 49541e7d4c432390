package nl.meldpunt.crypto;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RoundTripUnitTest {

	private static final byte[] TEXT = "Mijn leidinggevende maakte racistische opmerkingen"
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void openWhenSealedWithSameKeyAndBindingThenReturnsPlaintext() throws Exception {
		CaseKey key = CaseKey.generate();
		SealedItem item = key.seal(TEXT, TestBindings.report());

		assertThat(key.open(SealedItem.parse(item.toBytes()), TestBindings.report())).isEqualTo(TEXT);
		assertThat(item.length()).isEqualTo(TEXT.length + 30);
	}

	@Test
	void sealWhenCalledTwiceThenCiphertextsDiffer() {
		CaseKey key = CaseKey.generate();

		assertThat(key.seal(TEXT, TestBindings.report())).isNotEqualTo(key.seal(TEXT, TestBindings.report()));
	}

	@Test
	void openWhenOtherCaseKeyThenFails() {
		SealedItem item = CaseKey.generate().seal(TEXT, TestBindings.report());

		assertThatExceptionOfType(CryptoException.class)
			.isThrownBy(() -> CaseKey.generate().open(item, TestBindings.report()));
	}

	@Test
	void openCaseKeyWhenSealedToRecipientThenOpensItems() throws Exception {
		RecipientPrivateKey adviser = RecipientPrivateKey.generate();
		CaseKey key = CaseKey.generate();
		KeyEnvelope envelope = adviser.publicKey().seal(key, TestBindings.adviser());

		CaseKey opened = adviser.open(KeyEnvelope.parse(envelope.toBytes()), TestBindings.adviser());

		assertThat(opened.open(key.seal(TEXT, TestBindings.report()), TestBindings.report())).isEqualTo(TEXT);
		assertThat(envelope.toBytes()).hasSize(82);
	}

	@Test
	void openAttachmentWhenSealedInChunksThenReturnsContent() throws Exception {
		CaseKey key = CaseKey.generate();
		byte[] content = new byte[2 * 1024 * 1024 + 5];
		content[content.length - 1] = 42;

		List<SealedItem> chunks = key.sealAttachment(content, TestBindings.attachment());

		assertThat(chunks).hasSize(3);
		assertThat(key.openAttachment(chunks, TestBindings.attachment())).isEqualTo(content);
	}

	@Test
	void openAttachmentWhenEmptyThenOneEmptyChunk() throws Exception {
		CaseKey key = CaseKey.generate();

		List<SealedItem> chunks = key.sealAttachment(new byte[0], TestBindings.attachment());

		assertThat(chunks).hasSize(1);
		assertThat(key.openAttachment(chunks, TestBindings.attachment())).isEmpty();
	}

}

package nl.meldpunt.crypto.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.meldpunt.crypto.AttachmentBinding;
import nl.meldpunt.crypto.CaseKey;
import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.EnvelopeBinding;
import nl.meldpunt.crypto.Mutator;
import nl.meldpunt.crypto.RecipientPrivateKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI's file parser under seeded mutation: only CryptoException, and nothing mutated
 * opens.
 */
class SealedFileFuzzUnitTest {

	@Test
	void readAndOpenWhenMutatedThenOnlyCryptoException() throws Exception {
		RecipientPrivateKey recipient = RecipientPrivateKey.generate();
		EnvelopeBinding binding = EnvelopeBinding.forReporter(UUID.randomUUID(), UUID.randomUUID());
		UUID attachmentId = UUID.randomUUID();
		CaseKey caseKey = CaseKey.generate();
		SealedFile file = new SealedFile(binding, attachmentId, recipient.publicKey().seal(caseKey, binding),
				caseKey.sealAttachment(new byte[2000],
						new AttachmentBinding(binding.organisationId(), binding.caseId(), attachmentId)));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		file.write(out);
		byte[] seed = out.toByteArray();
		Mutator mutator = new Mutator(7L);
		int checked = 0;
		for (int i = 0; i < 5_000; i++) {
			byte[] input = mutator.mutate(seed);
			if (Arrays.equals(input, seed)) {
				continue;
			}
			try {
				SealedFile read = SealedFile.read(new ByteArrayInputStream(input));
				recipient.open(read.envelope(), read.envelopeBinding())
					.openAttachment(read.chunks(), read.attachmentBinding());
				throw new AssertionError("a mutated file opened");
			}
			catch (CryptoException expected) {
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(4_500);
		SealedFile read = SealedFile.read(new ByteArrayInputStream(seed));
		assertThat(recipient.open(read.envelope(), read.envelopeBinding())
			.openAttachment(read.chunks(), read.attachmentBinding())).hasSize(2000);
	}

}

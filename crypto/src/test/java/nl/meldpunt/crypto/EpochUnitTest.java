package nl.meldpunt.crypto;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Case-key epochs and the staff key: an envelope or item of one epoch or purpose never
 * opens as another, a removed recipient's old key opens nothing written after re-keying,
 * the reporter never gets the staff key, and v1 values keep their bytes.
 */
class EpochUnitTest {

	private static final byte[] TEXT = "Na het gesprek".getBytes(StandardCharsets.UTF_8);

	private final UUID organisation = UUID.randomUUID();

	private final UUID caseId = UUID.randomUUID();

	private final UUID adviserId = UUID.randomUUID();

	private final RecipientPrivateKey adviser = RecipientPrivateKey.generate();

	@Test
	void openWhenEnvelopeOfOneEpochOrPurposeThenNeverOpensAsAnother() throws Exception {
		CaseKey epoch1 = CaseKey.generate(KeyPurpose.CASE, 1);
		KeyEnvelope envelope = this.adviser.publicKey()
			.seal(epoch1, EnvelopeBinding.forRecipient(this.organisation, this.caseId, this.adviserId, 1));

		for (EnvelopeBinding wrong : List.of(
				EnvelopeBinding.forRecipient(this.organisation, this.caseId, this.adviserId),
				EnvelopeBinding.forRecipient(this.organisation, this.caseId, this.adviserId, 2),
				EnvelopeBinding.forStaff(this.organisation, this.caseId, this.adviserId, 1))) {
			assertThatExceptionOfType(CryptoException.class).as("%s", wrong)
				.isThrownBy(() -> this.adviser.open(envelope, wrong));
		}
		CaseKey opened = this.adviser.open(envelope,
				EnvelopeBinding.forRecipient(this.organisation, this.caseId, this.adviserId, 1));
		assertThat(opened.epoch()).isEqualTo(1);
		assertThat(opened.purpose()).isEqualTo(KeyPurpose.CASE);
	}

	@Test
	void openWhenItemOfEpochOneThenOnlyTheEpochOneKeyWithItsBindingOpensIt() throws Exception {
		CaseKey original = CaseKey.generate();
		CaseKey epoch1 = CaseKey.generate(KeyPurpose.CASE, 1);
		ItemBinding binding = new ItemBinding(this.organisation, this.caseId, UUID.randomUUID(), ItemKind.MESSAGE);
		SealedItem item = epoch1.seal(TEXT, binding);

		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> original.open(item, binding));
		assertThat(epoch1.open(item, binding)).isEqualTo(TEXT);
		// the same raw key under another epoch label: the associated data differs
		KeyEnvelope relabelled = this.adviser.publicKey()
			.seal(epoch1, EnvelopeBinding.forRecipient(this.organisation, this.caseId, this.adviserId, 1));
		CaseKey asEpoch1 = this.adviser.open(relabelled,
				EnvelopeBinding.forRecipient(this.organisation, this.caseId, this.adviserId, 1));
		assertThat(asEpoch1.open(item, binding)).isEqualTo(TEXT);
		CaseKey sameBytesEpoch2 = CaseKey.ofOpenedBytes(epoch1.keyBytes().clone(), KeyPurpose.CASE, 2);
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> sameBytesEpoch2.open(item, binding));
		CaseKey sameBytesOriginal = CaseKey.ofOpenedBytes(epoch1.keyBytes().clone(), KeyPurpose.CASE, 0);
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> sameBytesOriginal.open(item, binding));
	}

	@Test
	void reKeyWhenRecipientRemovedThenItsOldKeyOpensNothingWrittenAfter() throws Exception {
		RecipientPrivateKey removed = RecipientPrivateKey.generate();
		UUID removedId = UUID.randomUUID();
		CaseKey original = CaseKey.generate();
		KeyEnvelope removedEnvelope = removed.publicKey()
			.seal(original, EnvelopeBinding.forRecipient(this.organisation, this.caseId, removedId));
		CaseKey next = CaseKey.generate(KeyPurpose.CASE, 1);
		KeyEnvelope remaining = this.adviser.publicKey()
			.seal(next, EnvelopeBinding.forRecipient(this.organisation, this.caseId, this.adviserId, 1));
		ItemBinding after = new ItemBinding(this.organisation, this.caseId, UUID.randomUUID(), ItemKind.MESSAGE);
		SealedItem written = next.seal(TEXT, after);

		CaseKey stolen = removed.open(removedEnvelope,
				EnvelopeBinding.forRecipient(this.organisation, this.caseId, removedId));
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> stolen.open(written, after));
		assertThat(this.adviser
			.open(remaining, EnvelopeBinding.forRecipient(this.organisation, this.caseId, this.adviserId, 1))
			.open(written, after)).isEqualTo(TEXT);
	}

	@Test
	void staffKeyWhenUsedThenNotesOnlyNeverTheReporterNeverTakenForTheCaseKey() throws Exception {
		CaseKey staff = CaseKey.generate(KeyPurpose.STAFF, 0);
		ItemBinding note = new ItemBinding(this.organisation, this.caseId, UUID.randomUUID(), ItemKind.NOTE);
		SealedItem sealed = staff.seal(TEXT, note);
		KeyEnvelope envelope = this.adviser.publicKey()
			.seal(staff, EnvelopeBinding.forStaff(this.organisation, this.caseId, this.adviserId, 0));

		assertThatIllegalArgumentException().isThrownBy(() -> staff.seal(TEXT,
				new ItemBinding(this.organisation, this.caseId, UUID.randomUUID(), ItemKind.MESSAGE)));
		assertThatIllegalArgumentException().isThrownBy(() -> staff.sealAttachment(TEXT,
				new AttachmentBinding(this.organisation, this.caseId, UUID.randomUUID())));
		assertThatIllegalArgumentException().isThrownBy(() -> new EnvelopeBinding(this.organisation, this.caseId,
				EnvelopeBinding.REPORTER, KeyPurpose.STAFF, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> this.adviser.publicKey()
			.seal(staff, EnvelopeBinding.forRecipient(this.organisation, this.caseId, this.adviserId)));
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> this.adviser.open(envelope,
				EnvelopeBinding.forRecipient(this.organisation, this.caseId, this.adviserId)));
		CaseKey opened = this.adviser.open(envelope,
				EnvelopeBinding.forStaff(this.organisation, this.caseId, this.adviserId, 0));
		assertThat(opened.open(sealed, note)).isEqualTo(TEXT);
		CaseKey sameBytesAsCaseKey = CaseKey.ofOpenedBytes(staff.keyBytes().clone(), KeyPurpose.CASE, 0);
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> sameBytesAsCaseKey.open(sealed, note));
	}

	@Test
	void bindingWhenOriginalCaseKeyThenV1BytesUnchanged() {
		EnvelopeBinding v1 = new EnvelopeBinding(this.organisation, this.caseId, this.adviserId.toString());
		assertThat(v1).isEqualTo(EnvelopeBinding.forRecipient(this.organisation, this.caseId, this.adviserId, 0));
		assertThat(v1.isOriginal()).isTrue();
		assertThat(nl.meldpunt.crypto.internal.AssociatedData.envelopeInfo(v1))
			.isEqualTo(nl.meldpunt.crypto.internal.AssociatedData.envelopeInfo("case-key", v1));
		assertThat(nl.meldpunt.crypto.internal.AssociatedData
			.envelopeInfo(EnvelopeBinding.forRecipient(this.organisation, this.caseId, this.adviserId, 1)))
			.hasSize(nl.meldpunt.crypto.internal.AssociatedData.envelopeInfo(v1).length + 4);
		assertThatIllegalArgumentException().isThrownBy(() -> CaseKey.generate(KeyPurpose.CASE, -1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EnvelopeBinding.forRecipient(this.organisation, this.caseId, this.adviserId, 1_000_001));
	}

}

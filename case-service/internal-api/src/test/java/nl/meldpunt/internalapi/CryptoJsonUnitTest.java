package nl.meldpunt.internalapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import nl.meldpunt.crypto.CaseKey;
import nl.meldpunt.crypto.EnvelopeBinding;
import nl.meldpunt.crypto.ItemBinding;
import nl.meldpunt.crypto.ItemKind;
import nl.meldpunt.crypto.KeyEnvelope;
import nl.meldpunt.crypto.RecipientPrivateKey;
import nl.meldpunt.crypto.RecipientPublicKey;
import nl.meldpunt.crypto.ReporterToken;
import nl.meldpunt.crypto.SealedItem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CryptoJsonUnitTest {

	static final ObjectMapper JSON = new ObjectMapper().registerModule(CryptoJson.module()).findAndRegisterModules();

	static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	final UUID organisation = UUID.randomUUID();

	final UUID caseId = UUID.randomUUID();

	final CaseKey caseKey = CaseKey.generate();

	@Test
	void filingWhenReadThenEveryValueIsTheCryptoTypeAndWritesBackTheSame() throws Exception {
		Map<String, Object> filing = filing();
		FilingRequest read = JSON.convertValue(filing, FilingRequest.class);
		assertThat(read.report().ciphertext()).isInstanceOf(SealedItem.class);
		assertThat(read.keyEnvelopes().get(0).envelope()).isInstanceOf(KeyEnvelope.class);
		assertThat(read.reporterPublicKey()).isInstanceOf(RecipientPublicKey.class);
		assertThat(read.mailboxCredential().toBytes()).hasSize(32);
		assertThat(JSON.readTree(JSON.writeValueAsString(read))).isEqualTo(JSON.valueToTree(filing));
		assertThat(VALIDATOR.validate(read)).isEmpty();
	}

	@Test
	void envelopeWhenNotParseableThenMalformedValueNamingTheField() {
		Map<String, Object> filing = filing();
		envelopes(filing).get(0).put("envelope", CryptoJson.encode(new byte[5]));
		assertThatThrownBy(() -> JSON.readValue(JSON.writeValueAsString(filing), FilingRequest.class))
			.isInstanceOfSatisfying(MalformedValue.class, (malformed) -> {
				assertThat(malformed.reason()).isEqualTo(MalformedValue.Reason.NOT_PARSEABLE);
				assertThat(malformed.field()).isEqualTo("keyEnvelopes[0].envelope");
				assertThat(malformed.getMessage()).doesNotContain("AAAAAA");
			});
	}

	@Test
	void valueWhenNotBase64UrlOrPaddedThenMalformedValueOfThatReason() {
		for (String text : List.of("not base64!", "+/+/", CryptoJson.encode(new byte[32]) + "=")) {
			Map<String, Object> filing = filing();
			filing.put("mailboxCredential", text);
			assertThatThrownBy(() -> JSON.readValue(JSON.writeValueAsString(filing), FilingRequest.class))
				.isInstanceOfSatisfying(MalformedValue.class, (malformed) -> {
					assertThat(malformed.reason()).isEqualTo(MalformedValue.Reason.NOT_BASE64URL);
					assertThat(malformed.field()).isEqualTo("mailboxCredential");
				});
		}
	}

	@Test
	void valueWhenEmptyThenAbsentAndRefusedByValidation() throws Exception {
		Map<String, Object> filing = filing();
		filing.put("reporterPublicKey", "");
		FilingRequest read = JSON.readValue(JSON.writeValueAsString(filing), FilingRequest.class);
		assertThat(fields(VALIDATOR.validate(read))).containsExactly("reporterPublicKey");
	}

	@Test
	void limitsWhenExceededThenRefusedByValidation() throws Exception {
		Map<String, Object> filing = filing();
		List<String> excluded = new ArrayList<>();
		for (int i = 0; i <= Limits.MAX_EXCLUDED_ADVISERS; i++) {
			excluded.add(UUID.randomUUID().toString());
		}
		filing.put("excludedAdviserIds", excluded);
		List<Map<String, Object>> envelopes = envelopes(filing);
		while (envelopes.size() <= Limits.MAX_KEY_ENVELOPES) {
			envelopes.add(new HashMap<>(envelopes.get(0)));
		}
		FilingRequest read = JSON.readValue(JSON.writeValueAsString(filing), FilingRequest.class);
		assertThat(fields(VALIDATOR.validate(read))).containsExactlyInAnyOrder("excludedAdviserIds", "keyEnvelopes");
		filing.put("route", "HOTLINE");
		filing.remove("excludedAdviserIds");
		envelopes.subList(1, envelopes.size()).clear();
		read = JSON.readValue(JSON.writeValueAsString(filing), FilingRequest.class);
		assertThat(fields(VALIDATOR.validate(read))).containsExactly("hotlineChosen");
	}

	@Test
	void attachmentWhenMetaTooLargeThenRefusedByValidation() {
		SealedItem big = this.caseKey.seal(new byte[Limits.MAX_META_BYTES],
				new ItemBinding(this.organisation, this.caseId, UUID.randomUUID(), ItemKind.ATTACHMENT_META));
		assertThat(fields(VALIDATOR.validate(new NewAttachment(UUID.randomUUID(), big, 1, 10L))))
			.containsExactly("metaCiphertextSmall");
		assertThat(fields(VALIDATOR.validate(new NewAttachment(UUID.randomUUID(), big, Limits.MAX_CHUNKS + 1, 10L))))
			.contains("chunkCount");
	}

	private Map<String, Object> filing() {
		UUID itemId = UUID.randomUUID();
		Map<String, Object> filing = new HashMap<>();
		filing.put("caseId", this.caseId.toString());
		filing.put("route", "ADVISERS");
		filing.put("mailboxCredential", CryptoJson.encode(ReporterToken.generate().mailboxCredential().toBytes()));
		filing.put("reporterPublicKey", CryptoJson.encode(RecipientPrivateKey.generate().publicKey().toBytes()));
		filing
			.put("report",
					Map.of("itemId", itemId.toString(), "ciphertext",
							CryptoJson.encode(
									this.caseKey
										.seal(new byte[12],
												new ItemBinding(this.organisation, this.caseId, itemId,
														ItemKind.REPORT))
										.toBytes())));
		KeyEnvelope envelope = RecipientPrivateKey.generate()
			.publicKey()
			.seal(this.caseKey, EnvelopeBinding.forReporter(this.organisation, this.caseId));
		List<Map<String, Object>> envelopes = new ArrayList<>();
		envelopes.add(new HashMap<>(Map.of("recipientKind", "REPORTER", "recipientId", "reporter", "envelope",
				CryptoJson.encode(envelope.toBytes()))));
		filing.put("keyEnvelopes", envelopes);
		filing.put("language", "nl");
		return filing;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> envelopes(Map<String, Object> filing) {
		return (List<Map<String, Object>>) filing.get("keyEnvelopes");
	}

	private static List<String> fields(Set<? extends ConstraintViolation<?>> violations) {
		return violations.stream().map((v) -> v.getPropertyPath().toString().replaceAll("\\[\\d+]\\..*", "")).toList();
	}

}

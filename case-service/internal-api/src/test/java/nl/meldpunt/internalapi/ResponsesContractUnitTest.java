package nl.meldpunt.internalapi;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import nl.meldpunt.crypto.CaseKey;
import nl.meldpunt.crypto.EnvelopeBinding;
import nl.meldpunt.crypto.ItemBinding;
import nl.meldpunt.crypto.ItemKind;
import nl.meldpunt.crypto.KeyEnvelope;
import nl.meldpunt.crypto.RecipientPrivateKey;
import nl.meldpunt.crypto.SealedItem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The internal API's answers as both applications read and write them: every response
 * record survives a round trip through a {@link CryptoJson}-configured mapper, the
 * portal's mapper (which leaves out nulls by default) writes the same JSON as the case
 * service's, and a value the crypto module or the contract refuses fails to read.
 */
class ResponsesContractUnitTest {

	/** As the case service configures Jackson. */
	static final ObjectMapper CASE_SERVICE = new ObjectMapper().registerModule(CryptoJson.module())
		.findAndRegisterModules()
		.disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

	/** As the portal configures Jackson ({@code default-property-inclusion=non_null}). */
	static final ObjectMapper PORTAL = CASE_SERVICE.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);

	final UUID organisation = UUID.randomUUID();

	final UUID caseId = UUID.randomUUID();

	final CaseKey caseKey = CaseKey.generate();

	@Test
	void mailboxViewWhenWrittenAndReadThenEqualAndTheSameJsonOnBothSides() throws Exception {
		MailboxView view = mailbox();
		String written = CASE_SERVICE.writeValueAsString(view);
		MailboxView read = PORTAL.readValue(written, MailboxView.class);
		assertThat(read).isEqualTo(view);
		assertThat(read.items().get(0).ciphertext()).isInstanceOf(SealedItem.class);
		assertThat(read.reporterKeys().get(0).envelope()).isInstanceOf(KeyEnvelope.class);
		// the portal gives the browser exactly what the case service wrote, nulls
		// included
		assertThat(PORTAL.readTree(PORTAL.writeValueAsString(read))).isEqualTo(CASE_SERVICE.readTree(written));
		JsonNode json = CASE_SERVICE.readTree(written);
		assertThat(json.get("items").get(0).get("ciphertext").asText())
			.isEqualTo(CryptoJson.encode(view.items().get(0).ciphertext().toBytes()));
		assertThat(json.get("reporterKeyEnvelope").asText()).doesNotContain("=");
		assertThat(json.get("receivedOn").asText()).isEqualTo("2026-11-02");
		assertThat(json.get("proposals").get(1).has("decision")).isTrue();
		assertThat(json.get("proposals").get(1).get("decision").isNull()).isTrue();
		assertThat(json.get("feedbackBy").isNull()).isTrue();
		assertThat(json.get("state").asText()).isEqualTo("WAITING_FOR_REPORTER");
	}

	@Test
	void writtenWithdrawalAnnouncedAttachmentAndFiledWhenWrittenAndReadThenEqual() throws Exception {
		Written written = new Written(UUID.randomUUID(), LocalDate.of(2026, 11, 26));
		Withdrawal withdrawal = new Withdrawal(MailboxView.State.WITHDRAWN);
		AnnouncedAttachment announced = new AnnouncedAttachment(UUID.randomUUID());
		Filed filed = new Filed(UUID.randomUUID(), MailboxView.State.RECEIVED, LocalDate.of(2026, 11, 26),
				LocalDate.of(2026, 12, 3));
		assertThat(PORTAL.readValue(CASE_SERVICE.writeValueAsString(filed), Filed.class)).isEqualTo(filed);
		assertThat(PORTAL.readValue(CASE_SERVICE.writeValueAsString(written), Written.class)).isEqualTo(written);
		assertThat(PORTAL.readValue(CASE_SERVICE.writeValueAsString(withdrawal), Withdrawal.class))
			.isEqualTo(withdrawal);
		assertThat(PORTAL.readValue(CASE_SERVICE.writeValueAsString(announced), AnnouncedAttachment.class))
			.isEqualTo(announced);
		assertThat(CASE_SERVICE.readTree(CASE_SERVICE.writeValueAsString(written)).get("createdOn").asText())
			.isEqualTo("2026-11-26");
		assertThat(CASE_SERVICE.writeValueAsString(withdrawal)).isEqualTo("{\"state\":\"WITHDRAWN\"}");
	}

	@Test
	void mailboxViewWhenACiphertextIsNoSealedItemThenMalformedValueNamingTheField() throws Exception {
		ObjectNode json = (ObjectNode) CASE_SERVICE.valueToTree(mailbox());
		((ObjectNode) json.get("items").get(0)).put("ciphertext", CryptoJson.encode(new byte[40]));
		assertThatThrownBy(() -> PORTAL.treeToValue(json, MailboxView.class))
			.isInstanceOfSatisfying(MalformedValue.class, (malformed) -> {
				assertThat(malformed.reason()).isEqualTo(MalformedValue.Reason.NOT_PARSEABLE);
				assertThat(malformed.type()).isEqualTo(SealedItem.class);
				assertThat(malformed.field()).isEqualTo("items[0].ciphertext");
			});
	}

	@Test
	void mailboxViewWhenAnEnvelopeIsNotBase64UrlThenMalformedValueNamingTheField() throws Exception {
		ObjectNode json = (ObjectNode) CASE_SERVICE.valueToTree(mailbox());
		((ObjectNode) json.get("reporterKeys").get(0)).put("envelope", "not base64!");
		assertThatThrownBy(() -> PORTAL.treeToValue(json, MailboxView.class))
			.isInstanceOfSatisfying(MalformedValue.class, (malformed) -> {
				assertThat(malformed.reason()).isEqualTo(MalformedValue.Reason.NOT_BASE64URL);
				assertThat(malformed.field()).isEqualTo("reporterKeys[0].envelope");
			});
	}

	@Test
	void answersWhenAStateOrKindIsOutsideTheContractThenRefused() throws Exception {
		ObjectNode json = (ObjectNode) CASE_SERVICE.valueToTree(mailbox());
		json.put("state", "LOST");
		assertThatThrownBy(() -> PORTAL.treeToValue(json, MailboxView.class))
			.isInstanceOf(InvalidFormatException.class);
		ObjectNode item = (ObjectNode) CASE_SERVICE.valueToTree(mailbox());
		((ObjectNode) item.get("items").get(0)).put("author", "ADMIN");
		assertThatThrownBy(() -> PORTAL.treeToValue(item, MailboxView.class))
			.isInstanceOf(InvalidFormatException.class);
		assertThatThrownBy(() -> PORTAL.readValue("{\"state\":\"GONE\"}", Withdrawal.class))
			.isInstanceOf(InvalidFormatException.class);
	}

	private MailboxView mailbox() {
		KeyEnvelope envelope = RecipientPrivateKey.generate()
			.publicKey()
			.seal(this.caseKey, EnvelopeBinding.forReporter(this.organisation, this.caseId));
		UUID report = UUID.randomUUID();
		UUID proposal = UUID.randomUUID();
		UUID minutes = UUID.randomUUID();
		UUID attachment = UUID.randomUUID();
		LocalDate on = LocalDate.of(2026, 11, 2);
		MailboxView.Hotline hotline = new MailboxView.Hotline(UUID.randomUUID(), "Huis voor Klokkenluiders", null);
		return new MailboxView(this.caseId, this.organisation, new MailboxView.Organisation("demo", "Gemeente Demo"),
				MailboxView.State.WAITING_FOR_REPORTER, true, on, on.plusDays(7), null, null, envelope,
				List.of(new MailboxView.Key(0, envelope)), 0,
				List.of(new MailboxView.Step(on, "FILED", MailboxView.State.RECEIVED),
						new MailboxView.Step(on, "ASK_REPORTER", MailboxView.State.WAITING_FOR_REPORTER)),
				List.of(item(report, ItemKind.REPORT, MailboxView.ItemKind.REPORT, MailboxView.Author.REPORTER),
						item(proposal, ItemKind.PROPOSAL, MailboxView.ItemKind.PROPOSAL, MailboxView.Author.ADVISER),
						item(minutes, ItemKind.MINUTES, MailboxView.ItemKind.MINUTES, MailboxView.Author.ADVISER)),
				List.of(new MailboxView.Attachment(attachment, seal(attachment, ItemKind.ATTACHMENT_META), 2, 1_500_000,
						MailboxView.Author.REPORTER, on, 0)),
				List.of(CryptoJson.encode(new byte[] { 1, 2, 3 })), List.of(),
				List.of(new MailboxView.Proposal(proposal, MailboxView.ProposalKind.REFERRAL,
						MailboxView.Event.REFER_EXTERNAL, hotline, on, NewDecision.Decision.AGREED, on),
						new MailboxView.Proposal(minutes, MailboxView.ProposalKind.MINUTES, null, null, on, null,
								null)));
	}

	private MailboxView.Item item(UUID itemId, ItemKind kind, MailboxView.ItemKind viewKind,
			MailboxView.Author author) {
		return new MailboxView.Item(itemId, viewKind, author, LocalDate.of(2026, 11, 2), 0, seal(itemId, kind));
	}

	private SealedItem seal(UUID itemId, ItemKind kind) {
		return this.caseKey.seal("text".getBytes(), new ItemBinding(this.organisation, this.caseId, itemId, kind));
	}

}

package nl.meldpunt.caseservice.workspace;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import nl.meldpunt.caseservice.ApiCalls;
import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.crypto.ItemKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

class WorkspaceApiIntegrationTest extends SignedInAdviser {

	@Test
	void inboxWhenCasesDueAtDifferentTimesThenOrderedByDeadlineWithFlags() throws Exception {
		UUID overdue = this.fixtures.caseRow(this.org, List.of(this.adviser), "RECEIVED", LocalDate.now().minusDays(9));
		UUID fresh = this.fixtures.caseRow(this.org, List.of(this.adviser), "RECEIVED", LocalDate.now());
		UUID soon = this.fixtures.caseRow(this.org, List.of(this.adviser), "RECEIVED", LocalDate.now().minusDays(5));
		JsonNode inbox = call(get("/api/cases"));
		assertThat(inbox.findValuesAsText("caseId")).containsExactly(overdue.toString(), soon.toString(),
				fresh.toString());
		assertThat(inbox.get(0).get("overdue").asBoolean()).isTrue();
		assertThat(inbox.get(1).get("dueSoon").asBoolean()).isTrue();
		assertThat(inbox.get(2).get("overdue").asBoolean()).isFalse();
		assertThat(inbox.get(2).get("dueSoon").asBoolean()).isFalse();
		assertThat(inbox.get(0).get("deadline").asText()).isEqualTo("ACKNOWLEDGE");
	}

	@Test
	void caseWhenOpenedThenEnvelopeItemsAndOnlyLegalEvents() throws Exception {
		UUID caseId = this.fixtures.caseRow(this.org, List.of(this.adviser), "RECEIVED", LocalDate.now());
		JsonNode detail = call(get("/api/cases/" + caseId));
		assertThat(detail.get("myKeyEnvelope").asText()).isNotEmpty();
		assertThat(detail.get("legalEvents").toString()).isEqualTo("[\"ACKNOWLEDGE\",\"WITHDRAW\",\"REASSIGN\"]");
		JsonNode moved = call(post("/api/cases/" + caseId + "/events").content("{\"event\":\"ACKNOWLEDGE\"}"));
		assertThat(moved.get("state").asText()).isEqualTo("ACKNOWLEDGED");
		assertThat(moved.get("legalEvents").toString()).contains("START_CONSULTATION").doesNotContain("CLOSE");
	}

	@Test
	void messagesAndNotesWhenWrittenThenNotesStayInternal() throws Exception {
		Filed filed = file();
		UUID caseId = filed.caseId();
		write(caseId, "MESSAGE", ItemKind.MESSAGE);
		UUID early = UUID.randomUUID();
		assertProblem(
				post("/api/cases/" + caseId + "/items")
					.content(this.json.writeValueAsString(Map.of("itemId", early.toString(), "kind", "NOTE",
							"ciphertext", Fixtures.sealedItem(this.org.id(), caseId, early, ItemKind.NOTE)))),
				409, "staff-key-required");
		staffKey(caseId, this.org.advisers());
		write(caseId, "NOTE", ItemKind.NOTE);
		assertThat(call(get("/api/cases/" + caseId)).get("items").findValuesAsText("kind")).containsExactly("REPORT",
				"MESSAGE", "NOTE");
		JsonNode mailbox = mailbox(filed.credential());
		assertThat(mailbox.get("items").findValuesAsText("kind")).containsExactly("REPORT", "MESSAGE");
	}

	@Test
	void refusalsWhenBadInputThenProblemDetailAndStateUnchanged() throws Exception {
		UUID caseId = this.fixtures.caseRow(this.org, List.of(this.adviser), "IN_CONSULTATION", LocalDate.now());
		assertProblem(post("/api/cases/" + caseId + "/events").content("{\"event\":\"ACKNOWLEDGE\"}"), 409,
				"illegal-transition");
		assertProblem(post("/api/cases/" + caseId + "/events").content("{\"event\":\"START_MEDIATION\"}"), 422,
				"consent-required");
		assertProblem(post("/api/cases/" + caseId + "/events").content("{\"event\":\"NO_SUCH_EVENT\"}"), 400,
				"invalid-request");
		assertProblem(post("/api/cases/" + caseId + "/events")
			.content("{\"event\":\"REASSIGN\",\"share\":{\"recipientKind\":\"ADVISER\",\"recipientId\":\""
					+ this.org.advisers().get(1) + "\",\"envelope\":\"AAAA\"}}"),
				400, "malformed-ciphertext");
		assertProblem(
				post("/api/cases/" + caseId + "/items").content(this.json.writeValueAsString(Map.of("itemId",
						UUID.randomUUID().toString(), "kind", "MESSAGE", "ciphertext", Fixtures.b64(new byte[10])))),
				400, "malformed-ciphertext");
		assertThat(this.jdbc.queryForObject("select state from case_file where id = ?", String.class, caseId))
			.isEqualTo("IN_CONSULTATION");
	}

	/**
	 * A recipient id that is no UUID once made a guard throw, which the machine took as
	 * an accepted step and stored a junk envelope: now it is refused and nothing is
	 * stored.
	 */
	@Test
	void reassignWhenRecipientIdMalformedThenRefusedAndNothingStored() throws Exception {
		UUID caseId = this.fixtures.caseRow(this.org, List.of(this.adviser), "ACKNOWLEDGED", LocalDate.now());
		assertProblem(
				post("/api/cases/" + caseId + "/events")
					.content(
							this.json.writeValueAsString(
									Map.of("event", "REASSIGN", "share",
											Map.of("recipientKind", "ADVISER", "recipientId", "not-an-id", "envelope",
													Fixtures.b64(Fixtures.sealedEnvelope()))))),
				400, "invalid-request");
		assertThat(
				this.jdbc.queryForObject("select count(*) from key_envelope where case_id = ?", Integer.class, caseId))
			.isEqualTo(2);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where case_id = ? and action = 'EVENT_REASSIGN'", Integer.class,
				caseId))
			.isZero();
	}

	@Test
	void reassignWhenSharedThenNewAdviserOpensIt() throws Exception {
		UUID caseId = this.fixtures.caseRow(this.org, List.of(this.adviser), "ACKNOWLEDGED", LocalDate.now());
		UUID other = this.org.advisers().get(1);
		call(post("/api/cases/" + caseId + "/events").content(
				this.json.writeValueAsString(Map.of("event", "REASSIGN", "share", Map.of("recipientKind", "ADVISER",
						"recipientId", other.toString(), "envelope", Fixtures.b64(Fixtures.sealedEnvelope()))))));
		MvcResult asOther = this.mvc.perform(as(other, get("/api/cases/" + caseId))).andReturn();
		assertThat(asOther.getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void attachmentWhenUploadedByAdviserThenChunkReadable() throws Exception {
		UUID caseId = this.fixtures.caseRow(this.org, List.of(this.adviser), "ACKNOWLEDGED", LocalDate.now());
		UUID attachmentId = UUID.randomUUID();
		call(post("/api/cases/" + caseId + "/attachments")
			.content(this.json.writeValueAsString(Map.of("attachmentId", attachmentId.toString(), "metaCiphertext",
					Fixtures.sealedItem(this.org.id(), caseId, attachmentId, ItemKind.ATTACHMENT_META), "chunkCount", 1,
					"totalBytes", 10))));
		byte[] chunk = nl.meldpunt.crypto.CaseKey.generate()
			.sealAttachment(new byte[10], new nl.meldpunt.crypto.AttachmentBinding(this.org.id(), caseId, attachmentId))
			.get(0)
			.toBytes();
		int status = this.mvc
			.perform(as(this.adviser, put("/api/cases/" + caseId + "/attachments/" + attachmentId + "/chunks/0"))
				.contentType(MediaType.APPLICATION_OCTET_STREAM)
				.content(chunk))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(204);
		byte[] read = this.mvc
			.perform(as(this.adviser, get("/api/cases/" + caseId + "/attachments/" + attachmentId + "/chunks/0")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(read).isEqualTo(chunk);
	}

	@Test
	void chunkWhenIndexOutsideTheAttachmentThen400LikeTheMailbox() throws Exception {
		UUID caseId = this.fixtures.caseRow(this.org, List.of(this.adviser), "ACKNOWLEDGED", LocalDate.now());
		UUID attachmentId = UUID.randomUUID();
		call(post("/api/cases/" + caseId + "/attachments")
			.content(this.json.writeValueAsString(Map.of("attachmentId", attachmentId.toString(), "metaCiphertext",
					Fixtures.sealedItem(this.org.id(), caseId, attachmentId, ItemKind.ATTACHMENT_META), "chunkCount", 2,
					"totalBytes", 10))));
		for (int n : new int[] { -1, 2 }) {
			assertProblem(get("/api/cases/" + caseId + "/attachments/" + attachmentId + "/chunks/" + n), 400,
					"invalid-request");
		}
		assertProblem(get("/api/cases/" + caseId + "/attachments/" + attachmentId + "/chunks/1"), 404, "unknown-chunk");
	}

	@Test
	void caseWhenClosedOrWithdrawnThenOpenFlagFalseAndMessagesRefused() throws Exception {
		UUID open = this.fixtures.caseRow(this.org, List.of(this.adviser), "IN_CONSULTATION", LocalDate.now());
		assertThat(call(get("/api/cases/" + open)).get("open").asBoolean()).isTrue();
		for (String state : List.of("CLOSED", "WITHDRAWN")) {
			UUID caseId = this.fixtures.caseRow(this.org, List.of(this.adviser), state, LocalDate.now());
			assertThat(call(get("/api/cases/" + caseId)).get("open").asBoolean()).isFalse();
			UUID itemId = UUID.randomUUID();
			assertProblem(
					post("/api/cases/" + caseId + "/items")
						.content(this.json.writeValueAsString(Map.of("itemId", itemId.toString(), "kind", "MESSAGE",
								"ciphertext", Fixtures.sealedItem(this.org.id(), caseId, itemId, ItemKind.MESSAGE)))),
					409, "case-closed");
			staffKey(caseId, List.of(this.adviser));
			write(caseId, "NOTE", ItemKind.NOTE);
		}
	}

	/**
	 * The first staff key, sealed (to throw-away keys: the server cannot tell) to the
	 * holders.
	 */
	private void staffKey(UUID caseId, List<UUID> holders) throws Exception {
		call(post("/api/cases/" + caseId + "/keys")
			.content(this.json.writeValueAsString(Map.of("purpose", "STAFF", "epoch", 0, "envelopes",
					holders.stream().map((h) -> Fixtures.envelope("ADVISER", h.toString())).toList()))));
	}

	private void write(UUID caseId, String kind, ItemKind sealedAs) throws Exception {
		UUID itemId = UUID.randomUUID();
		call(post("/api/cases/" + caseId + "/items")
			.content(this.json.writeValueAsString(Map.of("itemId", itemId.toString(), "kind", kind, "ciphertext",
					Fixtures.sealedItem(this.org.id(), caseId, itemId, sealedAs)))));
	}

	private MockHttpServletRequestBuilder as(UUID accountId, MockHttpServletRequestBuilder request) {
		return ApiCalls.as(accountId, this.org.id(), request);
	}

}

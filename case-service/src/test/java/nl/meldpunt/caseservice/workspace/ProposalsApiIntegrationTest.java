package nl.meldpunt.caseservice.workspace;

import java.time.LocalDate;
import java.util.LinkedHashMap;
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
import nl.meldpunt.caseservice.Fixtures.Org;
import nl.meldpunt.crypto.ItemKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The reporter's consent and the minutes of oral reports, through both doors: the adviser
 * proposes in the workspace API, the reporter decides through the internal mailbox API
 * (as the portal forwards it), and the procedure's consent guard follows the reporter's
 * decision and nothing else. Every refusal answers with its own ProblemDetail.
 */
class ProposalsApiIntegrationTest extends SignedInAdviser {

	@Test
	void referralWhenReporterAgreesOnTheirPageThenTheStepPassesAndBothTimelinesShowIt() throws Exception {
		Filed filed = fileAndConsult();
		UUID proposal = propose(filed.caseId(), "START_MEDIATION", null);
		assertProblem(event(filed.caseId(), "START_MEDIATION"), 422, "consent-required");
		JsonNode mailbox = mailbox(filed.credential());
		assertThat(mailbox.get("proposals")).singleElement().satisfies((p) -> {
			assertThat(p.get("itemId").asText()).isEqualTo(proposal.toString());
			assertThat(p.get("kind").asText()).isEqualTo("REFERRAL");
			assertThat(p.get("event").asText()).isEqualTo("START_MEDIATION");
			assertThat(p.get("decision").isNull()).isTrue();
		});
		assertThat(mailbox.get("items").findValuesAsText("kind")).contains("PROPOSAL");
		assertThat(call(get("/api/cases")).get(0).get("pendingDecisions").asInt()).isEqualTo(1);

		decide(filed, proposal, "AGREED", 201);
		assertThat(call(event(filed.caseId(), "START_MEDIATION")).get("state").asText()).isEqualTo("MEDIATION");
		JsonNode detail = call(get("/api/cases/" + filed.caseId()));
		assertThat(detail.get("proposals").get(0).get("decision").asText()).isEqualTo("AGREED");
		assertThat(detail.get("items").findValuesAsText("kind")).containsSubsequence("PROPOSAL", "DECISION");
		assertThat(detail.get("timeline").findValuesAsText("event")).containsSubsequence("REFERRAL_PROPOSED",
				"REFERRAL_AGREED", "START_MEDIATION");
		assertThat(mailbox(filed.credential()).get("timeline").findValuesAsText("event"))
			.containsSubsequence("REFERRAL_PROPOSED", "REFERRAL_AGREED", "START_MEDIATION");
		assertThat(this.jdbc.queryForList("select action from audit_entry where case_id = ? order by seq", String.class,
				filed.caseId()))
			.containsSubsequence("PROPOSAL_MADE", "EVENT_START_MEDIATION");
		// the reporter's decision waits, at day precision and unordered, for its day to
		// end
		assertThat(this.jdbc.queryForList("select action from audit_pending where case_id = ?", String.class,
				filed.caseId()))
			.contains("DECISION_RECORDED");
	}

	@Test
	void referralWhenReporterDeclinedThenRefusedAndTheDecisionStands() throws Exception {
		Filed filed = fileAndConsult();
		UUID proposal = propose(filed.caseId(), "FILE_FORMAL_COMPLAINT", null);
		decide(filed, proposal, "DECLINED", 201);
		assertProblem(event(filed.caseId(), "FILE_FORMAL_COMPLAINT"), 422, "consent-required");
		assertReporterProblem(decision(filed, proposal, "AGREED"), 409, "already-decided");
		assertThat(mailbox(filed.credential()).get("timeline").findValuesAsText("event")).contains("REFERRAL_DECLINED")
			.doesNotContain("FILE_FORMAL_COMPLAINT");
		// the adviser can still act under a legal duty: a code, never free text (the why
		// is an internal note, sealed)
		assertProblem(
				post("/api/cases/" + filed.caseId() + "/events").content(this.json.writeValueAsString(
						Map.of("event", "FILE_FORMAL_COMPLAINT", "legalDuty", "Wbk art. 2: safety risk"))),
				400, "invalid-request");
		assertThat(call(post("/api/cases/" + filed.caseId() + "/events")
			.content(this.json.writeValueAsString(Map.of("event", "FILE_FORMAL_COMPLAINT", "legalDuty", "DANGER"))))
			.get("state")
			.asText()).isEqualTo("FORMAL_COMPLAINT");
		assertThat(
				this.jdbc.queryForObject("select legal_duty from case_file where id = ?", String.class, filed.caseId()))
			.isEqualTo("DANGER");
		assertThat(this.jdbc.queryForList(
				"select column_name from information_schema.columns where table_name = 'case_file'", String.class))
			.as("no free text of the adviser's in the case row")
			.doesNotContain("legal_duty_reason");
	}

	@Test
	void referralToAHotlineWhenAgreedForThatHotlineOnlyThenOnlyThatHotline() throws Exception {
		Filed filed = fileAndConsult();
		UUID proposal = propose(filed.caseId(), "REFER_EXTERNAL", this.org.hotlineId());
		JsonNode offered = mailbox(filed.credential()).get("proposals").get(0).get("hotline");
		assertThat(offered.get("id").asText()).isEqualTo(this.org.hotlineId().toString());
		assertThat(offered.get("name").asText()).isNotBlank();
		decide(filed, proposal, "AGREED", 201);
		String share = this.json.writeValueAsString(Map.of("event", "REFER_EXTERNAL", "share",
				Map.of("recipientKind", "HOTLINE", "recipientId", this.org.hotlineId().toString(), "envelopes",
						List.of(Map.of("recipientId", this.org.handlerId().toString(), "purpose", "CASE", "epoch", 0,
								"envelope", Fixtures.b64(Fixtures.sealedEnvelope()))))));
		assertThat(call(post("/api/cases/" + filed.caseId() + "/events").content(share)).get("state").asText())
			.isEqualTo("REFERRED_EXTERNAL");
	}

	@Test
	void minutesWhenCorrectionsAskedThenNewMinutesApprovedAndApprovalOnRecord() throws Exception {
		Filed filed = fileAndConsult();
		UUID first = minutes(filed.caseId());
		assertReporterProblem(decision(filed, first, "AGREED"), 400, "invalid-request");
		decide(filed, first, "CORRECTIONS_REQUESTED", 201);
		UUID second = minutes(filed.caseId());
		decide(filed, second, "APPROVED", 201);
		JsonNode mailbox = mailbox(filed.credential());
		assertThat(mailbox.get("proposals").findValuesAsText("decision")).containsExactly("CORRECTIONS_REQUESTED",
				"APPROVED");
		assertThat(mailbox.get("items").findValuesAsText("kind")).containsSubsequence("MINUTES", "DECISION", "MINUTES",
				"DECISION");
		assertThat(mailbox.get("timeline").findValuesAsText("event")).containsSubsequence("MINUTES_RECORDED",
				"MINUTES_CORRECTIONS_REQUESTED", "MINUTES_RECORDED", "MINUTES_APPROVED");
		assertThat(call(get("/api/cases/" + filed.caseId())).get("proposals").get(1).get("decidedOn").asText())
			.isEqualTo(LocalDate.now().toString());
	}

	@Test
	void meetingRequestWhenSentThenInboxShowsNewsUntilTheAdviserHasSeenIt() throws Exception {
		Filed filed = fileAndConsult();
		call(put("/api/cases/" + filed.caseId() + "/seen"));
		assertThat(entry(filed.caseId()).get("unseen").asInt()).isZero();
		UUID request = UUID.randomUUID();
		assertThat(reporter(post("/internal/v1/mailbox/meetings"), filed.credential(),
				Map.of("itemId", request.toString(), "ciphertext",
						Fixtures.sealedItem(this.org.id(), filed.caseId(), request, ItemKind.MEETING_REQUEST)))
			.getResponse()
			.getStatus()).isEqualTo(201);
		UUID message = UUID.randomUUID();
		reporter(post("/internal/v1/mailbox/messages"), filed.credential(), Map.of("itemId", message.toString(),
				"ciphertext", Fixtures.sealedItem(this.org.id(), filed.caseId(), message, ItemKind.MESSAGE)));
		assertThat(entry(filed.caseId()).get("unseen").asInt()).isEqualTo(2);
		assertThat(call(get("/api/cases?news=true")).findValuesAsText("caseId")).contains(filed.caseId().toString());
		assertThat(
				this.mvc.perform(ApiCalls.as(this.org.advisers().get(1), this.org.id(), get("/api/cases"))).andReturn())
			.as("another adviser's marker is their own")
			.satisfies((r) -> assertThat(
					this.json.readTree(r.getResponse().getContentAsString()).get(0).get("unseen").asInt())
				.isEqualTo(3));
		call(put("/api/cases/" + filed.caseId() + "/seen"));
		assertThat(entry(filed.caseId()).get("unseen").asInt()).isZero();
		assertThat(call(get("/api/cases?news=true")).findValuesAsText("caseId"))
			.doesNotContain(filed.caseId().toString());
		assertThat(mailbox(filed.credential()).get("timeline").findValuesAsText("event")).contains("MEETING_REQUESTED");
		assertThat(this.jdbc.queryForList("select column_name from information_schema.columns"
				+ " where table_name = 'case_reading' and data_type like 'timestamp%'", String.class))
			.as("a count, never a time")
			.isEmpty();
	}

	@Test
	void inboxWhenFilteredThenOnlyMatchingCasesAndNeverBySearchingWords() throws Exception {
		UUID overdue = this.fixtures.caseRow(this.org, List.of(this.adviser), "RECEIVED", LocalDate.now().minusDays(9));
		UUID talking = this.fixtures.caseRow(this.org, List.of(this.adviser), "IN_CONSULTATION", LocalDate.now());
		assertThat(call(get("/api/cases?urgency=OVERDUE")).findValuesAsText("caseId")).contains(overdue.toString())
			.doesNotContain(talking.toString());
		assertThat(call(get("/api/cases?state=IN_CONSULTATION")).findValuesAsText("caseId"))
			.containsExactly(talking.toString());
		assertThat(call(get("/api/cases?channel=EXTERNAL_HOTLINE")).findValuesAsText("caseId")).isEmpty();
		assertThat(call(get("/api/cases?q=" + talking.toString().substring(0, 8))).findValuesAsText("caseId"))
			.containsExactly(talking.toString());
		assertThat(call(get("/api/cases?q=" + LocalDate.now().minusDays(9))).findValuesAsText("caseId"))
			.contains(overdue.toString())
			.doesNotContain(talking.toString());
		assertProblem(get("/api/cases?q=pesten"), 400, "invalid-request");
		assertProblem(get("/api/cases?state=NO_SUCH_STATE"), 400, "invalid-request");
		assertProblem(get("/api/cases?urgency=LATER"), 400, "invalid-request");
	}

	@Test
	void proposalsAndDecisionsWhenWrongThenEachRefusedWithItsProblem() throws Exception {
		Filed filed = fileAndConsult();
		UUID caseId = filed.caseId();
		assertProblem(proposal(caseId, UUID.randomUUID(), "ACKNOWLEDGE", null), 400, "invalid-request");
		assertProblem(proposal(caseId, UUID.randomUUID(), "REFER_EXTERNAL", null), 400, "invalid-request");
		assertProblem(proposal(caseId, UUID.randomUUID(), "START_MEDIATION", this.org.hotlineId()), 400,
				"invalid-request");
		assertProblem(proposal(caseId, UUID.randomUUID(), "REFER_EXTERNAL", UUID.randomUUID()), 422,
				"invalid-recipient");
		assertProblem(post("/api/cases/" + caseId + "/proposals").content(this.json.writeValueAsString(Map.of("itemId",
				UUID.randomUUID().toString(), "event", "START_MEDIATION", "ciphertext", Fixtures.b64(new byte[9])))),
				400, "malformed-ciphertext");
		UUID taken = propose(caseId, "START_MEDIATION", null);
		assertProblem(proposal(caseId, taken, "START_MEDIATION", null), 409, "item-id-taken");
		UUID item = UUID.randomUUID();
		assertProblem(
				post("/api/cases/" + caseId + "/items")
					.content(this.json.writeValueAsString(Map.of("itemId", item.toString(), "kind", "PROPOSAL",
							"ciphertext", Fixtures.sealedItem(this.org.id(), caseId, item, ItemKind.PROPOSAL)))),
				400, "invalid-request");
		Org stranger = this.fixtures.organisation(1);
		MvcResult foreign = this.mvc.perform(ApiCalls.as(stranger.advisers().get(0), stranger.id(),
				proposal(caseId, UUID.randomUUID(), "START_MEDIATION", null)))
			.andReturn();
		assertThat(foreign.getResponse().getStatus()).isEqualTo(404);

		assertReporterProblem(decision(filed, UUID.randomUUID(), "AGREED"), 404, "unknown-proposal");
		Filed other = fileAndConsult();
		UUID elsewhere = propose(other.caseId(), "START_MEDIATION", null);
		assertReporterProblem(decision(filed, elsewhere, "AGREED"), 404, "unknown-proposal");
		assertReporterProblem(decision(new Filed(caseId, Fixtures.credential()), taken, "AGREED"), 404,
				"unknown-token");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from case_proposal where case_id = ? and decision is not null", Integer.class, caseId))
			.as("no refused decision was stored")
			.isZero();

		// sealed with a case key that is not the current one (epoch 0 here): refused, not
		// stored under an epoch it cannot be opened with
		UUID stale = UUID.randomUUID();
		assertProblem(
				post("/api/cases/" + caseId + "/proposals").content(this.json
					.writeValueAsString(Map.of("itemId", stale.toString(), "event", "START_MEDIATION", "ciphertext",
							Fixtures.sealedItem(this.org.id(), caseId, stale, ItemKind.PROPOSAL), "epoch", 1))),
				409, "wrong-epoch");
		assertProblem(
				post("/api/cases/" + caseId + "/minutes")
					.content(this.json.writeValueAsString(Map.of("itemId", stale.toString(), "ciphertext",
							Fixtures.sealedItem(this.org.id(), caseId, stale, ItemKind.MINUTES), "epoch", 1))),
				409, "wrong-epoch");
		assertReporterProblem(
				reporter(post("/internal/v1/mailbox/proposals/" + taken + "/decision"), filed.credential(),
						Map.of("itemId", stale.toString(), "decision", "AGREED", "ciphertext",
								Fixtures.sealedItem(this.org.id(), caseId, stale, ItemKind.DECISION), "epoch", 1)),
				409, "wrong-epoch");
		assertReporterProblem(reporter(post("/internal/v1/mailbox/meetings"), filed.credential(),
				Map.of("itemId", stale.toString(), "ciphertext",
						Fixtures.sealedItem(this.org.id(), caseId, stale, ItemKind.MEETING_REQUEST), "epoch", 1)),
				409, "wrong-epoch");
		assertThat(this.jdbc.queryForObject("select count(*) from case_item where id = ?", Integer.class, stale))
			.isZero();

		this.jdbc.update("update case_file set state = 'CLOSED' where id = ?", caseId);
		assertReporterProblem(decision(filed, taken, "AGREED"), 409, "case-closed");
		assertProblem(proposal(caseId, UUID.randomUUID(), "START_MEDIATION", null), 409, "case-closed");
		UUID minutes = UUID.randomUUID();
		assertProblem(
				post("/api/cases/" + caseId + "/minutes")
					.content(this.json.writeValueAsString(Map.of("itemId", minutes.toString(), "ciphertext",
							Fixtures.sealedItem(this.org.id(), caseId, minutes, ItemKind.MINUTES)))),
				409, "case-closed");
		UUID meeting = UUID.randomUUID();
		assertThat(reporter(post("/internal/v1/mailbox/meetings"), filed.credential(),
				Map.of("itemId", meeting.toString(), "ciphertext",
						Fixtures.sealedItem(this.org.id(), caseId, meeting, ItemKind.MEETING_REQUEST)))
			.getResponse()
			.getContentAsString()).contains("case-closed");
	}

	/** Files through the internal API (real sealing), then acknowledges and consults. */
	private Filed fileAndConsult() throws Exception {
		Filed filed = file();
		call(event(filed.caseId(), "ACKNOWLEDGE"));
		call(event(filed.caseId(), "START_CONSULTATION"));
		return filed;
	}

	private MockHttpServletRequestBuilder event(UUID caseId, String event) {
		return post("/api/cases/" + caseId + "/events").content("{\"event\":\"" + event + "\"}");
	}

	private MockHttpServletRequestBuilder proposal(UUID caseId, UUID itemId, String event, UUID hotlineId)
			throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("itemId", itemId.toString());
		body.put("event", event);
		if (hotlineId != null) {
			body.put("hotlineId", hotlineId.toString());
		}
		body.put("ciphertext", Fixtures.sealedItem(this.org.id(), caseId, itemId, ItemKind.PROPOSAL));
		return post("/api/cases/" + caseId + "/proposals").content(this.json.writeValueAsString(body));
	}

	private UUID propose(UUID caseId, String event, UUID hotlineId) throws Exception {
		UUID itemId = UUID.randomUUID();
		call(proposal(caseId, itemId, event, hotlineId));
		return itemId;
	}

	private UUID minutes(UUID caseId) throws Exception {
		UUID itemId = UUID.randomUUID();
		call(post("/api/cases/" + caseId + "/minutes")
			.content(this.json.writeValueAsString(Map.of("itemId", itemId.toString(), "ciphertext",
					Fixtures.sealedItem(this.org.id(), caseId, itemId, ItemKind.MINUTES)))));
		return itemId;
	}

	private MvcResult decision(Filed filed, UUID proposal, String decision) throws Exception {
		UUID itemId = UUID.randomUUID();
		return reporter(post("/internal/v1/mailbox/proposals/" + proposal + "/decision"), filed.credential(),
				Map.of("itemId", itemId.toString(), "decision", decision, "ciphertext",
						Fixtures.sealedItem(this.org.id(), filed.caseId(), itemId, ItemKind.DECISION)));
	}

	private void decide(Filed filed, UUID proposal, String decision, int status) throws Exception {
		MvcResult result = decision(filed, proposal, decision);
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
	}

	private MvcResult reporter(MockHttpServletRequestBuilder request, String credential, Object body) throws Exception {
		return this.mvc
			.perform(request.header("Authorization", "Bearer " + Fixtures.INTERNAL_SECRET)
				.header("X-Mailbox-Credential", credential)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body)))
			.andReturn();
	}

	private JsonNode entry(UUID caseId) throws Exception {
		for (JsonNode entry : call(get("/api/cases"))) {
			if (entry.get("caseId").asText().equals(caseId.toString())) {
				return entry;
			}
		}
		throw new AssertionError("not in the inbox: " + caseId);
	}

	private void assertReporterProblem(MvcResult result, int status, String slug) throws Exception {
		this.calls.assertProblem(result, status, slug);
	}

}

package nl.meldpunt.caseservice.keybook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.crypto.ItemKind;
import nl.meldpunt.crypto.KeyBookChange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * After a signed removal the removed adviser reaches no case, and nothing new is sealed
 * with a key it holds: a remaining adviser's browser seals the next epoch of the case key
 * to exactly the remaining members and the reporter (and of the staff key to the members
 * only), and from then on every item uses the new epoch. Internal notes need the staff
 * key, which the reporter never receives. (That the removed adviser's old key opens
 * nothing of the new epoch is the crypto module's EpochUnitTest and the ops end-to-end
 * test in Chromium.)
 */
@SpringBootTest
@AutoConfigureMockMvc
class RemovalAndRekeyIntegrationTest extends KeyBookMembers {

	UUID carla;

	String credential;

	UUID caseId;

	@BeforeEach
	void caseOfThreeAdvisers() throws Exception {
		members(3);
		this.carla = this.org.advisers().get(2);
		this.credential = Fixtures.credential();
		Map<String, Object> filing = Fixtures.filing(this.org, this.credential, List.of());
		this.caseId = UUID.fromString((String) filing.get("caseId"));
		assertThat(this.mvc
			.perform(post("/internal/v1/organisations/" + this.org.slug() + "/cases")
				.header("Authorization", "Bearer " + Fixtures.INTERNAL_SECRET)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(filing)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(201);
		// the reporter cannot be given the staff key
		assertProblem(
				as(this.anna,
						post("/api/cases/" + this.caseId + "/keys")
							.content(key("STAFF", 0, List.of(this.anna, this.bram, this.carla), true))),
				422, "recipients-mismatch");
		call(this.anna, post("/api/cases/" + this.caseId + "/keys")
			.content(key("STAFF", 0, List.of(this.anna, this.bram, this.carla), false)));
	}

	@Test
	void removedAdviserWhenRemovalAppendedThenNoAccessAndNewKeysForTheRemainingOnly() throws Exception {
		remove(this.carla);
		assertProblem(as(this.carla, get("/api/cases/" + this.caseId)), 404, "unknown-case");
		assertThat(call(this.carla, get("/api/cases")).size()).isZero();
		JsonNode detail = call(this.anna, get("/api/cases/" + this.caseId));
		assertThat(detail.get("rekeyNeeded").asBoolean()).isTrue();
		assertProblem(as(this.anna, item("MESSAGE", "CASE", 0)), 409, "rekey-required");
		assertProblem(as(this.anna, item("NOTE", "STAFF", 0)), 409, "rekey-required");

		String remaining = "/api/cases/" + this.caseId + "/keys";
		assertProblem(
				as(this.anna, post(remaining).content(key("CASE", 1, List.of(this.anna, this.bram, this.carla), true))),
				422, "recipients-mismatch");
		assertProblem(as(this.anna, post(remaining).content(key("CASE", 1, List.of(this.anna, this.bram), false))), 422,
				"recipients-mismatch");
		assertProblem(as(this.anna, post(remaining).content(key("CASE", 2, List.of(this.anna, this.bram), true))), 409,
				"wrong-epoch");
		call(this.anna, post(remaining).content(key("CASE", 1, List.of(this.anna, this.bram), true)));
		assertThat(call(this.anna, get("/api/cases/" + this.caseId)).get("rekeyNeeded").asBoolean())
			.as("the staff key still held by the removed adviser")
			.isTrue();
		call(this.anna, post(remaining).content(key("STAFF", 1, List.of(this.anna, this.bram), false)));

		detail = call(this.anna, get("/api/cases/" + this.caseId));
		assertThat(detail.get("rekeyNeeded").asBoolean()).isFalse();
		assertThat(detail.get("currentCaseKey").toString()).isEqualTo("{\"purpose\":\"CASE\",\"epoch\":1}");
		assertThat(detail.get("myKeys").findValuesAsText("epoch")).containsExactly("0", "1", "0", "1");
		assertProblem(as(this.anna, item("MESSAGE", "CASE", 0)), 409, "wrong-epoch");
		call(this.anna, item("MESSAGE", "CASE", 1));
		call(this.anna, item("NOTE", "STAFF", 1));
		assertThat(
				this.jdbc.queryForList("select purpose || ':' || epoch from case_item where case_id = ? order by seq",
						String.class, this.caseId))
			.containsExactly("CASE:0", "CASE:1", "STAFF:1");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from key_envelope where case_id = ? and recipient_id = ? and epoch = 1", Integer.class,
				this.caseId, this.carla.toString()))
			.isZero();

		JsonNode mailbox = mailbox();
		assertThat(mailbox.get("currentEpoch").asInt()).isEqualTo(1);
		assertThat(mailbox.get("reporterKeys").findValuesAsText("epoch")).containsExactly("0", "1");
		assertThat(mailbox.get("items").findValuesAsText("kind")).doesNotContain("NOTE");
		assertThat(mailbox.get("keyBook")).as("genesis, two additions, the pin, the removal").hasSize(5);
	}

	/** Carla's removal, proposed by Anna and approved by Anna and Bram (threshold 2). */
	private void remove(UUID adviser) throws Exception {
		call(this.anna, post("/api/keybook/removals")
			.content(this.json.writeValueAsString(Map.of("recipientId", adviser.toString()))));
		for (UUID signer : List.of(this.anna, this.bram)) {
			Draft draft = this.books.drafts(this.org.id(), Optional.empty()).get(0);
			assertThat(draft.draft().change()).isEqualTo(new KeyBookChange.RecipientRemoved(adviser));
			approve(draft, signer);
		}
		assertThat(this.books.organisationBook(this.org.id()).orElseThrow().member(adviser)).isEmpty();
	}

	private String key(String purpose, int epoch, List<UUID> advisers, boolean reporter) throws Exception {
		List<Map<String, String>> envelopes = new ArrayList<>();
		advisers.forEach((adviser) -> envelopes.add(Fixtures.envelope("ADVISER", adviser.toString())));
		if (reporter) {
			envelopes.add(Fixtures.envelope("REPORTER", "reporter"));
		}
		return this.json.writeValueAsString(Map.of("purpose", purpose, "epoch", epoch, "envelopes", envelopes));
	}

	private MockHttpServletRequestBuilder item(String kind, String purpose, int epoch) throws Exception {
		UUID itemId = UUID.randomUUID();
		return post("/api/cases/" + this.caseId + "/items").content(this.json
			.writeValueAsString(Map.of("itemId", itemId.toString(), "kind", kind, "purpose", purpose, "epoch", epoch,
					"ciphertext", Fixtures.sealedItem(this.org.id(), this.caseId, itemId, ItemKind.valueOf(kind)))));
	}

	private JsonNode mailbox() throws Exception {
		return this.json.readTree(
				this.mvc
					.perform(get("/internal/v1/mailbox").header("Authorization", "Bearer " + Fixtures.INTERNAL_SECRET)
						.header("X-Mailbox-Credential", this.credential))
					.andReturn()
					.getResponse()
					.getContentAsString());
	}

}

package nl.meldpunt.caseservice.keybook;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import nl.meldpunt.caseservice.ApiCalls;
import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.Fixtures.Org;
import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.accounts.Role;
import nl.meldpunt.caseservice.audit.ActorKind;
import nl.meldpunt.crypto.KeyBook;
import nl.meldpunt.crypto.KeyBookChange;
import nl.meldpunt.crypto.KeyBookDraft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The members' side of the key book through the workspace API, and what the service
 * refuses: a forged signature, an approval by a non-member or a removed member, a second
 * approval by the same member; a stored book with a tampered entry, a missing entry or a
 * rewritten history (then filing is refused with the precise reason); a recipient set
 * that differs from the book. Every appended entry is announced by a content-free e-mail
 * to every adviser (GreenMail).
 */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=3025" })
@AutoConfigureMockMvc
class KeyBookApiIntegrationTest extends KeyBookMembers {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

	/** An enrolled adviser whose addition waits for approval (a pending recipient). */
	UUID carla;

	Draft addition;

	@BeforeEach
	void organisation() {
		members(2);
		this.carla = this.fixtures.account(this.org.id(), "ADVISER", null, true);
		this.addition = this.books.propose(this.org.id(), Optional.empty(),
				new KeyBookChange.RecipientAdded(this.fixtures.member(this.carla, null)), Optional.of(this.carla),
				ActorKind.SYSTEM, null);
	}

	@Test
	void approvalWhenEnoughMembersSignedThenAppendedAnnouncedAndTheNewcomerAReader() throws Exception {
		JsonNode view = call(this.anna, get("/api/keybook"));
		assertThat(view.get("entries")).hasSize(3);
		assertThat(view.get("drafts")).hasSize(1);
		assertThat(view.get("drafts").get(0).get("threshold").asInt()).isEqualTo(2);
		assertThat(view.get("pending").toString()).contains(this.carla.toString()).contains("WAITING_FOR_APPROVAL");
		// the pending adviser is nobody's recipient yet: a filing sealed to her is
		// refused
		assertProblem(file(List.of(this.anna, this.bram, this.carla)), 422, "recipients-mismatch");

		JsonNode first = approve(this.anna, this.anna);
		assertThat(first.get("appended").asBoolean()).isFalse();
		assertThat(mail.getReceivedMessages()).isEmpty();
		assertProblem(request(this.anna, approval(this.anna, this.anna)), 422, "key-book-duplicate-approval");
		JsonNode second = approve(this.bram, this.bram);
		assertThat(second.get("appended").asBoolean()).isTrue();

		assertThat(this.books.organisationBook(this.org.id()).orElseThrow().member(this.carla)).isPresent();
		assertThat(call(this.anna, get("/api/keybook")).get("drafts")).isEmpty();
		assertThat(file(List.of(this.anna, this.bram, this.carla)).getResponse().getStatus()).isEqualTo(201);
		assertProblem(file(List.of(this.anna, this.bram)), 422, "recipients-mismatch");

		MimeMessage[] announced = mail.getReceivedMessages();
		assertThat(announced).as("one copy for each of the three advisers").hasSize(3);
		String text = GreenMailUtil.getBody(announced[0]) + announced[0].getSubject();
		assertThat(text).contains("sleutelboek").contains("key book");
		for (UUID someone : List.of(this.anna, this.bram, this.carla)) {
			assertThat(text).doesNotContain(someone.toString()).doesNotContain(name(someone));
			assertThat(inbox(email(someone))).as("announced to every adviser").isEqualTo(1);
		}
		assertThat(text).doesNotContain(this.org.id().toString()).doesNotContain(this.org.slug());
	}

	@Test
	void approvalWhenForgedOrByNonMemberThenRefusedAndNothingStored() throws Exception {
		// a signature made with another key under Anna's name
		byte[] forger = new byte[32];
		new java.security.SecureRandom().nextBytes(forger);
		byte[] forged = new byte[64];
		byte[] message = approvalMessage(this.addition.draft());
		Ed25519.sign(forger, 0, message, 0, message.length, forged, 0);
		assertProblem(
				request(this.anna,
						post("/api/keybook/drafts/" + this.addition.id() + "/approvals")
							.content(this.json.writeValueAsString(Map.of("signature", Fixtures.b64(forged))))),
				422, "key-book-bad-signature");
		// the pending adviser approving her own addition: she is no member
		assertProblem(request(this.carla, approval(this.carla, this.carla)), 422, "key-book-not-a-signer");
		assertProblem(request(this.anna, post("/api/keybook/drafts/" + this.addition.id() + "/approvals")
			.content("{\"signature\":\"not-base64url!\"}")), 400, "malformed-ciphertext");
		assertThat(this.jdbc.queryForObject("select count(*) from key_book_approval where draft_id = ?", Integer.class,
				this.addition.id()))
			.isZero();
	}

	@Test
	void approvalWhenByARemovedMemberThenRefused() throws Exception {
		Org three = this.fixtures.organisation(3);
		UUID removed = three.advisers().get(2);
		KeyBook book = this.books.organisationBook(three.id()).orElseThrow();
		this.fixtures.approvedByMembers(three, book, new KeyBookChange.RecipientRemoved(removed));
		UUID newcomer = this.fixtures.account(three.id(), "ADVISER", null, true);
		Draft draft = this.books.propose(three.id(), Optional.empty(),
				new KeyBookChange.RecipientAdded(this.fixtures.member(newcomer, null)), Optional.of(newcomer),
				ActorKind.SYSTEM, null);
		// whatever the removed member signs, her approval counts for nothing
		byte[] signature = Fixtures.bytes(64);
		MvcResult result = this.mvc
			.perform(as(three, removed,
					post("/api/keybook/drafts/" + draft.id() + "/approvals")
						.content(this.json.writeValueAsString(Map.of("signature", Fixtures.b64(signature))))))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		assertThat(type(result)).isEqualTo("key-book-removed-signer");
	}

	@Test
	void rejectWhenAMemberRefusesThenDraftGoneAndNewcomerStaysOut() throws Exception {
		assertProblem(request(this.carla, delete("/api/keybook/drafts/" + this.addition.id())), 422,
				"key-book-not-a-signer");
		MvcResult rejected = this.mvc
			.perform(as(this.org, this.anna, delete("/api/keybook/drafts/" + this.addition.id())))
			.andReturn();
		assertThat(rejected.getResponse().getStatus()).isEqualTo(204);
		JsonNode view = call(this.anna, get("/api/keybook"));
		assertThat(view.get("drafts")).isEmpty();
		assertThat(view.get("pending").toString()).contains("REJECTED");
		assertProblem(request(this.anna, approval(this.anna, this.anna)), 404, "unknown-draft");
	}

	@Test
	void removalWhenProposedByAMemberThenAppendedOnlyWithTheThreshold() throws Exception {
		JsonNode draft = call(this.anna, post("/api/keybook/removals")
			.content(this.json.writeValueAsString(Map.of("recipientId", this.bram.toString()))));
		UUID draftId = UUID.fromString(draft.get("draftId").asText());
		// both must sign: the threshold is 2 while the book has two members
		approveDraft(draftId, this.anna);
		assertThat(this.books.organisationBook(this.org.id()).orElseThrow().member(this.bram)).isPresent();
		approveDraft(draftId, this.bram);
		assertThat(this.books.organisationBook(this.org.id()).orElseThrow().member(this.bram)).isEmpty();
		assertThat(this.jdbc.queryForObject("select removed_on is not null from account where id = ?", Boolean.class,
				this.bram))
			.isTrue();
		// Carla's draft was proposed again on the new head, without approvals
		assertThat(this.books.drafts(this.org.id(), Optional.empty()).get(0).draft().sequence()).isEqualTo(4);
		assertProblem(
				request(this.anna,
						post("/api/keybook/removals")
							.content(this.json.writeValueAsString(Map.of("recipientId", this.anna.toString())))),
				422, "key-book-threshold-unreachable");
	}

	@Test
	void accountRemovedWhenAMemberThenItsRemovalIsProposedAndWhenWaitingThenItsAdditionWithdrawn() throws Exception {
		UUID admin = this.fixtures.account(this.org.id(), "ADMIN", null, true);
		// a disabled member stays in the book, but no browser seals to it any more
		assertThat(this.mvc.perform(asAdmin(admin, post("/api/admin/accounts/" + this.bram + "/disable")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(204);
		assertThat(call(this.anna, get("/api/keybook")).get("receiving").toString()).contains(this.anna.toString())
			.doesNotContain(this.bram.toString());

		// the admin removes a member: its removal is proposed, the advisers still decide
		assertThat(this.mvc.perform(asAdmin(admin, delete("/api/admin/accounts/" + this.bram)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(204);
		Draft removal = this.books.drafts(this.org.id(), Optional.empty())
			.stream()
			.filter((draft) -> draft.subject().equals(Optional.of(this.bram)))
			.findFirst()
			.orElseThrow();
		assertThat(removal.draft().change()).isEqualTo(new KeyBookChange.RecipientRemoved(this.bram));
		assertThat(removal.proposedBy()).isEqualTo("ADMIN");
		assertThat(this.books.organisationBook(this.org.id()).orElseThrow().member(this.bram))
			.as("only the advisers' signatures take a member out")
			.isPresent();

		// the admin removes a newcomer whose addition waits: the addition is withdrawn
		assertThat(this.mvc.perform(asAdmin(admin, delete("/api/admin/accounts/" + this.carla)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(204);
		assertThat(this.books.waitsForApproval(this.org.id(), Optional.empty(), this.carla)).isFalse();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'KEY_BOOK_WITHDRAWN' and actor_kind = 'ADMIN'"
						+ " and actor_id = ?",
				Integer.class, admin.toString()))
			.isEqualTo(1);
	}

	@Test
	void thresholdWhenAnAdminProposesItThenChangedOnlyOnceTheAdvisersSigned() throws Exception {
		UUID admin = this.fixtures.account(this.org.id(), "ADMIN", null, true);
		assertProblem(asAdmin(admin, put("/api/admin/key-book/threshold").content("{\"threshold\":33}")), 400,
				"invalid-request");
		assertProblem(asAdmin(admin, put("/api/admin/key-book/threshold").content("{\"threshold\":3}")), 422,
				"key-book-threshold-unreachable");
		MvcResult proposed = this.mvc
			.perform(asAdmin(admin, put("/api/admin/key-book/threshold").content("{\"threshold\":1}")))
			.andReturn();
		assertThat(proposed.getResponse().getStatus()).as(proposed.getResponse().getContentAsString()).isEqualTo(201);
		UUID draftId = UUID
			.fromString(this.json.readTree(proposed.getResponse().getContentAsString()).get("draftId").asText());
		// the admin proposed; nothing changes until the advisers signed (m = 2 now)
		approveDraft(draftId, this.anna);
		assertThat(this.books.organisationBook(this.org.id()).orElseThrow().threshold()).isEqualTo(2);
		approveDraft(draftId, this.bram);
		assertThat(this.books.organisationBook(this.org.id()).orElseThrow().threshold()).isEqualTo(1);
	}

	@Test
	void storedBookWhenTamperedMissingAnEntryOrRewrittenThenFilingRefusedWithTheReason() throws Exception {
		MockHttpServletRequestBuilder approvalBefore = approval(this.anna, this.anna);
		byte[] entry = this.jdbc.queryForObject("select bytes from key_book_entry where book = ? and sequence = 1",
				byte[].class, this.org.id());
		byte[] tampered = entry.clone();
		tampered[tampered.length - 1] ^= 1;
		this.jdbc.update("update key_book_entry set bytes = ? where book = ? and sequence = 1", tampered,
				this.org.id());
		assertProblem(file(List.of(this.anna, this.bram)), 422, "key-book-bad-signature");
		// the stored book is still served as it is: browsers say why they refuse
		assertThat(call(this.anna, get("/api/keybook")).get("entries")).hasSize(3);

		this.jdbc.update("delete from key_book_entry where book = ? and sequence = 1", this.org.id());
		assertProblem(file(List.of(this.anna, this.bram)), 409, "key-book-wrong-sequence");

		// entry 1 rewritten: a validly signed, different change in its place
		KeyBook genesisOnly = KeyBook.verify(this.org.id(),
				List.of(this.jdbc.queryForObject("select bytes from key_book_entry where book = ? and sequence = 0",
						byte[].class, this.org.id())));
		KeyBookDraft other = genesisOnly.propose(new KeyBookChange.ThresholdChanged(1));
		byte[] rewritten = other
			.entry(List.of(genesisOnly.approve(other, this.anna, Fixtures.SIGNING_KEYS.get(this.anna))));
		this.jdbc.update("insert into key_book_entry (organisation_id, book, sequence, bytes) values (?, ?, 1, ?)",
				this.org.id(), this.org.id(), rewritten);
		assertProblem(file(List.of(this.anna, this.bram)), 409, "key-book-broken-chain");
		assertProblem(request(this.anna, approvalBefore), 409, "key-book-broken-chain");
	}

	private void approveDraft(UUID draftId, UUID signer) throws Exception {
		Draft draft = this.books.drafts(this.org.id(), Optional.empty())
			.stream()
			.filter((d) -> d.id().equals(draftId))
			.findFirst()
			.orElseThrow();
		approve(draft, signer);
	}

	private JsonNode approve(UUID caller, UUID signer) throws Exception {
		return call(caller, approval(caller, signer));
	}

	/** The approval of Carla's addition, signed in Java as the member's browser would. */
	private MockHttpServletRequestBuilder approval(UUID caller, UUID signer) throws Exception {
		KeyBook book = this.books.organisationBook(this.org.id()).orElseThrow();
		// a non-member cannot make an approval in Java (nor in the browser): any bytes
		// then
		byte[] signature = book.member(signer).isPresent()
				? book.approve(this.addition.draft(), signer, Fixtures.SIGNING_KEYS.get(signer)).signature()
				: Fixtures.bytes(64);
		return post("/api/keybook/drafts/" + this.addition.id() + "/approvals")
			.content(this.json.writeValueAsString(Map.of("signature", Fixtures.b64(signature))));
	}

	/** The bytes an approval signs (crypto/FORMAT.md): label, then the draft's body. */
	private static byte[] approvalMessage(KeyBookDraft draft) {
		byte[] label = "meldpunt/v1/key-book-approval".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] body = draft.toBytes();
		byte[] message = new byte[2 + label.length + body.length];
		message[0] = (byte) (label.length >> 8);
		message[1] = (byte) label.length;
		System.arraycopy(label, 0, message, 2, label.length);
		System.arraycopy(body, 0, message, 2 + label.length, body.length);
		return message;
	}

	private MvcResult file(List<UUID> sealedTo) throws Exception {
		Map<String, Object> filing = Fixtures.filing(this.org, Fixtures.credential(), List.of());
		filing.put("keyEnvelopes", new java.util.ArrayList<>(
				sealedTo.stream().map((adviser) -> Fixtures.envelope("ADVISER", adviser.toString())).toList()));
		@SuppressWarnings("unchecked")
		List<Object> envelopes = (List<Object>) filing.get("keyEnvelopes");
		envelopes.add(Fixtures.envelope("REPORTER", "reporter"));
		return this.mvc
			.perform(post("/internal/v1/organisations/" + this.org.slug() + "/cases")
				.header("Authorization", "Bearer " + Fixtures.INTERNAL_SECRET)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(filing)))
			.andReturn();
	}

	private String name(UUID account) {
		return this.jdbc.queryForObject("select display_name from account where id = ?", String.class, account);
	}

	private String email(UUID account) {
		return this.jdbc.queryForObject("select email from account where id = ?", String.class, account);
	}

	private static int inbox(String email) throws Exception {
		var user = mail.getUserManager().getUserByEmail(email);
		return (user != null) ? mail.getManagers().getImapHostManager().getInbox(user).getMessageCount() : 0;
	}

	private void assertProblem(MvcResult result, int status, String slug) throws Exception {
		this.calls.assertProblem(result, status, slug);
	}

	private String type(MvcResult result) throws Exception {
		return this.json.readTree(result.getResponse().getContentAsString())
			.get("type")
			.asText()
			.replace("https://meldpunt.nl/problems/", "");
	}

	private MockHttpServletRequestBuilder request(UUID caller, MockHttpServletRequestBuilder request) {
		return as(caller, request);
	}

	private MockHttpServletRequestBuilder asAdmin(UUID admin, MockHttpServletRequestBuilder request) {
		Caller caller = new Caller(admin, this.org.id(), Role.ADMIN, "Admin");
		return request.contentType(MediaType.APPLICATION_JSON)
			.with(csrf())
			.with(authentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
					List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
	}

	private static MockHttpServletRequestBuilder as(Org org, UUID accountId, MockHttpServletRequestBuilder request) {
		return ApiCalls.as(accountId, org.id(), request);
	}

}

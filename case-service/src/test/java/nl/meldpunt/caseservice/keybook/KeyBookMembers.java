package nl.meldpunt.caseservice.keybook;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import nl.meldpunt.caseservice.ApiCalls;
import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.Fixtures.Org;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;
import nl.meldpunt.crypto.KeyBook;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the key-book API tests share: an organisation whose first two advisers, Anna and
 * Bram, are members of its key book, their calls through the workspace API, and their
 * approvals, signed in Java as a member's browser signs them.
 */
abstract class KeyBookMembers {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	@Autowired
	KeyBooks books;

	ObjectMapper json = new ObjectMapper();

	Fixtures fixtures;

	ApiCalls calls;

	Org org;

	UUID anna;

	UUID bram;

	/** A fresh organisation of {@code advisers} enrolled advisers (at least two). */
	void members(int advisers) {
		this.fixtures = new Fixtures(this.jdbc, this.setup);
		this.calls = new ApiCalls(this.mvc);
		this.org = this.fixtures.organisation(advisers);
		this.anna = this.org.advisers().get(0);
		this.bram = this.org.advisers().get(1);
	}

	/** Member {@code signer} approves {@code draft} with its own signing key. */
	void approve(Draft draft, UUID signer) throws Exception {
		KeyBook book = this.books.organisationBook(this.org.id()).orElseThrow();
		byte[] signature = book.approve(draft.draft(), signer, Fixtures.SIGNING_KEYS.get(signer)).signature();
		call(signer, post("/api/keybook/drafts/" + draft.id() + "/approvals")
			.content(this.json.writeValueAsString(Map.of("signature", Fixtures.b64(signature)))));
	}

	/** An accepted call as adviser {@code caller}, and its answer. */
	JsonNode call(UUID caller, MockHttpServletRequestBuilder request) throws Exception {
		return this.calls.call(caller, this.org.id(), request);
	}

	/** The request as adviser {@code caller}. */
	MockHttpServletRequestBuilder as(UUID caller, MockHttpServletRequestBuilder request) {
		return ApiCalls.as(caller, this.org.id(), request);
	}

	/** The request (already signed in) is refused with this problem. */
	void assertProblem(MockHttpServletRequestBuilder request, int status, String slug) throws Exception {
		this.calls.assertProblem(this.mvc.perform(request).andReturn(), status, slug);
	}

}

package nl.meldpunt.caseservice.workspace;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import nl.meldpunt.caseservice.ApiCalls;
import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.Fixtures.Org;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The set-up the workspace API tests share: a fresh organisation with two advisers, the
 * first of them signed in, and its calls.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class SignedInAdviser {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	ObjectMapper json = new ObjectMapper();

	Fixtures fixtures;

	ApiCalls calls;

	Org org;

	UUID adviser;

	@BeforeEach
	void organisation() {
		this.fixtures = new Fixtures(this.jdbc, this.setup);
		this.calls = new ApiCalls(this.mvc);
		this.org = this.fixtures.organisation(2);
		this.adviser = this.org.advisers().get(0);
	}

	/** A report filed through the internal API as the portal files it (real sealing). */
	Filed file() throws Exception {
		String credential = Fixtures.credential();
		Map<String, Object> filing = Fixtures.filing(this.org, credential, List.of());
		UUID caseId = UUID.fromString((String) filing.get("caseId"));
		this.mvc.perform(post("/internal/v1/organisations/" + this.org.slug() + "/cases")
			.header("Authorization", "Bearer " + Fixtures.INTERNAL_SECRET)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(filing)));
		return new Filed(caseId, credential);
	}

	/** The reporter's mailbox, read through the internal API as the portal reads it. */
	JsonNode mailbox(String credential) throws Exception {
		return this.json.readTree(
				this.mvc
					.perform(get("/internal/v1/mailbox").header("Authorization", "Bearer " + Fixtures.INTERNAL_SECRET)
						.header("X-Mailbox-Credential", credential))
					.andReturn()
					.getResponse()
					.getContentAsString());
	}

	/** An accepted call as the signed-in adviser, and its answer. */
	JsonNode call(MockHttpServletRequestBuilder request) throws Exception {
		return this.calls.call(this.adviser, this.org.id(), request);
	}

	/** A call as the signed-in adviser that must be refused with this problem. */
	void assertProblem(MockHttpServletRequestBuilder request, int status, String slug) throws Exception {
		this.calls.assertProblem(this.adviser, this.org.id(), request, status, slug);
	}

	/** A filed case and the reporter's mailbox credential. */
	record Filed(UUID caseId, String credential) {
	}

}

package nl.meldpunt.caseservice.workspace;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import nl.meldpunt.caseservice.ApiCalls;
import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.Fixtures.Org;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;

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

	/** An accepted call as the signed-in adviser, and its answer. */
	JsonNode call(MockHttpServletRequestBuilder request) throws Exception {
		return this.calls.call(this.adviser, this.org.id(), request);
	}

	/** A call as the signed-in adviser that must be refused with this problem. */
	void assertProblem(MockHttpServletRequestBuilder request, int status, String slug) throws Exception {
		this.calls.assertProblem(this.adviser, this.org.id(), request, status, slug);
	}

}

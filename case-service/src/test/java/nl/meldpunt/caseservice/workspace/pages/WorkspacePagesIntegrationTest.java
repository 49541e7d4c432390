package nl.meldpunt.caseservice.workspace.pages;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.Fixtures.Org;
import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.accounts.Role;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The workspace pages: the shell is served to anyone at the log-in path only, in Dutch or
 * English, with no inline script and integrity on every script; the directory serves
 * advisers and handlers of the organisation only, and no keys (they come from the key
 * books the browser verifies).
 */
@SpringBootTest
@AutoConfigureMockMvc
class WorkspacePagesIntegrationTest {

	private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	Fixtures fixtures;

	Org org;

	@BeforeEach
	void organisation() {
		this.fixtures = new Fixtures(this.jdbc, this.setup);
		this.org = this.fixtures.organisation(2);
	}

	@Test
	void loginPageWhenAnonymousThenDutchShellWithoutInlineScript() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/workspace/login")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String html = response.getContentAsString();
		assertThat(html).contains("<html lang=\"nl\"").contains("werkplek vertrouwenspersoon");
		assertThat(response.getHeader("Content-Security-Policy")).contains("script-src 'self'")
			.doesNotContain("unsafe-inline");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		Matcher scripts = SCRIPT.matcher(html);
		int count = 0;
		while (scripts.find()) {
			String attributes = scripts.group(1);
			assertThat(attributes).satisfiesAnyOf((a) -> assertThat(a).contains("type=\"application/json\""),
					(a) -> assertThat(a).contains("src=\"/workspace/assets/workspace.js\"")
						.contains("integrity=\"sha384-"));
			count++;
		}
		assertThat(count).isEqualTo(2);
		assertThat(html).contains("\"login.title\":\"Aanmelden\"");
		// the inbox's state filter takes "open" from the server, not from a list of its
		// own
		assertThat(html).contains("data-open-states=\"RECEIVED,ACKNOWLEDGED,IN_CONSULTATION,WAITING_FOR_REPORTER,"
				+ "MEDIATION,FORMAL_COMPLAINT,INVESTIGATION,REFERRED_EXTERNAL,FEEDBACK_GIVEN\"");
	}

	@Test
	void loginPageWhenEnglishAskedThenEnglishByParameterOrPrefix() throws Exception {
		for (MockHttpServletRequestBuilder request : List.of(get("/workspace/login").param("lang", "en"),
				get("/en/workspace/login"))) {
			String html = this.mvc.perform(request).andReturn().getResponse().getContentAsString();
			assertThat(html).contains("<html lang=\"en\"").contains("\"login.title\":\"Sign in\"");
		}
	}

	@Test
	void enrolPageWhenAnonymousThenShellServedWithStrictCspAndNoInlineScript() throws Exception {
		for (MockHttpServletRequestBuilder request : List.of(get("/workspace/enrol"), get("/en/workspace/enrol"))) {
			MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeader("Content-Security-Policy")).contains("script-src 'self'")
				.doesNotContain("unsafe-inline");
			assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
			String html = response.getContentAsString();
			assertThat(html).contains("data-view=\"enrol\"")
				.contains("href=\"/workspace/assets/enrol.js\"")
				.containsPattern("enrol\\.js\" integrity=\"sha384-");
			Matcher scripts = SCRIPT.matcher(html);
			while (scripts.find()) {
				assertThat(scripts.group(1)).satisfiesAnyOf((a) -> assertThat(a).contains("type=\"application/json\""),
						(a) -> assertThat(a).contains("src=\"/workspace/assets/workspace.js\""));
			}
		}
		assertThat(this.mvc.perform(get("/en/workspace/enrol")).andReturn().getResponse().getContentAsString())
			.contains("<html lang=\"en\"")
			.contains("\"enrol.title\":\"Set up your account\"");
		assertThat(this.mvc.perform(get("/workspace/assets/enrol.js")).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	void inboxPageWhenAnonymousThenRedirectedToLoginInSameLanguage() throws Exception {
		assertThat(this.mvc.perform(get("/workspace")).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/workspace/login");
		assertThat(this.mvc.perform(get("/workspace/cases/" + UUID.randomUUID()).param("lang", "en"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/workspace/login?lang=en");
	}

	@Test
	void inboxPageWhenAdviserThenShellServed() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(as(this.org.advisers().get(0), "ADVISER", get("/workspace/cases/" + UUID.randomUUID())))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("data-view=\"case\"");
	}

	@Test
	void directoryWhenAdviserThenOwnOrganisationOnlyAndNoKeys() throws Exception {
		UUID adviser = this.org.advisers().get(0);
		Org other = this.fixtures.organisation(1);
		String body = this.mvc.perform(as(adviser, "ADVISER", get("/workspace/api/directory")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode directory = new ObjectMapper().readTree(body);
		assertThat(directory.get("self").get("recipientKind").asText()).isEqualTo("ADVISER");
		assertThat(directory.get("self").get("recipientId").asText()).isEqualTo(adviser.toString());
		// whom to share with, and their keys, come from the key book the browser verifies
		assertThat(directory.has("advisers")).isFalse();
		assertThat(directory.get("hotlines")).hasSize(1);
		assertThat(directory.get("hotlines").get(0).get("id").asText()).isEqualTo(this.org.hotlineId().toString());
		assertThat(directory.get("categories").size()).isPositive();
		assertThat(body).doesNotContain(other.advisers().get(0).toString())
			.doesNotContain("@")
			.doesNotContain("wrapped");
	}

	@Test
	void directoryWhenHotlineHandlerThenSelfIsTheHandlerOfTheHotline() throws Exception {
		String body = this.mvc.perform(as(this.org.handlerId(), "HOTLINE", get("/workspace/api/directory")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode self = new ObjectMapper().readTree(body).get("self");
		assertThat(self.get("recipientKind").asText()).isEqualTo("HOTLINE");
		assertThat(self.get("recipientId").asText()).isEqualTo(this.org.handlerId().toString());
		assertThat(self.get("hotlineId").asText()).isEqualTo(this.org.hotlineId().toString());
	}

	@Test
	void directoryWhenDirectorOrAnonymousThenRefused() throws Exception {
		UUID director = this.fixtures.account(this.org.id(), "DIRECTOR", null, true);
		assertThat(this.mvc.perform(as(director, "DIRECTOR", get("/workspace/api/directory")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		MockHttpServletResponse anonymous = this.mvc.perform(get("/workspace/api/directory")).andReturn().getResponse();
		assertThat(anonymous.getStatus()).isEqualTo(401);
		assertThat(anonymous.getContentAsString()).contains("unauthenticated");
	}

	private MockHttpServletRequestBuilder as(UUID accountId, String role, MockHttpServletRequestBuilder request) {
		Caller caller = new Caller(accountId, this.org.id(), Role.valueOf(role), "Test");
		return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + role)))));
	}

}

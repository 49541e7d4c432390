package nl.meldpunt.caseservice;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.accounts.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The workspace API called as a signed-in adviser of an organisation, in tests. */
public final class ApiCalls {

	private final MockMvc mvc;

	private final ObjectMapper json = new ObjectMapper();

	public ApiCalls(MockMvc mvc) {
		this.mvc = mvc;
	}

	/** The request as adviser {@code accountId} of {@code organisationId}, with CSRF. */
	public static MockHttpServletRequestBuilder as(UUID accountId, UUID organisationId,
			MockHttpServletRequestBuilder request) {
		Caller caller = new Caller(accountId, organisationId, Role.ADVISER, "Adviser");
		return request.contentType(MediaType.APPLICATION_JSON)
			.with(csrf())
			.with(authentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
					List.of(new SimpleGrantedAuthority("ROLE_ADVISER")))));
	}

	/** Performs an accepted call and reads its answer ({} when it has none). */
	public JsonNode call(UUID accountId, UUID organisationId, MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(as(accountId, organisationId, request)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isLessThan(300);
		String body = result.getResponse().getContentAsString();
		return body.isEmpty() ? this.json.createObjectNode() : this.json.readTree(body);
	}

	/**
	 * Performs a call that must be refused with {@code status} and problem {@code slug}.
	 */
	public void assertProblem(UUID accountId, UUID organisationId, MockHttpServletRequestBuilder request, int status,
			String slug) throws Exception {
		assertProblem(this.mvc.perform(as(accountId, organisationId, request)).andReturn(), status, slug);
	}

	/** The answer is a refusal with {@code status} and problem {@code slug}. */
	public void assertProblem(MvcResult result, int status, String slug) throws Exception {
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
		assertThat(this.json.readTree(result.getResponse().getContentAsString()).get("type").asText())
			.isEqualTo("https://meldpunt.nl/problems/" + slug);
	}

}

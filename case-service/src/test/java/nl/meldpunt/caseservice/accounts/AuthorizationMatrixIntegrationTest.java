package nl.meldpunt.caseservice.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.Fixtures.Org;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Who may call what: one table, every endpoint against every kind of caller. "Allow"
 * means the request got past security and found what it asked for; "deny" is 401, 403 or
 * the 404 a case gives to anyone who is not its recipient.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuthorizationMatrixIntegrationTest {

	enum Who {

		ANONYMOUS, REPORTER_TOKEN, PORTAL, ADVISER_RECIPIENT, ADVISER_NON_RECIPIENT, HOTLINE, DIRECTOR, ADMIN,
		OTHER_ORGANISATION,
		/**
		 * A recipient of the case whose account an administrator disabled (session still
		 * held).
		 */
		DISABLED_ADVISER,
		/** An administrator of the organisation whose account was disabled. */
		DISABLED_ADMIN

	}

	record Endpoint(String name, Function<UUID, MockHttpServletRequestBuilder> request, List<Who> allowed) {
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	ObjectMapper json = new ObjectMapper();

	Fixtures fixtures;

	Org org;

	Map<Who, UUID> accounts;

	String credential;

	@BeforeEach
	void people() {
		this.fixtures = new Fixtures(this.jdbc, this.setup);
		this.org = this.fixtures.organisation(2);
		Org other = this.fixtures.organisation(1);
		UUID disabledAdviser = this.fixtures.account(this.org.id(), "ADVISER", null, true);
		UUID disabledAdmin = this.fixtures.account(this.org.id(), "ADMIN", null, true);
		this.jdbc.update("update account set status = 'DISABLED' where id in (?, ?)", disabledAdviser, disabledAdmin);
		this.accounts = Map.of(Who.ADVISER_RECIPIENT, this.org.advisers().get(0), Who.ADVISER_NON_RECIPIENT,
				this.fixtures.account(this.org.id(), "ADVISER", null, true), Who.HOTLINE, this.org.handlerId(),
				Who.DIRECTOR, this.fixtures.account(this.org.id(), "DIRECTOR", null, true), Who.ADMIN,
				this.fixtures.account(this.org.id(), "ADMIN", null, true), Who.OTHER_ORGANISATION,
				other.advisers().get(0), Who.DISABLED_ADVISER, disabledAdviser, Who.DISABLED_ADMIN, disabledAdmin);
	}

	/**
	 * A fresh account of the organisation for an administrator's action to act on (a
	 * director: a new adviser would change who the next report must be sealed to).
	 */
	private UUID target(boolean enrolled) {
		return this.fixtures.account(this.org.id(), "DIRECTOR", null, enrolled);
	}

	@Test
	void everyEndpointAgainstEveryCaller() throws Exception {
		List<Who> signedIn = List.of(Who.ADVISER_RECIPIENT, Who.ADVISER_NON_RECIPIENT, Who.HOTLINE, Who.DIRECTOR,
				Who.ADMIN, Who.OTHER_ORGANISATION);
		List<Who> admin = List.of(Who.ADMIN);
		List<Endpoint> endpoints = List.of(
				new Endpoint("portal view", (id) -> get("/internal/v1/organisations/" + this.org.slug() + "/portal"),
						List.of(Who.PORTAL)),
				new Endpoint("reporter mailbox", (id) -> get("/internal/v1/mailbox"), List.of(Who.PORTAL)),
				new Endpoint("inbox", (id) -> get("/api/cases"),
						List.of(Who.ADVISER_RECIPIENT, Who.ADVISER_NON_RECIPIENT, Who.HOTLINE, Who.OTHER_ORGANISATION)),
				new Endpoint("case detail", (id) -> get("/api/cases/" + id), List.of(Who.ADVISER_RECIPIENT)),
				new Endpoint("fire event",
						(id) -> post("/api/cases/" + id + "/events").contentType(MediaType.APPLICATION_JSON)
							.content("{\"event\":\"ACKNOWLEDGE\"}"),
						List.of(Who.ADVISER_RECIPIENT)),
				new Endpoint("write note", this::noteRequest, List.of(Who.ADVISER_RECIPIENT)),
				new Endpoint("workspace directory", (id) -> get("/workspace/api/directory"),
						List.of(Who.ADVISER_RECIPIENT, Who.ADVISER_NON_RECIPIENT, Who.HOTLINE, Who.OTHER_ORGANISATION)),
				new Endpoint("list accounts", (id) -> get("/api/admin/accounts"), List.of(Who.ADMIN)),
				new Endpoint("organisation settings", (id) -> get("/api/admin/organisation"), List.of(Who.ADMIN)),
				new Endpoint("verify audit", (id) -> get("/api/admin/audit/verification"), admin),
				new Endpoint("verify audit checkpoints", (id) -> get("/api/admin/audit/checkpoints/verification"),
						admin),
				new Endpoint("invite",
						(id) -> post("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON)
							.content("{\"role\":\"ADVISER\",\"displayName\":\"N\",\"email\":\"" + UUID.randomUUID()
									+ "@example.org\"}"),
						admin),
				new Endpoint("new enrolment code",
						(id) -> post("/api/admin/accounts/" + target(false) + "/enrolment-code"), admin),
				new Endpoint("unlock account", (id) -> post("/api/admin/accounts/" + target(true) + "/unlock"), admin),
				new Endpoint("disable account", (id) -> post("/api/admin/accounts/" + target(true) + "/disable"),
						admin),
				new Endpoint("enable account", (id) -> post("/api/admin/accounts/" + target(true) + "/enable"), admin),
				new Endpoint("remove account", (id) -> delete("/api/admin/accounts/" + target(true)), admin),
				new Endpoint("add category",
						(id) -> post("/api/admin/organisation/categories").contentType(MediaType.APPLICATION_JSON)
							.content("{\"code\":\"c-" + UUID.randomUUID().toString().substring(0, 8)
									+ "\",\"nameNl\":\"C\",\"nameEn\":\"C\"}"),
						admin),
				new Endpoint("who am I", (id) -> get("/api/me"), signedIn),
				new Endpoint("key book", (id) -> get("/api/keybook"),
						List.of(Who.ADVISER_RECIPIENT, Who.ADVISER_NON_RECIPIENT, Who.HOTLINE, Who.OTHER_ORGANISATION)),
				new Endpoint("propose a threshold",
						(id) -> put("/api/admin/key-book/threshold").contentType(MediaType.APPLICATION_JSON)
							.content("{\"threshold\":2}"),
						List.of(Who.ADMIN)),
				new Endpoint("workspace enrolment page", (id) -> get("/workspace/enrol"), List.of(Who.values())));
		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : endpoints) {
			for (Who who : Who.values()) {
				UUID caseId = fileCase();
				MockHttpServletRequestBuilder request = as(who, endpoint.request().apply(caseId));
				int status = this.mvc.perform(request).andReturn().getResponse().getStatus();
				boolean allowed = status < 400;
				boolean expected = endpoint.allowed().contains(who);
				if (allowed != expected) {
					wrong.add(endpoint.name() + " as " + who + ": " + status + " but expected "
							+ (expected ? "allow" : "deny"));
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void inboxWhenNotRecipientThenCaseNotListed() throws Exception {
		UUID caseId = fileCase();
		String recipient = this.mvc.perform(as(Who.ADVISER_RECIPIENT, get("/api/cases")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(recipient).contains(caseId.toString());
		for (Who who : List.of(Who.ADVISER_NON_RECIPIENT, Who.HOTLINE, Who.OTHER_ORGANISATION)) {
			String body = this.mvc.perform(as(who, get("/api/cases"))).andReturn().getResponse().getContentAsString();
			assertThat(body).as(who.name()).doesNotContain(caseId.toString());
		}
	}

	/** A note for a case whose recipient made its staff key first (notes need one). */
	private MockHttpServletRequestBuilder noteRequest(UUID caseId) {
		try {
			int made = this.mvc.perform(as(Who.ADVISER_RECIPIENT,
					post("/api/cases/" + caseId + "/keys").contentType(MediaType.APPLICATION_JSON)
						.content(this.json.writeValueAsString(Map.of("purpose", "STAFF", "epoch", 0, "envelopes",
								this.org.advisers()
									.stream()
									.map((a) -> Fixtures.envelope("ADVISER", a.toString()))
									.toList())))))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(made).as("staff key").isEqualTo(201);
			UUID itemId = UUID.randomUUID();
			return post("/api/cases/" + caseId + "/items").contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("itemId", itemId.toString(), "kind", "NOTE", "ciphertext",
						Fixtures.sealedItem(this.org.id(), caseId, itemId, nl.meldpunt.crypto.ItemKind.NOTE))));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private MockHttpServletRequestBuilder as(Who who, MockHttpServletRequestBuilder request) {
		request.with(csrf());
		switch (who) {
			case ANONYMOUS -> {
			}
			case REPORTER_TOKEN -> request.header("X-Mailbox-Credential", this.credential);
			case PORTAL -> request.header("Authorization", "Bearer " + Fixtures.INTERNAL_SECRET)
				.header("X-Mailbox-Credential", this.credential);
			default -> {
				UUID accountId = this.accounts.get(who);
				String role = this.jdbc.queryForObject("select role from account where id = ?", String.class,
						accountId);
				UUID organisationId = this.jdbc.queryForObject("select organisation_id from account where id = ?",
						UUID.class, accountId);
				Caller caller = new Caller(accountId, organisationId, Role.valueOf(role), "Test");
				request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
						List.of(new SimpleGrantedAuthority("ROLE_" + role)))));
			}
		}
		return request;
	}

	private UUID fileCase() throws Exception {
		this.credential = Fixtures.credential();
		// the other adviser of the organisation is in no key book: never a recipient
		Map<String, Object> filing = Fixtures.filing(this.org, this.credential, List.of());
		int status = this.mvc
			.perform(post("/internal/v1/organisations/" + this.org.slug() + "/cases")
				.header("Authorization", "Bearer " + Fixtures.INTERNAL_SECRET)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(filing)))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(201);
		UUID caseId = UUID.fromString((String) filing.get("caseId"));
		// the disabled adviser was a recipient before an administrator disabled the
		// account
		this.jdbc.update(
				"insert into key_envelope (case_id, organisation_id, recipient_kind, recipient_id, envelope, created_on)"
						+ " values (?, ?, 'ADVISER', ?, ?, current_date)",
				caseId, this.org.id(), this.accounts.get(Who.DISABLED_ADVISER).toString(), Fixtures.sealedEnvelope());
		return caseId;
	}

}

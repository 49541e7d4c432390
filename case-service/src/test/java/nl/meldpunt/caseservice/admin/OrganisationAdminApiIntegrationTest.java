package nl.meldpunt.caseservice.admin;

import java.util.List;
import java.util.UUID;

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
import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.accounts.Role;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class OrganisationAdminApiIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	Org org;

	UUID admin;

	@BeforeEach
	void organisation() {
		Fixtures fixtures = new Fixtures(this.jdbc, this.setup);
		this.org = fixtures.organisation(1);
		this.admin = fixtures.account(this.org.id(), "ADMIN", null, true);
	}

	@Test
	void settingsWhenValidThenStoredAndAccessCodeRequired() throws Exception {
		this.mvc.perform(asAdmin(put("/api/admin/organisation/settings")).content(
				"{\"retentionMonths\":12,\"minCellSize\":3,\"maxAttachmentBytes\":1000000,\"accessCode\":\"open-sesame\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.retentionMonths").value(12))
			.andExpect(jsonPath("$.accessCodeRequired").value(true));
		assertThat(this.jdbc.queryForObject("select min_cell_size from organisation where id = ?", Integer.class,
				this.org.id()))
			.isEqualTo(3);
	}

	@Test
	void settingsWhenCellSizeBelowThreeThen400AndNothingChanged() throws Exception {
		this.mvc
			.perform(asAdmin(put("/api/admin/organisation/settings"))
				.content("{\"retentionMonths\":12,\"minCellSize\":2,\"maxAttachmentBytes\":1000000}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://meldpunt.nl/problems/invalid-request"));
		assertThat(this.jdbc.queryForObject("select min_cell_size from organisation where id = ?", Integer.class,
				this.org.id()))
			.isEqualTo(5);
	}

	@Test
	void unitsAndCategoriesWhenAddedThenListedAndDuplicatesRefused() throws Exception {
		this.mvc
			.perform(asAdmin(post("/api/admin/organisation/units")).content(
					"{\"code\":\"wijkteam-noord\",\"nameNl\":\"Wijkteam Noord\",\"nameEn\":\"District team North\"}"))
			.andExpect(status().isCreated());
		this.mvc
			.perform(asAdmin(post("/api/admin/organisation/categories"))
				.content("{\"code\":\"racism\",\"nameNl\":\"x\",\"nameEn\":\"x\"}"))
			.andExpect(status().isConflict());
		this.mvc.perform(asAdmin(get("/api/admin/organisation")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.units[0].code").value("wijkteam-noord"))
			.andExpect(jsonPath("$.categories.length()").value(10));
	}

	@Test
	void configurationWhenChangedThenEachChangeAuditedWithTheAdministrator() throws Exception {
		this.mvc
			.perform(asAdmin(post("/api/admin/organisation/units"))
				.content("{\"code\":\"team-zuid\",\"nameNl\":\"Team Zuid\",\"nameEn\":\"Team South\"}"))
			.andExpect(status().isCreated());
		this.mvc
			.perform(asAdmin(post("/api/admin/organisation/categories"))
				.content("{\"code\":\"language\",\"nameNl\":\"Taal\",\"nameEn\":\"Language\"}"))
			.andExpect(status().isCreated());
		String hotline = this.mvc
			.perform(asAdmin(post("/api/admin/organisation/hotlines"))
				.content("{\"name\":\"Bureau\",\"descriptionNl\":\"b\",\"descriptionEn\":\"b\",\"contact\":\"0800\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"hotlineId\":\"([^\"]+)\".*", "$1");
		assertThat(this.jdbc.queryForList(
				"select action || ' ' || detail from audit_entry where organisation_id = ? and actor_kind = 'ADMIN'"
						+ " and actor_id = ? order by seq",
				String.class, this.org.id(), this.admin.toString()))
			.containsExactly("UNIT_ADDED team-zuid", "CATEGORY_ADDED language", "HOTLINE_ADDED " + hotline);
	}

	private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		Caller caller = new Caller(this.admin, this.org.id(), Role.ADMIN, "Admin");
		return request.contentType(MediaType.APPLICATION_JSON)
			.with(csrf())
			.with(authentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
					List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
	}

}

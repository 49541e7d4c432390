package nl.meldpunt.caseservice.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.accounts.Role;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;
import nl.meldpunt.caseservice.organisations.OrganisationUnit;
import nl.meldpunt.caseservice.organisations.OrganisationUnits;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Units are checked against the organisation's configuration on the server: an adviser
 * closing a case with a unit nobody configured (a team name typed in) gets a clear
 * refusal, and the case stays open.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClassificationUnitIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	@Autowired
	OrganisationUnits units;

	@Test
	void closeWhenUnitIsNotConfiguredThenUnknownUnitProblemAndTheCaseStaysOpen() throws Exception {
		Fixtures fixtures = new Fixtures(this.jdbc, this.setup);
		Fixtures.Org org = fixtures.organisation(1);
		this.units.save(new OrganisationUnit(org.id(), "care", "Zorg", "Care"));
		UUID adviser = org.advisers().get(0);
		UUID caseId = fixtures.caseRow(org, List.of(adviser), "FEEDBACK_GIVEN", LocalDate.now().minusDays(40));
		Caller caller = new Caller(adviser, org.id(), Role.ADVISER, "Adviser");
		String close = """
				{"event": "CLOSE", "closing": {"category": "racism", "unit": "%s", "track": "INFORMAL",
				 "outcome": "RESOLVED"}}
				""";
		this.mvc
			.perform(post("/api/cases/" + caseId + "/events").contentType(MediaType.APPLICATION_JSON)
				.content(close.formatted("payroll-team-jansen"))
				.with(csrf())
				.with(authentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
						List.of(new SimpleGrantedAuthority("ROLE_ADVISER"))))))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.type").value("https://meldpunt.nl/problems/unknown-unit"));
		assertThat(this.jdbc.queryForObject("select state from case_file where id = ?", String.class, caseId))
			.isEqualTo("FEEDBACK_GIVEN");
		this.mvc
			.perform(post("/api/cases/" + caseId + "/events").contentType(MediaType.APPLICATION_JSON)
				.content(close.formatted("care"))
				.with(csrf())
				.with(authentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
						List.of(new SimpleGrantedAuthority("ROLE_ADVISER"))))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("CLOSED"));
	}

}

package nl.meldpunt.caseservice.statistics;

import java.util.List;
import java.util.UUID;

import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.accounts.Role;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Signs a request in as a real, active staff account of the organisation: every staff
 * request checks that its account still exists and is active, so the account is stored
 * first (and the organisation, if a test made up its id).
 */
final class StaffSignIn {

	private StaffSignIn() {
	}

	static RequestPostProcessor as(JdbcTemplate jdbc, UUID organisation, Role role) {
		UUID account = UUID.randomUUID();
		jdbc.update("insert into organisation (id, slug, name) values (?, ?, ?) on conflict do nothing", organisation,
				"stats-" + organisation.toString().replace("-", ""), "Statistics " + organisation);
		UUID hotline = null;
		if (role == Role.HOTLINE) {
			hotline = UUID.randomUUID();
			jdbc.update("insert into hotline (id, organisation_id, name, description_nl, description_en, contact)"
					+ " values (?, ?, ?, '-', '-', '-')", hotline, organisation, "Hotline " + hotline);
		}
		jdbc.update(
				"insert into account (id, organisation_id, role, display_name, email, hotline_id) values (?, ?, ?, ?, ?, ?)",
				account, organisation, role.name(), "Test " + role + " " + account, account + "@example.org", hotline);
		Caller caller = new Caller(account, organisation, role, "Test " + role);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
	}

}

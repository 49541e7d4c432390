package nl.meldpunt.caseservice.statistics;

import java.util.List;
import java.util.UUID;

import nl.meldpunt.caseservice.accounts.Caller;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/**
 * Signs in a real, active account: every staff request checks that the account still
 * exists and is active, so the organisation and the account are stored first.
 */
class WithDirectorSecurityContextFactory implements WithSecurityContextFactory<WithDirector> {

	private final JdbcTemplate jdbc;

	WithDirectorSecurityContextFactory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public SecurityContext createSecurityContext(WithDirector annotation) {
		UUID organisation = UUID.fromString(annotation.organisation());
		UUID account = UUID.randomUUID();
		this.jdbc.update("insert into organisation (id, slug, name) values (?, ?, ?) on conflict do nothing",
				organisation, "stats-" + organisation.toString().replace("-", ""), "Statistics " + organisation);
		this.jdbc.update("insert into account (id, organisation_id, role, display_name, email) values (?, ?, ?, ?, ?)",
				account, organisation, annotation.role().name(), "Test " + annotation.role(), account + "@example.org");
		Caller caller = new Caller(account, organisation, annotation.role(), "Test " + annotation.role());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + annotation.role().name()))));
		return context;
	}

}

package nl.meldpunt.caseservice.statistics;

import java.util.List;
import java.util.UUID;

import nl.meldpunt.caseservice.accounts.Caller;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

class WithDirectorSecurityContextFactory implements WithSecurityContextFactory<WithDirector> {

	@Override
	public SecurityContext createSecurityContext(WithDirector annotation) {
		Caller caller = new Caller(UUID.randomUUID(), UUID.fromString(annotation.organisation()), annotation.role(),
				"Test " + annotation.role());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + annotation.role().name()))));
		return context;
	}

}

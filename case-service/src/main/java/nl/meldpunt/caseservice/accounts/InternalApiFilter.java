package nl.meldpunt.caseservice.accounts;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates the reporter portal by its bearer secret; no session, no cookie. */
class InternalApiFilter extends OncePerRequestFilter {

	static final String PORTAL_ROLE = "ROLE_PORTAL";

	private final InternalApiSecret secret;

	InternalApiFilter(InternalApiSecret secret) {
		this.secret = secret;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.secret.matches(request.getHeader("Authorization"))) {
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("reporter-portal", null,
					List.of(new SimpleGrantedAuthority(PORTAL_ROLE))));
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}

}

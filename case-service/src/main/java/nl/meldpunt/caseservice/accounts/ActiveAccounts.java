package nl.meldpunt.caseservice.accounts;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session outlives nothing an administrator decides: on every request of a signed-in
 * person, the account must still be {@link AccountStatus#ACTIVE}. A disabled or removed
 * account's session is ended on its next request, which then goes on as anonymous (and so
 * is refused wherever a sign-in is needed). One indexed primary-key read per staff
 * request; reporters and the portal never pass here.
 */
final class ActiveAccounts extends OncePerRequestFilter {

	private final JdbcTemplate jdbc;

	ActiveAccounts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Caller caller && !active(caller)) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
		}
		chain.doFilter(request, response);
	}

	private boolean active(Caller caller) {
		List<String> status = this.jdbc.queryForList(
				"select status from account where id = ? and organisation_id = ? and role = ?", String.class,
				caller.accountId(), caller.organisationId(), caller.role().name());
		return status.size() == 1 && AccountStatus.ACTIVE.name().equals(status.get(0));
	}

}

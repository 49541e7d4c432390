package nl.meldpunt.caseservice.accounts;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.web.ProblemResponses;

/**
 * Who may enter which URL space (CONTRACTS.md section 6). The internal API is a separate
 * chain because it authenticates a service by a bearer secret and must never create a
 * session; everything else is session-based with CSRF protection.
 */
@Configuration
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain internalApi(HttpSecurity http, InternalApiSecret secret) throws Exception {
		return http.securityMatcher("/internal/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.requireExplicitSave(true))
			.addFilterBefore(new InternalApiFilter(secret), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/internal/v1/**")
				.hasAuthority(InternalApiFilter.PORTAL_ROLE)
				.anyRequest()
				.denyAll())
			.exceptionHandling((errors) -> errors
				.authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(response,
						Problem.UNAUTHENTICATED, "The internal API needs the portal's secret."))
				.accessDeniedHandler(
						(request, response, ex) -> ProblemResponses.write(response, Problem.FORBIDDEN, "Not allowed.")))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain people(HttpSecurity http, JdbcTemplate jdbc, ObjectProvider<OidcSignIn> oidc) throws Exception {
		OidcSignIn signIn = oidc.getIfAvailable();
		if (signIn != null) {
			signIn.configure(http);
		}
		return http
			.csrf((csrf) -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
				.ignoringRequestMatchers("/login", "/login/key", "/enrol", "/enrol/invitation"))
			.securityContext((context) -> context.securityContextRepository(securityContextRepository()))
			.requestCache((cache) -> cache.disable())
			// a disabled or removed account's session ends on its next request
			.addFilterBefore(new ActiveAccounts(jdbc), AnonymousAuthenticationFilter.class)
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(
					"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none';"
							+ " base-uri 'none'; frame-ancestors 'none'; form-action 'self'")))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/login", "/login/key", "/logout", "/enrol", "/enrol/invitation", "/setup",
						"/actuator/health/**", "/actuator/health", "/error", "/meldpunt-crypto/**", "/meldpunt-base/**",
						"/css/**", "/js/**", "/favicon.ico", "/workspace/login", "/en/workspace/login",
						"/workspace/enrol", "/en/workspace/enrol", "/workspace/assets/**")
				.permitAll()
				// metrics: for the machine's own Prometheus only (behind the proxy the
				// caller is the forwarded client, so never loopback)
				.requestMatchers("/actuator/prometheus")
				.access((authentication,
						context) -> new AuthorizationDecision(isLoopback(context.getRequest().getRemoteAddr())))
				.requestMatchers("/api/me", "/api/me/**")
				.authenticated()
				.requestMatchers("/statistics/**", "/api/statistics/**")
				.hasRole(Role.DIRECTOR.name())
				.requestMatchers("/admin/**", "/api/admin/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers("/workspace/**", "/en/workspace/**", "/api/cases/**", "/api/keybook/**")
				.hasAnyRole(Role.ADVISER.name(), Role.HOTLINE.name())
				.anyRequest()
				.denyAll())
			.exceptionHandling((errors) -> errors.authenticationEntryPoint(SecurityConfiguration::signInFirst)
				.accessDeniedHandler(SecurityConfiguration::notForThisRole))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessHandler(SecurityConfiguration::signedOut))
			.build();
	}

	private static boolean isLoopback(String address) {
		return "127.0.0.1".equals(address) || "0:0:0:0:0:0:0:1".equals(address) || "::1".equals(address);
	}

	/**
	 * A person opening a workspace page or the statistics dashboard without a session is
	 * sent to the log-in page (same language); every API call gets a ProblemDetail.
	 */
	private static void signInFirst(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		String path = request.getRequestURI();
		boolean page = "GET".equals(request.getMethod()) && !path.startsWith("/workspace/api/")
				&& (path.startsWith("/workspace") || path.startsWith("/en/workspace") || "/statistics".equals(path));
		if (page) {
			boolean english = path.startsWith("/en/") || "en".equals(request.getParameter("lang"));
			response.sendRedirect(english ? "/workspace/login?lang=en" : "/workspace/login");
			return;
		}
		ProblemResponses.write(response, Problem.UNAUTHENTICATED, "Please sign in.");
	}

	/**
	 * A director opening a workspace page is sent to the statistics (same language), the
	 * page made for them; anything else refused gets a ProblemDetail.
	 */
	private static void notForThisRole(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException ex) throws IOException {
		String path = request.getRequestURI();
		boolean page = "GET".equals(request.getMethod()) && !path.startsWith("/workspace/api/")
				&& (path.startsWith("/workspace") || path.startsWith("/en/workspace"));
		if (page && request.isUserInRole(Role.DIRECTOR.name())) {
			boolean english = path.startsWith("/en/") || "en".equals(request.getParameter("lang"));
			response.sendRedirect(english ? "/statistics?lang=en" : "/statistics");
			return;
		}
		ProblemResponses.write(response, Problem.FORBIDDEN, "You are not allowed to do this.");
	}

	/**
	 * The workspace signs out by script (204); the statistics page, which has no script,
	 * by a plain form, and then goes to the log-in page in its language.
	 */
	private static void signedOut(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		String type = request.getContentType();
		if (type != null && type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
			response.sendRedirect(
					"en".equals(request.getParameter("lang")) ? "/workspace/login?lang=en" : "/workspace/login");
			return;
		}
		response.setStatus(HttpStatus.NO_CONTENT.value());
	}

	/**
	 * No observation around each security filter, authentication and authorization: with
	 * an observation registry present, Spring Security would otherwise wrap every filter
	 * of every request (a dozen per filing) in an observation that nothing here reads.
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	/** Slow hashes of the log-in secret (per log-in, never per report). */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}

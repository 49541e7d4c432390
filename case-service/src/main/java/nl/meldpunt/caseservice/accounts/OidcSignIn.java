package nl.meldpunt.caseservice.accounts;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.SecurityContextRepository;

import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.web.ProblemResponses;

/**
 * Staff sign-in through the organisation's OIDC provider, when
 * {@code meldpunt.oidc.enabled=true}: the workspace's "sign in with your organisation's
 * account" goes to {@code /oauth2/authorization/oidc}, the provider comes back to
 * {@code /login/oauth2/code/oidc}. An identity that is no enrolled, active account is
 * refused with a ProblemDetail ({@link OidcAccounts} decides); a signed-in person gets
 * the same session as after passphrase+TOTP, and the browser still needs the passphrase
 * to unlock the key. No token of the provider is kept (not in the session, not in a log).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "meldpunt.oidc.enabled", havingValue = "true")
class OidcSignIn {

	static final String REGISTRATION = "oidc";

	private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

	private final ClientRegistrationRepository registrations;

	private final OidcRequests requests;

	private final OidcAccounts accounts;

	private final SecurityContextRepository contexts;

	private final OidcUserService provider = new OidcUserService();

	OidcSignIn(OidcSettings settings, OidcAccounts accounts, SecurityContextRepository contexts, JdbcTemplate jdbc,
			Clock clock) {
		this.registrations = new IssuerRegistration(settings);
		this.requests = new OidcRequests(jdbc, clock);
		this.accounts = accounts;
		this.contexts = contexts;
	}

	/** Adds the OIDC log-in to the staff chain. */
	void configure(HttpSecurity http) throws Exception {
		http.oauth2Login((login) -> login.loginPage("/workspace/login")
			.clientRegistrationRepository(this.registrations)
			.authorizedClientRepository(new NoAuthorizedClients())
			.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestRepository(this.requests))
			.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(this::identify))
			.successHandler(this::signedIn)
			.failureHandler(this::refused));
	}

	private OidcUser identify(OidcUserRequest request) {
		OidcUser user = this.provider.loadUser(request);
		OidcAccounts.Outcome outcome = this.accounts.signIn(user.getIssuer().toString(), user.getSubject(),
				user.getEmail(), Boolean.TRUE.equals(user.getEmailVerified()));
		if (outcome.caller() == null) {
			throw new OAuth2AuthenticationException(new OAuth2Error(outcome.refusal().slug(), outcome.detail(), null));
		}
		return new Identified(user, outcome.caller());
	}

	/**
	 * The same session as a passphrase+TOTP log-in: the principal is the {@link Caller}.
	 */
	private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		Caller caller = ((Identified) authentication.getPrincipal()).caller;
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new CallerAuthentication(caller));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		response.sendRedirect((caller.role() == Role.DIRECTOR) ? "/statistics" : "/workspace");
	}

	private void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String code = (ex instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode() : "";
		Problem problem = Problem.OIDC_SIGN_IN_FAILED;
		String detail = "Signing in with your organisation's account did not succeed (the answer was expired, not"
				+ " ours or not valid). Please start again from the sign-in page.";
		for (Problem known : new Problem[] { Problem.OIDC_NO_ACCOUNT, Problem.OIDC_ACCOUNT_DISABLED }) {
			if (known.slug().equals(code)) {
				problem = known;
				detail = ((OAuth2AuthenticationException) ex).getError().getDescription();
			}
		}
		if (problem == Problem.OIDC_SIGN_IN_FAILED) {
			// the provider's error code only (never its description, a token or the
			// state)
			log.info("OIDC sign-in failed: {}", code.replaceAll("[^a-z_]", ""));
		}
		else {
			log.info("OIDC sign-in refused: {}", code);
		}
		if (wantsPage(request)) {
			// a person in a browser: the sign-in page says it in their language
			response.sendRedirect("/workspace/login?refused=" + problem.slug());
			return;
		}
		ProblemResponses.write(response, problem, detail);
	}

	/** A browser navigating (it asks for HTML by name), not a script or an API client. */
	static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch((type) -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/** A provider identity that is a Meldpunt account. */
	private static final class Identified extends DefaultOidcUser {

		private static final long serialVersionUID = 1L;

		private final transient Caller caller;

		Identified(OidcUser user, Caller caller) {
			super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
			this.caller = caller;
		}

	}

	/**
	 * The provider's registration, read from its discovery document on first use (so an
	 * unreachable provider does not stop the case service from starting; it is tried
	 * again at the next sign-in).
	 */
	private static final class IssuerRegistration implements ClientRegistrationRepository {

		private final OidcSettings settings;

		private volatile ClientRegistration registration;

		IssuerRegistration(OidcSettings settings) {
			this.settings = settings;
			settings.secret(); // a missing or readable-by-others secret file stops the
								// start
		}

		@Override
		public ClientRegistration findByRegistrationId(String registrationId) {
			if (!REGISTRATION.equals(registrationId)) {
				return null;
			}
			ClientRegistration found = this.registration;
			if (found == null) {
				synchronized (this) {
					found = this.registration;
					if (found == null) {
						found = ClientRegistrations.fromIssuerLocation(this.settings.issuer().toString())
							.registrationId(REGISTRATION)
							.clientId(this.settings.clientId())
							.clientSecret(this.settings.secret())
							.scope("openid", "email")
							.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
							.build();
						this.registration = found;
					}
				}
			}
			return found;
		}

	}

	/** The provider's access token is not needed after sign-in, so it is never stored. */
	private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

	}

}

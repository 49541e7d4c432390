package nl.meldpunt.caseservice.accounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.meldpunt.caseservice.organisations.OrganisationSetup;
import nl.meldpunt.crypto.RecipientPrivateKey;
import nl.meldpunt.crypto.WrappedPrivateKey;
import nl.meldpunt.crypto.testing.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff sign-in through an organisation's OIDC provider (Spring Authorization Server
 * started in this JVM, {@link TestOidcProvider}), followed the way a browser follows the
 * redirects.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcSignInIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) throws Exception {
		Path secret = Files.createTempFile("oidc-client-secret", "",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(secret, TestOidcProvider.CLIENT_SECRET + "\n");
		secret.toFile().deleteOnExit();
		registry.add("meldpunt.oidc.enabled", () -> "true");
		registry.add("meldpunt.oidc.issuer", TestOidcProvider::issuer);
		registry.add("meldpunt.oidc.client-id", () -> TestOidcProvider.CLIENT_ID);
		registry.add("meldpunt.oidc.client-secret-file", secret::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Enrolments enrolments;

	@Autowired
	OrganisationSetup setup;

	@Autowired
	JdbcTemplate jdbc;

	StaffHttp staff;

	final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void staff() {
		this.staff = new StaffHttp(this.rest, this.enrolments, this.setup);
	}

	@Test
	void signInWhenVerifiedEmailOfEnrolledAccountThenSessionAndKeyStillWrappedUnderPassphrase() throws Exception {
		StaffHttp.Person adviser = this.staff.enrol(this.staff.organisation(), Role.ADVISER);
		String subject = identity(adviser.email(), true, null);

		SignIn signIn = signIn(subject);
		assertThat(signIn.callback.statusCode()).isEqualTo(302);
		assertThat(signIn.callback.headers().firstValue("Location")).hasValue(base() + "/workspace");
		JsonNode me = me(signIn.session());
		assertThat(me.get("caller").get("accountId").asText()).isEqualTo(adviser.accountId().toString());
		assertThat(me.get("caller").get("role").asText()).isEqualTo("ADVISER");
		// OIDC replaced passphrase+TOTP only: the browser gets the key as wrapped at
		// enrolment and still needs the passphrase to open it
		byte[] wrapped = Base64.getUrlDecoder().decode(me.get("wrappedPrivateKey").asText());
		assertThat(wrapped).isEqualTo(StaffHttp.ENROLMENT.wrappedKey().toBytes());
		RecipientPrivateKey unwrapped = WrappedPrivateKey.parse(wrapped).unwrap(StaffHttp.PASSPHRASE);
		assertThat(unwrapped.publicKey()).isEqualTo(StaffHttp.KEY.publicKey());
		assertThat(auditActions(adviser)).contains("OIDC_LINKED", "LOGIN_OIDC");
		assertThat(this.jdbc.queryForMap("select oidc_issuer, oidc_subject from account where id = ?",
				adviser.accountId()))
			.containsEntry("oidc_issuer", TestOidcProvider.issuer())
			.containsEntry("oidc_subject", subject);
	}

	@Test
	void signInWhenLinkedSubjectThenTheSubjectCountsNotTheEmail() throws Exception {
		StaffHttp.Person adviser = this.staff.enrol(this.staff.organisation(), Role.ADVISER);
		String subject = identity(adviser.email(), true, null);
		assertThat(signIn(subject).callback.statusCode()).isEqualTo(302);

		// the provider renames the person: the linked subject still is the account
		TestOidcProvider.IDENTITIES.put(subject, new TestOidcProvider.Identity("renamed@example.org", true, null));
		SignIn again = signIn(subject);
		assertThat(me(again.session()).get("caller").get("accountId").asText())
			.isEqualTo(adviser.accountId().toString());

		// someone else who now has the address at the provider is not let in
		String newcomer = identity(adviser.email(), true, null);
		assertRefused(signIn(newcomer).callback, 403, "oidc-no-account");
	}

	@Test
	void signInWhenNoAccountThenRefusedAndNoAccountCreated() throws Exception {
		Integer before = this.jdbc.queryForObject("select count(*) from account", Integer.class);
		SignIn signIn = signIn(identity(UUID.randomUUID() + "@example.org", true, null));
		assertRefused(signIn.callback, 403, "oidc-no-account");
		assertThat(signIn.callback.headers().allValues("Set-Cookie")).noneMatch((c) -> c.startsWith("SESSION="));
		assertThat(this.jdbc.queryForObject("select count(*) from account", Integer.class)).isEqualTo(before);
	}

	@Test
	void signInWhenNoAccountFromABrowserThenTheSignInPageSaysSoInsteadOfProblemJson() throws Exception {
		SignIn signIn = signIn(identity(UUID.randomUUID() + "@example.org", true, null),
				"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		assertThat(signIn.callback.statusCode()).isEqualTo(302);
		String location = signIn.callback.headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith("/workspace/login?refused=oidc-no-account");
		assertThat(signIn.callback.headers().allValues("Set-Cookie")).noneMatch((c) -> c.startsWith("SESSION="));
		// an API client asking for anything still gets the problem document
		assertRefused(signIn(identity(UUID.randomUUID() + "@example.org", true, null), "*/*").callback, 403,
				"oidc-no-account");

		Assumptions.assumeTrue(HeadlessChromium.available(), "chromium not installed");
		try (HeadlessChromium chromium = new HeadlessChromium("oidc", "refused", HeadlessChromium.DESKTOP)) {
			chromium.open(location.startsWith("/") ? base() + location : location);
			chromium.waitText("login-expired", "Bij de aanmelding met het account van uw organisatie hoort geen");
			chromium.screenshot("no-account");
			chromium.open(base() + "/workspace/login?lang=en&refused=oidc-account-disabled");
			chromium.waitText("login-expired", "Your Meldpunt account is disabled");
			// anything else in the address is no sentence of ours
			chromium.open(base() + "/workspace/login?refused=%3Cb%3Ehacked%3C/b%3E");
			chromium.waitVisible("login-form");
			assertThat(chromium.all("#login-expired")).isEmpty();
			assertThat(chromium.accessibilityViolations()).isEmpty();
		}
	}

	@Test
	void signInWhenEmailNotVerifiedThenRefused() throws Exception {
		StaffHttp.Person adviser = this.staff.enrol(this.staff.organisation(), Role.ADVISER);
		assertRefused(signIn(identity(adviser.email(), false, null)).callback, 403, "oidc-no-account");
		assertThat(this.jdbc.queryForObject("select oidc_subject from account where id = ?", String.class,
				adviser.accountId()))
			.isNull();
	}

	@Test
	void signInWhenAccountDisabledThenRefusedAndAudited() throws Exception {
		StaffHttp.Person adviser = this.staff.enrol(this.staff.organisation(), Role.ADVISER);
		this.jdbc.update("update account set status = 'DISABLED' where id = ?", adviser.accountId());
		assertRefused(signIn(identity(adviser.email(), true, null)).callback, 403, "oidc-account-disabled");
		assertThat(auditActions(adviser)).contains("LOGIN_FAILED").doesNotContain("LOGIN_OIDC", "OIDC_LINKED");
	}

	@Test
	void signInWhenIdTokenFromAnotherIssuerThenRefused() throws Exception {
		StaffHttp.Person adviser = this.staff.enrol(this.staff.organisation(), Role.ADVISER);
		SignIn signIn = signIn(identity(adviser.email(), true, "https://other-provider.example"));
		assertRefused(signIn.callback, 401, "oidc-sign-in-failed");
		assertThat(auditActions(adviser)).doesNotContain("LOGIN_OIDC");
	}

	@Test
	void callbackWhenStateForgedOrRequestCookieMissingOrTamperedThenRefused() throws Exception {
		StaffHttp.Person adviser = this.staff.enrol(this.staff.organisation(), Role.ADVISER);
		String subject = identity(adviser.email(), true, null);
		Started started = start();
		String code = authorize(started.authorizeUri, subject);
		URI callback = URI.create(code);
		String query = callback.getRawQuery();
		String forgedState = query.replaceAll("state=[^&]+", "state=forged");
		assertRefused(get(base() + callback.getRawPath() + "?" + forgedState, started.requestCookie), 401,
				"oidc-sign-in-failed");
		assertRefused(get(code, null), 401, "oidc-sign-in-failed");
		String value = started.requestCookie.substring(started.requestCookie.indexOf('=') + 1);
		char last = value.charAt(value.length() - 2);
		String tampered = OidcRequests.COOKIE + "=" + value.substring(0, value.length() - 2)
				+ ((last == 'A') ? 'B' : 'A') + value.charAt(value.length() - 1);
		assertRefused(get(code, tampered), 401, "oidc-sign-in-failed");
		assertThat(auditActions(adviser)).doesNotContain("LOGIN_OIDC");
	}

	@Test
	void requestCookieIsLaxHttpOnlyAndLimitedToTheCallback() throws Exception {
		Started started = start();
		assertThat(started.setCookie).contains("HttpOnly", "SameSite=Lax", "Path=/login/oauth2/code/", "Max-Age=300");
		assertThat(started.authorizeUri).startsWith(TestOidcProvider.issuer() + "/oauth2/authorize?")
			.contains("nonce=", "state=", "scope=openid%20email");
	}

	@Test
	void logInPageOffersTheOrganisationsSignInWhenOidcIsOn() throws Exception {
		HttpResponse<String> page = get(base() + "/workspace/login", null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-oidc=\"true\"");
	}

	@Test
	void passphraseAndTotpLogInStillWorksWhenOidcIsOn() {
		StaffHttp.Person adviser = this.staff.enrol(this.staff.organisation(), Role.ADVISER);
		assertThat(this.staff.logIn(adviser, StaffHttp.step()).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	// --- the browser's part ---

	record Started(String authorizeUri, String requestCookie, String setCookie) {
	}

	record SignIn(HttpResponse<String> callback) {

		String session() {
			return this.callback.headers()
				.allValues("Set-Cookie")
				.stream()
				.filter((c) -> c.startsWith("SESSION="))
				.map((c) -> c.split(";")[0])
				.findFirst()
				.orElseThrow();
		}

	}

	private static String identity(String email, boolean verified, String issuer) {
		String subject = "person-" + UUID.randomUUID();
		TestOidcProvider.IDENTITIES.put(subject, new TestOidcProvider.Identity(email, verified, issuer));
		return subject;
	}

	private SignIn signIn(String subject) throws Exception {
		return signIn(subject, null);
	}

	/** The callback as sent with this {@code Accept} header (none when null). */
	private SignIn signIn(String subject, String accept) throws Exception {
		Started started = start();
		HttpRequest.Builder callback = HttpRequest.newBuilder(URI.create(authorize(started.authorizeUri, subject)))
			.header("Cookie", started.requestCookie);
		if (accept != null) {
			callback.header("Accept", accept);
		}
		return new SignIn(this.browser.send(callback.build(), HttpResponse.BodyHandlers.ofString()));
	}

	private Started start() throws Exception {
		HttpResponse<String> start = get(base() + "/oauth2/authorization/oidc", null);
		assertThat(start.statusCode()).isEqualTo(302);
		String setCookie = start.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith(OidcRequests.COOKIE + "="))
			.findFirst()
			.orElseThrow();
		return new Started(start.headers().firstValue("Location").orElseThrow(), setCookie.split(";")[0], setCookie);
	}

	/** The person signs in at the provider, which redirects back with a code. */
	private String authorize(String authorizeUri, String subject) throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString((subject + ":" + TestOidcProvider.PASSWORD).getBytes(StandardCharsets.UTF_8));
		// the provider's endpoint sees a person signed in to its session (HTTP Basic
		// authenticates only after it)
		HttpResponse<String> signedIn = this.browser.send(
				HttpRequest.newBuilder(URI.create(authorizeUri)).header("Authorization", "Basic " + basic).build(),
				HttpResponse.BodyHandlers.ofString());
		String providerSession = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		HttpResponse<String> authorized = get(authorizeUri, providerSession);
		assertThat(authorized.statusCode()).isEqualTo(302);
		String location = authorized.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(base() + "/login/oauth2/code/oidc?code=");
		return location;
	}

	private HttpResponse<String> get(String uri, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode me(String session) throws Exception {
		HttpResponse<String> me = get(base() + "/api/me", session);
		assertThat(me.statusCode()).isEqualTo(200);
		return JSON.readTree(me.body());
	}

	private List<String> auditActions(StaffHttp.Person person) {
		return this.jdbc.queryForList("select action from audit_entry where actor_id = ?", String.class,
				person.accountId().toString());
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static void assertRefused(HttpResponse<String> response, int status, String slug) throws Exception {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("type").asText()).isEqualTo("https://meldpunt.nl/problems/" + slug);
		assertThat(body.get("detail").asText()).isNotBlank();
	}

}

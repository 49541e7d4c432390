package nl.meldpunt.caseservice.accounts;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.TestEnrolments;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;
import nl.meldpunt.crypto.Enrolment;
import nl.meldpunt.crypto.RecipientPrivateKey;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LogInIntegrationTest {

	static final String PASSPHRASE = "correct horse battery staple";

	/** Wrapping is deliberately slow, so one key pair serves every test. */
	static RecipientPrivateKey key;

	static Enrolment enrolment;

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	@Autowired
	Enrolments enrolments;

	static TestEnrolments keys;

	@BeforeAll
	static void wrapOnce() {
		keys = new TestEnrolments(PASSPHRASE);
		key = keys.key;
		enrolment = keys.enrolment;
	}

	@Test
	void logInWhenSecretAndCodeRightThenSessionInDatabaseAndCallerPrincipal() throws Exception {
		Enrolled person = enrolAdviser();
		ResponseEntity<JsonNode> keyResponse = post("/login/key", Map.of("email", person.email()), null);
		byte[] header = java.util.Base64.getUrlDecoder().decode(keyResponse.getBody().get("kdfHeader").asText());
		assertThat(header).isEqualTo(enrolment.wrappedKey().kdfHeader());
		assertThat(nl.meldpunt.crypto.LoginSecret.derive(header, PASSPHRASE)).isEqualTo(enrolment.loginSecret());
		ResponseEntity<JsonNode> loggedIn = logIn(person, code(person.totpSecret()));
		assertThat(loggedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(loggedIn.getBody().get("caller").get("role").asText()).isEqualTo("ADVISER");
		assertThat(loggedIn.getBody().get("wrappedPrivateKey").asText())
			.isEqualTo(Fixtures.b64(enrolment.wrappedKey().toBytes()));
		String cookie = loggedIn.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session", Integer.class)).isPositive();
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, cookie);
		ResponseEntity<JsonNode> me = this.http.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers),
				JsonNode.class);
		assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(me.getBody().get("caller").get("accountId").asText()).isEqualTo(person.accountId().toString());
		ResponseEntity<JsonNode> inbox = this.http.exchange("/api/cases", HttpMethod.GET, new HttpEntity<>(headers),
				JsonNode.class);
		assertThat(inbox.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void logInWhenCodeWrongOrSecretWrongOrEmailUnknownThenSame401() {
		Enrolled person = enrolAdviser();
		assertFailed(logIn(person, "000000".equals(code(person.totpSecret())) ? "111111" : "000000"));
		assertFailed(post("/login", Map.of("email", person.email(), "loginSecret", Fixtures.b64(new byte[32]), "code",
				code(person.totpSecret())), null));
		assertFailed(post("/login",
				Map.of("email", "nobody@example.org", "loginSecret", Fixtures.b64(new byte[32]), "code", "123456"),
				null));
	}

	@Test
	void kdfHeaderWhenEmailUnknownThenSameShapedDecoyEveryTime() {
		String first = post("/login/key", Map.of("email", "nobody@example.org"), null).getBody()
			.get("kdfHeader")
			.asText();
		String again = post("/login/key", Map.of("email", "NOBODY@example.org "), null).getBody()
			.get("kdfHeader")
			.asText();
		String other = post("/login/key", Map.of("email", "someone-else@example.org"), null).getBody()
			.get("kdfHeader")
			.asText();
		assertThat(first).isEqualTo(again).isNotEqualTo(other);
		assertThat(java.util.Base64.getUrlDecoder().decode(first)).hasSameSizeAs(enrolment.wrappedKey().kdfHeader());
	}

	@Test
	void logInWhenFiveFailuresThenLockedEvenWithRightCode() {
		Enrolled person = enrolAdviser();
		for (int i = 0; i < 5; i++) {
			assertFailed(post("/login",
					Map.of("email", person.email(), "loginSecret", Fixtures.b64(new byte[32]), "code", "123456"),
					null));
		}
		assertFailed(logIn(person, code(person.totpSecret())));
		assertThat(this.jdbc.queryForObject("select locked_until is not null from account where id = ?", Boolean.class,
				person.accountId()))
			.isTrue();
	}

	@Test
	void enrolWhenCodeWrongOrUsedTwiceThenRefused() {
		UUID organisation = this.setup.create("org-" + UUID.randomUUID().toString().substring(0, 8), "Enrol").id();
		String email = UUID.randomUUID() + "@example.org";
		String code = this.enrolments.invite(organisation, Role.ADVISER, "A. Adviseur", email, null);
		Map<String, String> body = enrolBody(organisation, email, "wrong");
		assertThat(post("/enrol", body, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post("/enrol", enrolBody(organisation, email, code), null).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(post("/enrol", enrolBody(organisation, email, code), null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void enrolWhenWrappedKeyDoesNotCarryThePublicKeyThen400() {
		UUID organisation = this.setup.create("org-" + UUID.randomUUID().toString().substring(0, 8), "Enrol").id();
		String email = UUID.randomUUID() + "@example.org";
		String code = this.enrolments.invite(organisation, Role.ADVISER, "A. Adviseur", email, null);
		Map<String, String> body = new java.util.HashMap<>(enrolBody(organisation, email, code));
		body.put("publicKey", Fixtures.b64(RecipientPrivateKey.generate().publicKey().toBytes()));
		ResponseEntity<JsonNode> response = post("/enrol", body, null);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("type").asText()).endsWith("/malformed-ciphertext");
		assertThat(this.jdbc.queryForObject("select enrolled_on is null from account where email = ?", Boolean.class,
				email))
			.isTrue();
	}

	record Enrolled(UUID accountId, String email, String totpSecret) {
	}

	private Enrolled enrolAdviser() {
		UUID organisation = this.setup.create("org-" + UUID.randomUUID().toString().substring(0, 8), "Log-in").id();
		String email = UUID.randomUUID() + "@example.org";
		String code = this.enrolments.invite(organisation, Role.ADVISER, "A. Adviseur", email, null);
		ResponseEntity<JsonNode> enrolled = post("/enrol", enrolBody(organisation, email, code), null);
		assertThat(enrolled.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(enrolled.getBody().get("totpUri").asText()).startsWith("otpauth://totp/");
		return new Enrolled(UUID.fromString(enrolled.getBody().get("accountId").asText()), email,
				enrolled.getBody().get("totpSecret").asText());
	}

	/** The organisation's first adviser: the browser signs the key book's genesis too. */
	private Map<String, String> enrolBody(UUID organisation, String email, String code) {
		UUID accountId = this.jdbc.queryForObject("select id from account where email = ?", UUID.class, email);
		return keys.body(email, code, organisation, accountId, "A. Adviseur", true);
	}

	private ResponseEntity<JsonNode> logIn(Enrolled person, String code) {
		return post("/login", Map.of("email", person.email(), "loginSecret",
				Fixtures.b64(enrolment.loginSecret().toBytes()), "code", code), null);
	}

	private static String code(String secret) {
		try {
			return new DefaultCodeGenerator().generate(secret, System.currentTimeMillis() / 30_000);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void assertFailed(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getBody().get("type").asText()).isEqualTo("https://meldpunt.nl/problems/login-failed");
	}

	private ResponseEntity<JsonNode> post(String path, Object body, List<String> cookies) {
		return this.http.exchange(path, HttpMethod.POST, new HttpEntity<>(body), JsonNode.class);
	}

}

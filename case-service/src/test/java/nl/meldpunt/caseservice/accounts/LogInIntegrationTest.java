package nl.meldpunt.caseservice.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.TestEnrolments;
import nl.meldpunt.crypto.Enrolment;
import nl.meldpunt.crypto.RecipientPrivateKey;

import static org.assertj.core.api.Assertions.assertThat;

class LogInIntegrationTest extends StaffOverHttp {

	static final String PASSPHRASE = "correct horse battery staple";

	/** Wrapping is deliberately slow, so one key pair serves every test. */
	static RecipientPrivateKey key;

	static Enrolment enrolment;

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
	void logInWhenFailuresReachTheThresholdThenBackOffThatFurtherAttemptsCannotExtend() {
		StaffHttp staff = new StaffHttp(this.http, this.enrolments, this.setup);
		StaffHttp.Person person = staff.enrol(staff.organisation(), Role.ADVISER);
		for (int i = 0; i < LoginBackOff.FREE_ATTEMPTS; i++) {
			assertFailed(staff.logInWithWrongSecret(person));
		}
		Instant until = delayUntil(person);
		assertThat(until).isBetween(Instant.now().plusSeconds(20), Instant.now().plusSeconds(40));
		// during the wait nothing is checked or counted, not even the right passphrase
		// and code:
		// hammering the account neither guesses nor keeps its owner out any longer
		for (int i = 0; i < 20; i++) {
			assertFailed(staff.logInWithWrongSecret(person));
		}
		assertFailed(staff.logIn(person, StaffHttp.step()));
		assertThat(delayUntil(person)).isEqualTo(until);
		assertThat(failures(person)).isEqualTo(LoginBackOff.FREE_ATTEMPTS);
		// once the wait is over (moved into the past rather than slept through), the
		// owner gets in
		this.jdbc.update("update account set login_delay_until = now() - interval '1 second' where id = ?",
				person.accountId());
		assertThat(staff.logIn(person, StaffHttp.step()).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(failures(person)).isZero();
		assertThat(delayUntil(person)).isNull();
	}

	@Test
	void logInWhenManyFailuresThenTheWaitIsCappedAtFifteenMinutesNotADay() {
		StaffHttp staff = new StaffHttp(this.http, this.enrolments, this.setup);
		StaffHttp.Person person = staff.enrol(staff.organisation(), Role.ADVISER);
		this.jdbc.update("update account set failed_logins = 40 where id = ?", person.accountId());
		assertFailed(staff.logInWithWrongSecret(person));
		assertThat(delayUntil(person)).isBetween(Instant.now().plus(LoginBackOff.CAP).minusSeconds(10),
				Instant.now().plus(LoginBackOff.CAP).plusSeconds(1));
	}

	@Test
	void logInWhenTotpCodeUsedBeforeThenRefusedAndALaterStepAccepted() {
		StaffHttp staff = new StaffHttp(this.http, this.enrolments, this.setup);
		StaffHttp.Person person = staff.enrol(staff.organisation(), Role.ADVISER);
		long step = StaffHttp.step();
		assertThat(staff.logIn(person, step).getStatusCode()).isEqualTo(HttpStatus.OK);
		// the same code again, within its window (a code read over a shoulder or from a
		// log)
		assertFailed(staff.logIn(person, step));
		// an earlier step's code, still inside the drift window, is not accepted either
		assertFailed(staff.logIn(person, step - 1));
		assertThat(staff.logIn(person, step + 1).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.jdbc.queryForObject("select totp_last_step from account where id = ?", Long.class,
				person.accountId()))
			.isEqualTo(step + 1);
	}

	@Test
	void logInWhenTwoRequestsRaceWithOneCodeThenOnlyOneGetsASession() throws Exception {
		StaffHttp staff = new StaffHttp(this.http, this.enrolments, this.setup);
		StaffHttp.Person person = staff.enrol(staff.organisation(), Role.ADVISER);
		long step = StaffHttp.step();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<HttpStatusCode>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < 4; i++) {
				answers.add(pool.submit(() -> staff.logIn(person, step).getStatusCode()));
			}
			long ok = 0;
			for (var answer : answers) {
				ok += answer.get().is2xxSuccessful() ? 1 : 0;
			}
			assertThat(ok).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Instant delayUntil(StaffHttp.Person person) {
		java.sql.Timestamp until = this.jdbc.queryForObject("select login_delay_until from account where id = ?",
				java.sql.Timestamp.class, person.accountId());
		return (until != null) ? until.toInstant() : null;
	}

	private int failures(StaffHttp.Person person) {
		return this.jdbc.queryForObject("select failed_logins from account where id = ?", Integer.class,
				person.accountId());
	}

	@Test
	void enrolWhenCodeWrongOrUsedTwiceThenRefused() {
		UUID organisation = this.setup.create("org-" + UUID.randomUUID().toString().substring(0, 8), "Enrol").id();
		String email = UUID.randomUUID() + "@example.org";
		String code = this.enrolments
			.invite(organisation, Role.ADVISER, "A. Adviseur", email, null, null, Enrolments.INVITATION_VALID)
			.code();
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
		String code = this.enrolments
			.invite(organisation, Role.ADVISER, "A. Adviseur", email, null, null, Enrolments.INVITATION_VALID)
			.code();
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
		String code = this.enrolments
			.invite(organisation, Role.ADVISER, "A. Adviseur", email, null, null, Enrolments.INVITATION_VALID)
			.code();
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

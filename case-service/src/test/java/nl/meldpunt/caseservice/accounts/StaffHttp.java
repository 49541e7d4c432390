package nl.meldpunt.caseservice.accounts;

import nl.meldpunt.caseservice.TestEnrolments;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samstevens.totp.code.DefaultCodeGenerator;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;
import nl.meldpunt.crypto.Enrolment;
import nl.meldpunt.crypto.RecipientPrivateKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff over real HTTP: enrolment as a browser does it, log-in with a TOTP code of a
 * chosen time step, and sessions with the double-submit CSRF header. One key pair
 * (wrapping is slow on purpose) serves every person.
 */
final class StaffHttp {

	static final String PASSPHRASE = "correct horse battery staple";

	/** The keys every person enrols with, a signing key beside the X25519 key. */
	static final TestEnrolments KEYS = new TestEnrolments(PASSPHRASE);

	static final RecipientPrivateKey KEY = KEYS.key;

	static final Enrolment ENROLMENT = KEYS.enrolment;

	/**
	 * Any value works for the double-submit check, as long as cookie and header agree.
	 */
	private static final String XSRF = UUID.randomUUID().toString();

	record Person(UUID accountId, UUID organisationId, String email, String totpSecret) {
	}

	private final TestRestTemplate http;

	private final Enrolments enrolments;

	private final OrganisationSetup setup;

	StaffHttp(TestRestTemplate http, Enrolments enrolments, OrganisationSetup setup) {
		this.http = http;
		this.enrolments = enrolments;
		this.setup = setup;
	}

	UUID organisation() {
		return this.setup.create("org-" + UUID.randomUUID().toString().substring(0, 8), "Staff").id();
	}

	Person enrol(UUID organisation, Role role) {
		String email = UUID.randomUUID() + "@example.org";
		String code = this.enrolments
			.invite(organisation, role, role + " " + email.substring(0, 6), email, null, null,
					Enrolments.INVITATION_VALID)
			.code();
		// the organisation's first adviser starts its key book, as the browser does
		Enrolments.Invitation invitation = this.enrolments.invitation(email, code);
		ResponseEntity<JsonNode> enrolled = post("/enrol", KEYS.body(email, code, organisation, invitation.accountId(),
				invitation.displayName(), role == Role.ADVISER && !invitation.bookStarted()), null);
		assertThat(enrolled.getStatusCode()).isEqualTo(HttpStatus.OK);
		return new Person(UUID.fromString(enrolled.getBody().get("accountId").asText()), organisation, email,
				enrolled.getBody().get("totpSecret").asText());
	}

	/**
	 * A further recipient's enrolment with keys of its own (a key book lists each key
	 * once), made the slow way: only for the few tests that enrol by hand.
	 */
	static Map<String, String> enrolBody(String email, String code) {
		return new TestEnrolments(PASSPHRASE).body(email, code, null, null, null, false);
	}

	ResponseEntity<JsonNode> logIn(Person person, long step) {
		return post(
				"/login", Map.of("email", person.email(), "loginSecret",
						Fixtures.b64(ENROLMENT.loginSecret().toBytes()), "code", code(person.totpSecret(), step)),
				null);
	}

	ResponseEntity<JsonNode> logInWithWrongSecret(Person person) {
		return post("/login", Map.of("email", person.email(), "loginSecret", Fixtures.b64(new byte[32]), "code",
				code(person.totpSecret(), step())), null);
	}

	/** Signs in with the current step's code; returns the session cookie. */
	String session(Person person) {
		ResponseEntity<JsonNode> response = logIn(person, step());
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
	}

	ResponseEntity<JsonNode> post(String path, Object body, String session) {
		return exchange(HttpMethod.POST, path, body, session);
	}

	ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body, String session) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + XSRF + ((session != null) ? "; " + session : ""));
		headers.add("X-XSRF-TOKEN", XSRF);
		return this.http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
	}

	static long step() {
		return System.currentTimeMillis() / 30_000;
	}

	static String code(String secret, long step) {
		try {
			return new DefaultCodeGenerator().generate(secret, step);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void assertRefused(ResponseEntity<JsonNode> response, HttpStatus status, String slug) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat(response.getBody().get("type").asText()).isEqualTo("https://meldpunt.nl/problems/" + slug);
	}

	static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}

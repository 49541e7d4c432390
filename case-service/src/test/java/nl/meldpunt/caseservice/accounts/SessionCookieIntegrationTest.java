package nl.meldpunt.caseservice.accounts;

import java.io.IOException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.FromAddress;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff session cookie behind the TLS proxy: a log-in that the trusted proxy
 * (loopback by default) forwards with {@code X-Forwarded-Proto: https} gets a
 * {@code Secure;
 * HttpOnly; SameSite=Strict} session cookie; the same header from an untrusted address
 * (127.0.0.2) is ignored, so the cookie is not marked Secure (it is still HttpOnly and
 * Strict).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionCookieIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Enrolments enrolments;

	@Autowired
	OrganisationSetup setup;

	StaffHttp staff;

	@BeforeEach
	void staff() {
		this.staff = new StaffHttp(this.rest, this.enrolments, this.setup);
	}

	@Test
	void sessionCookieWhenLogInForwardedByTrustedProxyOverHttpsThenSecureHttpOnlyStrict() throws IOException {
		String cookie = sessionCookie(logInFrom("127.0.0.1"));
		assertThat(cookie).contains("; Secure").contains("; HttpOnly").contains("; SameSite=Strict");
	}

	@Test
	void sessionCookieWhenForwardedProtoFromUntrustedAddressThenNotSecureButHttpOnlyStrict() throws IOException {
		String cookie = sessionCookie(logInFrom("127.0.0.2"));
		assertThat(cookie).doesNotContain("Secure").contains("; HttpOnly").contains("; SameSite=Strict");
	}

	private String logInFrom(String source) throws IOException {
		StaffHttp.Person person = this.staff.enrol(this.staff.organisation(), Role.ADVISER);
		String json = "{\"email\":\"" + person.email() + "\",\"loginSecret\":\""
				+ Fixtures.b64(StaffHttp.ENROLMENT.loginSecret().toBytes()) + "\",\"code\":\""
				+ StaffHttp.code(person.totpSecret(), StaffHttp.step()) + "\"}";
		String answer = FromAddress.postJson(source, this.port, "/login",
				"X-Forwarded-Proto: https\r\nX-Forwarded-For: 198.51.100.7\r\n", json);
		assertThat(answer).startsWith("HTTP/1.1 200");
		return answer;
	}

	private static String sessionCookie(String answer) {
		return answer.lines()
			.filter((line) -> line.regionMatches(true, 0, "Set-Cookie: SESSION=", 0, 20))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + answer.lines().findFirst().orElse("")));
	}

}

package nl.meldpunt.caseservice.web;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.meldpunt.caseservice.FromAddress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind the TLS proxy: {@code X-Forwarded-Proto: https} from the trusted proxy (loopback
 * 127.0.0.1 by default) makes the request secure, so the answer carries HSTS and the XSRF
 * cookie is {@code Secure}; the same header from any other address (here 127.0.0.2, which
 * Linux also routes to this machine) is ignored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProxyHeadersIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void forwardedProtoWhenFromTheTrustedProxyThenHstsAndSecureCookies() throws IOException {
		String head = loginPageFrom("127.0.0.1");
		assertThat(head).startsWith("HTTP/1.1 200");
		assertThat(head).containsIgnoringCase("\r\nStrict-Transport-Security: max-age=");
		assertThat(cookieLine(head)).contains("XSRF-TOKEN=").contains("; Secure");
	}

	@Test
	void forwardedProtoWhenFromAnUntrustedAddressThenIgnored() throws IOException {
		String head = loginPageFrom("127.0.0.2");
		assertThat(head).startsWith("HTTP/1.1 200");
		assertThat(head).doesNotContainIgnoringCase("Strict-Transport-Security");
		assertThat(cookieLine(head)).contains("XSRF-TOKEN=").doesNotContain("Secure");
	}

	private static String cookieLine(String head) {
		return head.lines()
			.filter((line) -> line.regionMatches(true, 0, "Set-Cookie: XSRF-TOKEN=", 0, 23))
			.findFirst()
			.orElse("");
	}

	/** The response head of GET /workspace/login as a proxy would send it. */
	private String loginPageFrom(String source) throws IOException {
		return FromAddress.head(source, this.port, "/workspace/login",
				"X-Forwarded-Proto: https\r\nX-Forwarded-For: 198.51.100.7\r\n");
	}

}

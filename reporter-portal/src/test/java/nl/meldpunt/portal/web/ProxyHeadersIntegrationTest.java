package nl.meldpunt.portal.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import nl.meldpunt.portal.PortalTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind the TLS proxy: {@code X-Forwarded-Proto: https} from the trusted proxy (loopback
 * 127.0.0.1 by default) makes the request secure and the answer carries HSTS; from any
 * other address (here 127.0.0.2, which Linux also routes to this machine) it is ignored.
 * The portal sets no cookie either way.
 */
class ProxyHeadersIntegrationTest extends PortalTest {

	@LocalServerPort
	int port;

	@Test
	void forwardedProtoWhenFromTheTrustedProxyThenHsts() throws IOException {
		String head = headFrom("127.0.0.1");
		assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("\r\nStrict-Transport-Security: max-age=");
		assertThat(head).doesNotContainIgnoringCase("Set-Cookie");
	}

	@Test
	void forwardedProtoWhenFromAnUntrustedAddressThenIgnored() throws IOException {
		String head = headFrom("127.0.0.2");
		assertThat(head).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("Strict-Transport-Security");
		assertThat(head).doesNotContainIgnoringCase("Set-Cookie");
	}

	private String headFrom(String source) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("GET /o/demo HTTP/1.1\r\nHost: meldpunt.example.nl\r\nX-Forwarded-Proto: https\r\n"
						+ "X-Forwarded-For: 198.51.100.7\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			int end = all.indexOf("\r\n\r\n");
			return (end < 0) ? all : all.substring(0, end + 2);
		}
	}

}

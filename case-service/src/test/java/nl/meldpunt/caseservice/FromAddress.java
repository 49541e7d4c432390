package nl.meldpunt.caseservice;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One raw HTTP/1.1 GET from a chosen local source address: 127.0.0.1 plays the trusted
 * proxy or the machine's own Prometheus, 127.0.0.2 (Linux routes all of 127/8 to this
 * machine) anybody else. The JDK's HTTP client cannot choose its source address.
 */
public final class FromAddress {

	private FromAddress() {
	}

	/** The whole answer, head and body, as text. */
	public static String get(String source, int port, String path, String extraHeaders) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "Connection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** A JSON POST; the whole answer as text. */
	public static String postJson(String source, int port, String path, String extraHeaders, String json)
			throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders
						+ "Content-Type: application/json\r\nContent-Length: " + body.length
						+ "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().write(body);
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** The answer's head only (status line and headers). */
	public static String head(String source, int port, String path, String extraHeaders) throws IOException {
		String all = get(source, port, path, extraHeaders);
		int end = all.indexOf("\r\n\r\n");
		return (end < 0) ? all : all.substring(0, end + 2);
	}

}

package nl.meldpunt.portal.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import nl.meldpunt.portal.PortalTest;
import nl.meldpunt.portal.TestReports;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An anonymous request can no longer take the portal down: whatever the path form and
 * whatever the content type, no body is read past the portal's limits, and every refusal
 * is a Meldpunt problem document (never a Tomcat page). Spoken over a raw socket, as an
 * attacker would: bodies of 8 MB streamed without a length, 50 MB declared, path
 * parameters and percent-encoded paths that map to the filing API.
 */
class EdgeLimitsIntegrationTest extends PortalTest {

	private static final ExecutorService senders = Executors.newCachedThreadPool();

	private static final List<String> PATHS = List.of("/api/o/demo/cases", "/api;x=1/o/demo/cases",
			"/%61pi/o/demo/cases", "/api//o/demo/cases", "/api/./o/demo/cases", "/api/mailbox/messages",
			"/api/mailbox/attachments", "/o/demo", "/api/o/demo");

	private static final List<String> TYPES = List.of("application/json", "application/octet-stream+json",
			"application/octet-stream", "text/plain", "application/x-www-form-urlencoded",
			"multipart/form-data; boundary=x", "");

	@LocalServerPort
	int port;

	@AfterAll
	static void stopSenders() {
		senders.shutdownNow();
	}

	@Test
	void postWhenBodyStreamsOnWithoutLengthThenRefusedWithAProblemForEveryPathAndType() throws Exception {
		for (String path : PATHS) {
			for (String type : TYPES) {
				Answer answer = exchange("POST", path, type, -1, 8 * 1024 * 1024);
				assertThat(answer.status()).as("%s %s", path, type).isBetween(400, 499);
				assertThat(answer.isMeldpuntProblem()).as("%s %s: %s", path, type, answer).isTrue();
			}
		}
	}

	@Test
	void postWhenFiftyMegabytesDeclaredThenRefusedAtOnceWith413() throws Exception {
		for (String path : PATHS) {
			for (String type : List.of("application/json", "application/octet-stream+json", "text/plain")) {
				Answer answer = exchange("POST", path, type, 50L * 1024 * 1024, 64 * 1024);
				assertThat(answer.status()).as("%s %s", path, type).isIn(400, 413);
				assertThat(answer.isMeldpuntProblem()).as("%s %s: %s", path, type, answer).isTrue();
			}
		}
	}

	@Test
	void putChunkWhenStreamedPastTheChunkLimitThenRefused() throws Exception {
		String path = "/api/mailbox/attachments/" + java.util.UUID.randomUUID() + "/chunks/0";
		for (String type : TYPES) {
			Answer answer = exchange("PUT", path, type, -1, 8 * 1024 * 1024);
			assertThat(answer.status()).as(type).isBetween(400, 499);
			assertThat(answer.isMeldpuntProblem()).as("%s: %s", type, answer).isTrue();
		}
	}

	@Test
	void fileWhenValidButSentToAnotherFormOfThePathThenRefusedAndNotFiled() throws Exception {
		byte[] filing = new ObjectMapper().writeValueAsBytes(new TestReports(caseService).filing("another path"));
		for (String path : List.of("/api;x=1/o/demo/cases", "/%61pi/o/demo/cases", "/api/o/demo/cases;x")) {
			int before = caseService.caseCount();
			Answer answer = exchange("POST", path, "application/json", filing.length, filing);
			assertThat(answer.status()).as(path).isEqualTo(400);
			assertThat(answer.isMeldpuntProblem()).as(path).isTrue();
			assertThat(caseService.caseCount()).as(path).isEqualTo(before);
		}
	}

	@Test
	void requestWhenTheUriIsMalformedThenAProblemNotATomcatPage() throws Exception {
		Answer answer = exchange("GET", "/api/o/%zz", "", 0, 0);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.isMeldpuntProblem()).as(answer.toString()).isTrue();
	}

	private Answer exchange(String method, String path, String type, long declared, int send) throws Exception {
		return exchange(method, path, type, declared, filler(send));
	}

	private static byte[] filler(int size) {
		byte[] body = new byte[size];
		java.util.Arrays.fill(body, (byte) 'a');
		byte[] start = "{\"caseId\":\"".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(start, 0, body, 0, Math.min(start.length, size));
		return body;
	}

	/**
	 * One request over a raw socket; the body is sent from another thread, which gives up
	 * quietly once the portal closes the connection.
	 */
	private Answer exchange(String method, String path, String type, long declared, byte[] body) throws Exception {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(60_000);
			StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
			head.append("Connection: close\r\nAccept-Language: en\r\n");
			if (!type.isEmpty()) {
				head.append("Content-Type: ").append(type).append("\r\n");
			}
			if (body.length > 0 || declared > 0) {
				head.append((declared >= 0) ? "Content-Length: " + declared : "Transfer-Encoding: chunked")
					.append("\r\n");
			}
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			Future<?> sending = senders.submit(() -> send(out, body, declared < 0));
			Answer answer = Answer.read(socket.getInputStream());
			sending.cancel(true);
			return answer;
		}
	}

	private static void send(OutputStream out, byte[] body, boolean chunked) {
		try {
			for (int offset = 0; offset < body.length; offset += 16 * 1024) {
				int n = Math.min(16 * 1024, body.length - offset);
				if (chunked) {
					out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				}
				out.write(body, offset, n);
				if (chunked) {
					out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
				}
			}
			if (chunked) {
				out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.flush();
		}
		catch (IOException ex) {
			// the portal stopped reading and closed: that is the point
		}
	}

	/** Status and (de-chunked) body of an answer. */
	private record Answer(int status, Map<String, String> headers, String body) {

		/** Reads one answer: up to its length or its last chunk, not to the close. */
		static Answer read(InputStream in) throws IOException {
			String head = line(in, "\r\n\r\n");
			if (head == null) {
				return new Answer(-1, Map.of(), "");
			}
			String[] lines = head.split("\r\n");
			Map<String, String> headers = new java.util.HashMap<>();
			for (int i = 1; i < lines.length; i++) {
				String[] header = lines[i].split(":", 2);
				headers.put(header[0].trim().toLowerCase(java.util.Locale.ROOT), header[1].trim());
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if (headers.containsKey("content-length")) {
				body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
			}
			else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				int size;
				while ((size = Integer.parseInt(line(in, "\r\n").trim(), 16)) > 0) {
					body.write(in.readNBytes(size));
					line(in, "\r\n");
				}
			}
			else {
				try {
					in.transferTo(body);
				}
				catch (IOException ex) {
					// closed by a reset after the answer
				}
			}
			return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
		}

		/** The bytes up to {@code end} (dropped), or null at the end of the stream. */
		private static String line(InputStream in, String end) throws IOException {
			StringBuilder text = new StringBuilder();
			int b;
			while ((b = in.read()) >= 0) {
				text.append((char) b);
				if (text.length() >= end.length() && text.substring(text.length() - end.length()).equals(end)) {
					return text.substring(0, text.length() - end.length());
				}
			}
			return null;
		}

		boolean isMeldpuntProblem() {
			return this.headers.getOrDefault("content-type", "").startsWith("application/problem+json")
					&& this.body.contains("\"type\":\"https://meldpunt.nl/problems/");
		}

	}

}

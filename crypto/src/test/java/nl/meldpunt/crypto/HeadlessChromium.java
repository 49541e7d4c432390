package nl.meldpunt.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves the crypto module's browser files exactly as the jar ships them
 * ({@code META-INF/resources/meldpunt-crypto/v1/}), the test pages under
 * {@code /browser/} and the vectors under {@code /vectors/} from a JDK HTTP server on
 * 127.0.0.1, opens a page in headless Chromium and waits for the page to POST its result
 * to {@code /result}. Pages are served with a strict CSP (no inline script, no eval).
 */
final class HeadlessChromium implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getProperty("meldpunt.chromium", "/usr/bin/chromium"));

	private static final Map<String, String> TYPES = Map.of("js", "text/javascript", "mjs", "text/javascript", "html",
			"text/html; charset=utf-8", "json", "application/json");

	private final HttpServer server;

	private final CompletableFuture<String> result = new CompletableFuture<>();

	private final Map<String, byte[]> fixtures;

	HeadlessChromium(Map<String, byte[]> fixtures) throws IOException {
		this.fixtures = fixtures;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	static boolean available() {
		return Files.isExecutable(CHROMIUM);
	}

	/**
	 * Opens {@code page} (e.g. {@code /browser/cross.html}) and returns what it POSTs.
	 */
	String run(String page, int timeoutSeconds) throws Exception {
		Path profile = Files.createTempDirectory("meldpunt-chromium");
		String url = "http://127.0.0.1:" + this.server.getAddress().getPort() + page;
		Process process = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
				"--no-first-run", "--disable-sync", "--user-data-dir=" + profile, url))
			.redirectErrorStream(true)
			.redirectOutput(profile.resolve("chromium.log").toFile())
			.start();
		try {
			return this.result.get(timeoutSeconds, TimeUnit.SECONDS);
		}
		finally {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			deleteQuietly(profile);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if ("POST".equals(exchange.getRequestMethod()) && "/result".equals(path)) {
				this.result.complete(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				exchange.sendResponseHeaders(204, -1);
				return;
			}
			byte[] body = this.fixtures.containsKey(path) ? this.fixtures.get(path) : resource(path);
			if (body == null) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			String extension = path.substring(path.lastIndexOf('.') + 1);
			exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/json"));
			exchange.getResponseHeaders()
				.set("Content-Security-Policy", "default-src 'self'; script-src 'self'; object-src 'none'");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static byte[] resource(String path) throws IOException {
		String name;
		if (path.startsWith("/meldpunt-crypto/")) {
			name = "META-INF/resources" + path;
		}
		else if (path.startsWith("/browser/") || path.startsWith("/vectors/")) {
			name = path.substring(1);
		}
		else {
			return null;
		}
		if (name.contains("..")) {
			return null;
		}
		try (InputStream in = HeadlessChromium.class.getClassLoader().getResourceAsStream(name)) {
			return (in != null) ? in.readAllBytes() : null;
		}
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary profile left behind is harmless
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}

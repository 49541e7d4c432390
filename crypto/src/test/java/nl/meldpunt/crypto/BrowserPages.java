package nl.meldpunt.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import nl.meldpunt.crypto.testing.HeadlessChromium;

/**
 * Serves the crypto module's browser files exactly as the jar ships them
 * ({@code META-INF/resources/meldpunt-crypto/v1/}), the test pages under
 * {@code /browser/} and the vectors under {@code /vectors/} from a JDK HTTP server on
 * 127.0.0.1, opens a page in headless Chromium and waits for the page to POST its result
 * to {@code /result}. Pages are served with a strict CSP (no inline script, no eval). The
 * browser is the one every browser test uses ({@link HeadlessChromium}).
 */
final class BrowserPages implements AutoCloseable {

	private static final Map<String, String> TYPES = Map.of("js", "text/javascript", "mjs", "text/javascript", "html",
			"text/html; charset=utf-8", "json", "application/json");

	private final HttpServer server;

	private final CompletableFuture<String> result = new CompletableFuture<>();

	private final Map<String, byte[]> fixtures;

	BrowserPages(Map<String, byte[]> fixtures) throws IOException {
		this.fixtures = fixtures;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * Opens {@code page} (e.g. {@code /browser/cross.html}) and returns what it POSTs.
	 */
	String run(String page, int timeoutSeconds) throws Exception {
		String url = "http://127.0.0.1:" + this.server.getAddress().getPort() + page;
		try (HeadlessChromium chromium = new HeadlessChromium("crypto", "", HeadlessChromium.DESKTOP)) {
			chromium.open(url);
			return this.result.get(timeoutSeconds, TimeUnit.SECONDS);
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
		try (InputStream in = BrowserPages.class.getClassLoader().getResourceAsStream(name)) {
			return (in != null) ? in.readAllBytes() : null;
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}

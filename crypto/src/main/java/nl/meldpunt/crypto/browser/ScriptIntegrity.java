package nl.meldpunt.crypto.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subresource Integrity values for the scripts and stylesheets a page loads, computed
 * once from the very bytes the application serves (the classpath locations Spring Boot
 * serves static resources from: {@code META-INF/resources/}, where this jar's browser
 * files live, and {@code static/}), so a hash can never drift from its file. Both
 * applications make one and hand it to their templates, which call
 * {@code ${sri.of('/js/report.js')}}.
 */
public final class ScriptIntegrity {

	private static final String[] LOCATIONS = { "META-INF/resources", "static" };

	private final ClassLoader classLoader;

	private final Map<String, String> integrity = new ConcurrentHashMap<>();

	/** Reads the served files with {@code classLoader} (the application's). */
	public ScriptIntegrity(ClassLoader classLoader) {
		this.classLoader = Objects.requireNonNull(classLoader);
	}

	/** The {@code sha384-…} integrity value of the file served at {@code path}. */
	public String of(String path) {
		return this.integrity.computeIfAbsent(path, this::compute);
	}

	private String compute(String path) {
		if (!path.startsWith("/") || path.contains("..")) {
			throw new IllegalArgumentException("Not a served path: " + path);
		}
		for (String location : LOCATIONS) {
			try (InputStream in = this.classLoader.getResourceAsStream(location + path)) {
				if (in != null) {
					MessageDigest sha384 = MessageDigest.getInstance("SHA-384");
					return "sha384-" + Base64.getEncoder().encodeToString(sha384.digest(in.readAllBytes()));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("No served file at " + path);
	}

}

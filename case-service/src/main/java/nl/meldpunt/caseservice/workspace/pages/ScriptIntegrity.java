package nl.meldpunt.caseservice.workspace.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Subresource Integrity values for the scripts the pages load, computed once from the
 * very bytes the application serves (the same classpath locations Spring Boot serves
 * static resources from), so a hash can never drift from its file. Templates call
 * {@code ${sri.of('/workspace/assets/workspace.js')}}.
 */
@Component
public class ScriptIntegrity {

	private static final String[] LOCATIONS = { "classpath:/META-INF/resources", "classpath:/static" };

	private final ResourceLoader resources;

	private final Map<String, String> integrity = new ConcurrentHashMap<>();

	ScriptIntegrity(ResourceLoader resources) {
		this.resources = resources;
	}

	/** The {@code sha384-…} integrity value of the script served at {@code path}. */
	public String of(String path) {
		return this.integrity.computeIfAbsent(path, this::compute);
	}

	private String compute(String path) {
		if (!path.startsWith("/") || path.contains("..")) {
			throw new IllegalArgumentException("Not a served path: " + path);
		}
		for (String location : LOCATIONS) {
			Resource resource = this.resources.getResource(location + path);
			if (resource.exists()) {
				try (InputStream in = resource.getInputStream()) {
					MessageDigest sha384 = MessageDigest.getInstance("SHA-384");
					return "sha384-" + Base64.getEncoder().encodeToString(sha384.digest(in.readAllBytes()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				catch (NoSuchAlgorithmException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		throw new IllegalStateException("No served script at " + path);
	}

}

package nl.meldpunt.caseservice.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The shared secret the reporter portal presents on {@code /internal/v1/**}. Outside demo
 * mode the service refuses to start without a real one.
 */
@Component
public class InternalApiSecret {

	static final String DEMO_DEFAULT = "demo-internal-secret-not-for-production";

	private final byte[] secret;

	InternalApiSecret(@Value("${meldpunt.internal-api.secret:}") String configured,
			@Value("${meldpunt.demo:false}") boolean demo) {
		String secret = configured.strip();
		if (!demo && (secret.isEmpty() || DEMO_DEFAULT.equals(secret))) {
			throw new IllegalStateException("Set meldpunt.internal-api.secret (MELDPUNT_INTERNAL_SECRET) to a secret of"
					+ " your own; the demo default is accepted only with meldpunt.demo=true.");
		}
		if (!demo && secret.length() < 16) {
			throw new IllegalStateException("meldpunt.internal-api.secret must be at least 16 characters.");
		}
		this.secret = (secret.isEmpty() ? DEMO_DEFAULT : secret).getBytes(StandardCharsets.UTF_8);
	}

	/** Constant-time comparison with an {@code Authorization} header value. */
	public boolean matches(String authorization) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return false;
		}
		byte[] presented = authorization.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(presented, this.secret);
	}

}

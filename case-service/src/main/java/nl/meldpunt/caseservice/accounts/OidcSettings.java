package nl.meldpunt.caseservice.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff sign-in through the organisation's OIDC provider ({@code meldpunt.oidc.*}, off by
 * default). It replaces only the passphrase+TOTP log-in step: the private key stays
 * wrapped under the passphrase, which the browser still asks for to unlock it.
 *
 * @param enabled whether the workspace offers "sign in with your organisation's account"
 * @param issuer the provider's issuer URL (its discovery document is read on first use)
 * @param clientId this installation's client id at the provider
 * @param clientSecretFile a file holding the client secret, readable by its owner only
 * @param clientSecret the client secret itself (for an environment variable); the file
 * wins when both are set
 */
@ConfigurationProperties("meldpunt.oidc")
record OidcSettings(boolean enabled, URI issuer, String clientId, Path clientSecretFile, String clientSecret) {

	private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	/** Checks the settings when sign-in is enabled; one sentence per mistake. */
	OidcSettings {
		if (enabled) {
			if (issuer == null || !("https".equals(issuer.getScheme()) || isLoopback(issuer))) {
				throw new IllegalStateException(
						"meldpunt.oidc.issuer must be the provider's https URL (http only on this machine's loopback).");
			}
			if (clientId == null || clientId.isBlank()) {
				throw new IllegalStateException("meldpunt.oidc.client-id must be set when OIDC sign-in is enabled.");
			}
			if (clientSecretFile == null && (clientSecret == null || clientSecret.isBlank())) {
				throw new IllegalStateException(
						"Set meldpunt.oidc.client-secret-file (a file readable by its owner only) or MELDPUNT_OIDC_CLIENT_SECRET.");
			}
		}
	}

	/** The client secret, from the owner-only file or the environment. */
	String secret() {
		if (this.clientSecretFile == null) {
			return this.clientSecret;
		}
		try {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(this.clientSecretFile);
			if (permissions.stream().anyMatch(OTHERS::contains)) {
				throw new IllegalStateException("The OIDC client secret file " + this.clientSecretFile
						+ " is readable by others: make it owner-only (chmod 600).");
			}
			String secret = Files.readString(this.clientSecretFile, StandardCharsets.UTF_8).strip();
			if (secret.isEmpty()) {
				throw new IllegalStateException("The OIDC client secret file " + this.clientSecretFile + " is empty.");
			}
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the OIDC client secret file " + this.clientSecretFile, ex);
		}
	}

	private static boolean isLoopback(URI uri) {
		return "http".equals(uri.getScheme()) && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost())
				|| "[::1]".equals(uri.getHost()));
	}

}

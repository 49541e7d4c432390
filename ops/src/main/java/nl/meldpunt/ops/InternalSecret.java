package nl.meldpunt.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The shared secret with which the portal authenticates to the case service. The launcher
 * makes a random one on first start and keeps it, readable by the owner only, in the data
 * folder; there is no default.
 */
final class InternalSecret {

	private static final String FILE = "internal-secret";

	private InternalSecret() {
	}

	static String load(Path dataDirectory) {
		Path file = dataDirectory.resolve(FILE);
		try {
			if (Files.isRegularFile(file)) {
				String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
				if (secret.length() >= 32) {
					return secret;
				}
			}
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			Files.writeString(file, secret, StandardCharsets.US_ASCII);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system; the folder's own permissions must do
			}
			return secret;
		}
		catch (IOException ex) {
			throw new LaunchFailure("Could not read or write " + file + ": check the data folder's permissions.", ex);
		}
	}

}

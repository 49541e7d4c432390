package nl.meldpunt.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets the launcher generates and keeps in the data folder, each in a file only
 * the owner can read: the portal's internal secret and the two database passwords. There
 * are no defaults.
 */
final class Secrets {

	static final String INTERNAL_SECRET = "internal-secret";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/** The shared secret with which the portal authenticates to the case service. */
	static String internalSecret(Path dataDirectory) {
		return loadOrCreate(dataDirectory.resolve(INTERNAL_SECRET));
	}

	/** The secret in the file, or a new random one (256 bits) written there first. */
	static String loadOrCreate(Path file) {
		try {
			if (Files.isRegularFile(file)) {
				String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
				if (secret.length() >= 32) {
					ownerOnly(file);
					return secret;
				}
			}
			String secret = random();
			write(file, secret);
			return secret;
		}
		catch (IOException ex) {
			throw new LaunchFailure("Could not read or write " + file + ": check the data folder's permissions.", ex);
		}
	}

	static String random() {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/** Writes the secret so that it is owner-readable from its first byte. */
	static void write(Path file, String secret) throws IOException {
		Files.createDirectories(file.getParent());
		Path staging = file.resolveSibling(file.getFileName() + ".new");
		Files.deleteIfExists(staging);
		try {
			Files.createFile(staging,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			Files.createFile(staging);
		}
		Files.writeString(staging, secret, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING,
				StandardOpenOption.SYNC);
		Files.move(staging, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

	static void ownerOnly(Path path) {
		try {
			Files.setPosixFilePermissions(path,
					PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
		}
		catch (UnsupportedOperationException | IOException ex) {
			// not a POSIX file system; the folder's own permissions must do
		}
	}

}

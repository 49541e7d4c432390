package nl.meldpunt.caseservice.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The Ed25519 key that signs audit checkpoints. It lives in a file next to the checkpoint
 * file, owner-only (0600) from its first byte, like the launcher's other secrets, and
 * never in the database: whoever can only write the database cannot sign a checkpoint.
 * The file holds the private key (PKCS#8) and the public key (X.509), base64, one per
 * line.
 */
final class CheckpointKey {

	static final String FILE = "checkpoint-key";

	private final PrivateKey privateKey;

	private final PublicKey publicKey;

	private CheckpointKey(PrivateKey privateKey, PublicKey publicKey) {
		this.privateKey = privateKey;
		this.publicKey = publicKey;
	}

	/** The key in {@code folder}, or a new one written there first. */
	static CheckpointKey loadOrCreate(Path folder) {
		Path file = folder.resolve(FILE);
		try {
			if (Files.isRegularFile(file)) {
				return read(file);
			}
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			Base64.Encoder base64 = Base64.getEncoder();
			writeOwnerOnly(file, base64.encodeToString(pair.getPrivate().getEncoded()) + "\n"
					+ base64.encodeToString(pair.getPublic().getEncoded()) + "\n");
			return new CheckpointKey(pair.getPrivate(), pair.getPublic());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 is not available", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or write the audit checkpoint key " + file, ex);
		}
	}

	/** The key in {@code folder}; an exception when there is none (verifying only). */
	static CheckpointKey load(Path folder) {
		try {
			return read(folder.resolve(FILE));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the audit checkpoint key in " + folder, ex);
		}
	}

	private static CheckpointKey read(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
		try {
			KeyFactory keys = KeyFactory.getInstance("Ed25519");
			Base64.Decoder base64 = Base64.getDecoder();
			return new CheckpointKey(keys.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(lines.get(0)))),
					keys.generatePublic(new X509EncodedKeySpec(base64.decode(lines.get(1)))));
		}
		catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException ex) {
			throw new IOException("not an audit checkpoint key: " + file.getFileName(), ex);
		}
	}

	AuditCheckpoint sign(AuditCheckpoint unsigned) {
		try {
			Signature ed25519 = Signature.getInstance("Ed25519");
			ed25519.initSign(this.privateKey);
			ed25519.update(unsigned.signedText());
			return unsigned.signedWith(Base64.getUrlEncoder().withoutPadding().encodeToString(ed25519.sign()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	boolean verifies(AuditCheckpoint checkpoint) {
		try {
			Signature ed25519 = Signature.getInstance("Ed25519");
			ed25519.initVerify(this.publicKey);
			ed25519.update(checkpoint.signedText());
			return ed25519.verify(Base64.getUrlDecoder().decode(checkpoint.signature()));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	/** The first 16 hex digits of SHA-256 over the public key, to compare out of band. */
	String fingerprint() {
		try {
			return AuditCheckpoint.hex(MessageDigest.getInstance("SHA-256").digest(this.publicKey.getEncoded()))
				.substring(0, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Creates the folder (0700) and the file so that it is owner-only from its first
	 * byte.
	 */
	static void writeOwnerOnly(Path file, String text) throws IOException {
		ownerOnlyFolder(file.getParent());
		Path staging = file.resolveSibling(file.getFileName() + ".new");
		Files.deleteIfExists(staging);
		createOwnerOnly(staging);
		Files.writeString(staging, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING,
				StandardOpenOption.SYNC);
		Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE);
	}

	static void createOwnerOnly(Path file) throws IOException {
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			Files.createFile(file);
		}
	}

	static void ownerOnlyFolder(Path folder) throws IOException {
		if (Files.isDirectory(folder)) {
			return;
		}
		try {
			Files.createDirectories(folder,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		catch (UnsupportedOperationException ex) {
			Files.createDirectories(folder);
		}
	}

}

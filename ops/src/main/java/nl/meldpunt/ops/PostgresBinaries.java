package nl.meldpunt.ops;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * PostgreSQL's own programs ({@code initdb}, {@code pg_ctl}, {@code postgres}) from the
 * zonky binaries jar on the class path, unpacked once into a folder that only the owner
 * can enter (by default under the data folder, never a shared temporary folder another
 * user could plant programs in).
 *
 * <p>
 * PostgreSQL refuses to run as root. Started by root (a container, CI), every program
 * runs in a new user namespace ({@code unshare -U}), where it is an unprivileged user, as
 * zonky does; an ordinary user (the systemd unit) runs them directly.
 */
final class PostgresBinaries {

	private final Path home;

	private final boolean unshare;

	private PostgresBinaries(Path home, boolean unshare) {
		this.home = home;
		this.unshare = unshare;
	}

	/**
	 * The binaries, unpacked into {@code <cache>/postgres-<digest>} unless already there.
	 */
	static PostgresBinaries unpackInto(Path cache) {
		byte[] archive;
		try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", architecture())) {
			archive = in.readAllBytes();
		}
		catch (IOException | RuntimeException ex) {
			throw new LaunchFailure("The embedded PostgreSQL is not available for this machine (" + ex.getMessage()
					+ "): set MELDPUNT_DATABASE_URL to use a PostgreSQL of your own.", ex);
		}
		Path home = cache.resolve("postgres-" + digest(archive).substring(0, 16));
		try {
			if (!Files.isRegularFile(home.resolve(".complete"))) {
				unpack(archive, home);
			}
		}
		catch (IOException ex) {
			throw new LaunchFailure("Could not unpack PostgreSQL into " + home + " (" + ex.getMessage()
					+ "): check that the data folder is writable and has about 100 MB free.", ex);
		}
		return new PostgresBinaries(home, runsAsRoot());
	}

	/** The command line that runs one of PostgreSQL's programs. */
	List<String> command(String program, String... arguments) {
		List<String> command = new ArrayList<>();
		if (this.unshare) {
			command.add("unshare");
			command.add("-U");
		}
		command.add(this.home.resolve("bin").resolve(program).toString());
		command.addAll(List.of(arguments));
		return command;
	}

	private static void unpack(byte[] archive, Path home) throws IOException {
		Files.createDirectories(home.getParent());
		Path staging = Files.createTempDirectory(home.getParent(), ".unpacking-");
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new XZInputStream(new ByteArrayInputStream(archive)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path target = staging.resolve(entry.getName()).normalize();
				if (!target.startsWith(staging)) {
					throw new IOException("archive entry outside its folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(target.getParent());
					Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
				}
				else if (entry.isFile()) {
					Files.createDirectories(target.getParent());
					try (OutputStream out = Files.newOutputStream(target)) {
						tar.transferTo(out);
					}
					boolean executable = (entry.getMode() & 0100) != 0 || entry.getName().startsWith("bin/")
							|| entry.getName().startsWith("./bin/");
					Files.setPosixFilePermissions(target,
							PosixFilePermissions.fromString(executable ? "rwx------" : "rw-------"));
				}
			}
			Files.createFile(staging.resolve(".complete"));
			try (Stream<Path> all = Files.walk(staging)) {
				for (Path directory : all.filter(Files::isDirectory).toList()) {
					Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
				}
			}
			try {
				Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException ex) {
				// another launcher unpacked the same binaries at the same moment
				deleteTree(staging);
			}
			catch (AtomicMoveNotSupportedException ex) {
				throw new IOException("cannot rename within " + home.getParent(), ex);
			}
		}
		catch (IOException | RuntimeException ex) {
			deleteTree(staging);
			throw ex;
		}
	}

	static boolean runsAsRoot() {
		try {
			return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return false;
		}
	}

	private static String architecture() {
		String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
		return arch.equals("amd64") ? "x86_64" : arch;
	}

	private static String digest(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void deleteTree(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> all = Files.walk(root)) {
			for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			// best effort: a leftover staging folder is harmless
		}
	}

}

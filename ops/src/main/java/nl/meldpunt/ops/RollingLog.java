package nl.meldpunt.ops;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

/**
 * A log file the launcher writes ({@code <data>/logs/<name>.log}): owner-only (0600) from
 * its first byte, rolled over to {@code <name>.1.log} … {@code <name>.<keep>.log} when it
 * outgrows its size limit, and archives older than the age limit are deleted. Lines are
 * flushed as they come, so a crash loses none that were written.
 */
final class RollingLog implements AutoCloseable {

	static final long MAX_BYTES = 10L * 1024 * 1024;

	static final int KEEP = 5;

	static final Duration MAX_AGE = Duration.ofDays(30);

	private final Path file;

	private final long maxBytes;

	private final int keep;

	private final Duration maxAge;

	private Writer writer;

	private long size;

	RollingLog(Path file) {
		this(file, MAX_BYTES, KEEP, MAX_AGE);
	}

	RollingLog(Path file, long maxBytes, int keep, Duration maxAge) {
		this.file = file;
		this.maxBytes = maxBytes;
		this.keep = keep;
		this.maxAge = maxAge;
	}

	synchronized void line(String line) {
		try {
			if (this.writer == null) {
				open();
			}
			String text = line + System.lineSeparator();
			this.writer.write(text);
			this.writer.flush();
			this.size += text.getBytes(StandardCharsets.UTF_8).length;
			if (this.size >= this.maxBytes) {
				roll();
			}
		}
		catch (IOException ex) {
			// a full disk must not stop the system; the line is lost, the next one
			// retried
			closeWriter();
		}
	}

	private void open() throws IOException {
		Files.createDirectories(this.file.getParent());
		deleteOldArchives();
		var options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
		var channel = Files.newByteChannel(this.file, options,
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Secrets.ownerOnly(this.file);
		this.size = Files.size(this.file);
		this.writer = Channels.newWriter(channel, StandardCharsets.UTF_8);
	}

	private void roll() throws IOException {
		closeWriter();
		Files.deleteIfExists(archive(this.keep));
		for (int i = this.keep - 1; i >= 1; i--) {
			if (Files.exists(archive(i))) {
				Files.move(archive(i), archive(i + 1), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		Files.move(this.file, archive(1), StandardCopyOption.REPLACE_EXISTING);
		open();
	}

	private void deleteOldArchives() throws IOException {
		Instant cutoff = Instant.now().minus(this.maxAge);
		for (int i = 1; i <= this.keep + 1; i++) {
			Path archive = archive(i);
			if (Files.exists(archive)
					&& (i > this.keep || Files.getLastModifiedTime(archive).compareTo(FileTime.from(cutoff)) < 0)) {
				Files.delete(archive);
			}
		}
	}

	/**
	 * Deletes the files in a folder (PostgreSQL's own rotated logs) older than the age.
	 */
	static void sweep(Path directory, Duration maxAge) {
		FileTime cutoff = FileTime.from(Instant.now().minus(maxAge));
		try (var files = Files.list(directory)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				if (Files.getLastModifiedTime(file).compareTo(cutoff) < 0) {
					Files.deleteIfExists(file);
				}
			}
		}
		catch (IOException ex) {
			// tried again at the next sweep
		}
	}

	Path archive(int index) {
		String name = this.file.getFileName().toString();
		String base = name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
		return this.file.resolveSibling(base + "." + index + ".log");
	}

	private void closeWriter() {
		if (this.writer != null) {
			try {
				this.writer.close();
			}
			catch (IOException ex) {
				// nothing left to save
			}
			this.writer = null;
		}
	}

	@Override
	public synchronized void close() {
		closeWriter();
	}

}

package nl.meldpunt.ops.e2e.reporter;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import nl.meldpunt.ops.MeldpuntSystem;

/**
 * Looks for a string everywhere the server side keeps anything: every row of every table
 * (as text, so bytea shows as hex and is searched as hex too), every log file, and a heap
 * dump of each application JVM (searched as Latin-1/UTF-8 and UTF-16 bytes).
 */
final class ServerSideSearch {

	private final MeldpuntSystem system;

	ServerSideSearch(MeldpuntSystem system) {
		this.system = system;
	}

	/**
	 * The tables whose rows contain the text or its hex form; also how many rows were
	 * read.
	 */
	List<String> tablesContaining(String text, int[] rowsRead) throws SQLException {
		String hex = HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
		List<String> found = new ArrayList<>();
		var database = this.system.database();
		try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
				Statement statement = connection.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("select table_schema, table_name from information_schema.tables "
					+ "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')")) {
				while (rs.next()) {
					tables.add("\"" + rs.getString(1) + "\".\"" + rs.getString(2) + "\"");
				}
			}
			for (String table : tables) {
				try (ResultSet rows = statement.executeQuery("select t::text from " + table + " t")) {
					while (rows.next()) {
						rowsRead[0]++;
						String row = rows.getString(1);
						if (row.contains(text) || row.toLowerCase().contains(hex)) {
							found.add(table);
						}
					}
				}
			}
		}
		return found;
	}

	/** The log files that contain the text. */
	List<Path> logsContaining(String text) throws IOException {
		List<Path> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(this.system.logDirectory())) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				if (contains(file, text.getBytes(StandardCharsets.UTF_8))) {
					found.add(file);
				}
			}
		}
		return found;
	}

	/**
	 * Whether a fresh heap dump of the process holds the text (one-byte or UTF-16
	 * strings).
	 */
	boolean heapContains(long pid, Path dump, String... texts) throws IOException, InterruptedException {
		Files.deleteIfExists(dump);
		Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_dump", "-all", dump.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!jcmd.waitFor(120, TimeUnit.SECONDS) || !Files.exists(dump)) {
			throw new IllegalStateException("No heap dump of " + pid + ": " + output);
		}
		try {
			for (String text : texts) {
				if (contains(dump, text.getBytes(StandardCharsets.ISO_8859_1))
						|| contains(dump, text.getBytes(StandardCharsets.UTF_16LE))
						|| contains(dump, text.getBytes(StandardCharsets.UTF_16BE))) {
					return true;
				}
			}
			return false;
		}
		finally {
			Files.deleteIfExists(dump);
		}
	}

	/** Streams the file once, keeping only a needle-sized overlap between buffers. */
	static boolean contains(Path file, byte[] needle) throws IOException {
		byte[] buffer = new byte[1 << 20];
		int carried = 0;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			int read;
			while ((read = in.read(buffer, carried, buffer.length - carried)) > 0) {
				int length = carried + read;
				if (indexOf(buffer, length, needle) >= 0) {
					return true;
				}
				carried = Math.min(needle.length - 1, length);
				System.arraycopy(buffer, length - carried, buffer, 0, carried);
			}
		}
		return false;
	}

	private static int indexOf(byte[] haystack, int length, byte[] needle) {
		outer: for (int i = 0; i <= length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}

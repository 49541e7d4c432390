package nl.meldpunt.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the committed vector files from {@code src/test/resources/vectors/}. */
public final class Vectors {

	private static final ObjectMapper JSON = new ObjectMapper();

	private Vectors() {
	}

	public static JsonNode read(String name) {
		try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + name)) {
			if (in == null) {
				throw new IllegalStateException("missing test vectors " + name);
			}
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] hex(JsonNode node, String field) {
		return HexFormat.of().parseHex(node.get(field).asText());
	}

}

package nl.meldpunt.internalapi;

import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON value that should hold a ciphertext, key envelope, key or credential and does
 * not: either no base64url text at all, or bytes the crypto module refuses. Its message
 * never quotes the value; {@link #field()} names where it was.
 */
public final class MalformedValue extends JsonMappingException {

	/** What is wrong with the value. */
	public enum Reason {

		/** Not base64url text without padding. */
		NOT_BASE64URL,
		/** Base64url, but not the crypto module's format for this kind of value. */
		NOT_PARSEABLE

	}

	private final Reason reason;

	private final Class<?> type;

	MalformedValue(JsonParser parser, Reason reason, Class<?> type) {
		super(parser, type.getSimpleName() + ": " + reason);
		this.reason = reason;
		this.type = type;
	}

	public Reason reason() {
		return this.reason;
	}

	/** The crypto type the value should have been. */
	public Class<?> type() {
		return this.type;
	}

	/** Where the value was, e.g. {@code keyEnvelopes[0].envelope}. */
	public String field() {
		return getPath().stream()
			.map((reference) -> (reference.getFieldName() != null) ? reference.getFieldName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

}

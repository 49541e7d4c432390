package nl.meldpunt.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import nl.meldpunt.internalapi.MalformedValue;
import nl.meldpunt.internalapi.servlet.BoundedRequest;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The portal's edge for JSON bodies of the browser API, one piece of code for filing and
 * the mailbox writes: the body is read here, with a hard limit, whatever the path looked
 * like and whatever the request claimed about its length; it is bound straight into the
 * internal API's typed record once (the crypto values through their key-less parsers) and
 * validated; the very bytes that passed are what the portal sends on, so nothing is
 * re-serialised. Every refusal is a {@link PortalProblem}: 415 for anything but JSON, 413
 * past the limit, 400 naming the field otherwise.
 */
@Component
public class JsonBodies {

	/**
	 * A body that passed: the bound record, and the bytes to pass on.
	 *
	 * @param value the record
	 * @param bytes the request body exactly as received
	 */
	public record Checked<T>(T value, byte[] bytes) {
	}

	private final ObjectMapper json;

	private final Validator validator;

	JsonBodies(ObjectMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	/** Reads, binds and validates the body as a {@code type}. */
	public <T> Checked<T> read(HttpServletRequest request, Class<T> type, long limit) {
		requireJson(request.getContentType());
		byte[] bytes = readBounded(request, limit);
		T value = bind(bytes, type);
		Set<ConstraintViolation<T>> violations = this.validator.validate(value);
		if (!violations.isEmpty()) {
			throw PortalProblem.invalid(violations.stream()
				.map((violation) -> violation.getPropertyPath().toString())
				.distinct()
				.sorted()
				.toList());
		}
		return new Checked<>(value, bytes);
	}

	/** Binds {@code bytes} as a {@code type}, refusing what is not exactly that. */
	public <T> T bind(byte[] bytes, Class<T> type) {
		ObjectReader reader = this.json.readerFor(type).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		try {
			T value = reader.readValue(bytes);
			if (value == null) {
				throw PortalProblem.invalid(List.of());
			}
			return value;
		}
		catch (MalformedValue malformed) {
			if (malformed.reason() == MalformedValue.Reason.NOT_PARSEABLE) {
				throw new PortalProblem(400, "malformed-ciphertext", List.of(malformed.field()));
			}
			throw PortalProblem.invalid(List.of(malformed.field()));
		}
		catch (JsonMappingException mapping) {
			throw PortalProblem.invalid(mapping.getPath().isEmpty() ? List.of() : List.of(path(mapping)));
		}
		catch (JacksonException ex) {
			throw PortalProblem.invalid(List.of());
		}
		catch (IOException ex) {
			throw PortalProblem.invalid(List.of());
		}
	}

	/**
	 * Reads the body, refusing a declared length over {@code limit} before reading and an
	 * undeclared one as soon as it passes it.
	 */
	public static byte[] readBounded(HttpServletRequest request, long limit) {
		if (request.getContentLengthLong() > limit) {
			throw tooLarge();
		}
		try (InputStream body = request.getInputStream()) {
			byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
			if (bytes.length > limit) {
				throw tooLarge();
			}
			return bytes;
		}
		catch (BoundedRequest.BodyTooLarge ex) {
			throw tooLarge();
		}
		catch (IOException ex) {
			// the client went away or sent a broken body: nothing to answer
			throw PortalProblem.invalid(List.of());
		}
	}

	private static void requireJson(String contentType) {
		try {
			if (contentType != null
					&& MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType))) {
				return;
			}
		}
		catch (InvalidMediaTypeException ex) {
			// refused below like any other type
		}
		throw new PortalProblem(415, "invalid-request");
	}

	private static PortalProblem tooLarge() {
		return new PortalProblem(413, "request-too-large");
	}

	private static String path(JsonMappingException mapping) {
		return mapping.getPath()
			.stream()
			.map((reference) -> (reference.getFieldName() != null) ? reference.getFieldName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

}

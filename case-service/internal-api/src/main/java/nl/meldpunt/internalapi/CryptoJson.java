package nl.meldpunt.internalapi;

import java.io.IOException;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.KeyBookDraft;
import nl.meldpunt.crypto.KeyEnvelope;
import nl.meldpunt.crypto.MailboxCredential;
import nl.meldpunt.crypto.RecipientPublicKey;
import nl.meldpunt.crypto.SealedItem;
import nl.meldpunt.crypto.WrappedPrivateKey;
import nl.meldpunt.crypto.WrappedSigningKey;

/**
 * The JSON form of the crypto module's values: base64url without padding
 * (docs/CONTRACTS.md section 1), read straight into the crypto type with its own key-less
 * parser. A value that is not base64url, or that the parser refuses, fails as a
 * {@link MalformedValue} naming the field; an empty string reads as absent. Both
 * applications register {@link #module()} with their {@code ObjectMapper}.
 */
public final class CryptoJson {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private CryptoJson() {
	}

	/** Serialisers and deserialisers for every crypto value the services exchange. */
	public static Module module() {
		SimpleModule module = new SimpleModule("meldpunt-crypto-json");
		add(module, SealedItem.class, SealedItem::parse, SealedItem::toBytes);
		add(module, KeyEnvelope.class, KeyEnvelope::parse, KeyEnvelope::toBytes);
		add(module, RecipientPublicKey.class, RecipientPublicKey::fromBytes, RecipientPublicKey::toBytes);
		add(module, MailboxCredential.class, MailboxCredential::fromBytes, MailboxCredential::toBytes);
		add(module, WrappedPrivateKey.class, WrappedPrivateKey::parse, WrappedPrivateKey::toBytes);
		add(module, WrappedSigningKey.class, WrappedSigningKey::parse, WrappedSigningKey::toBytes);
		add(module, KeyBookDraft.class, KeyBookDraft::parse, KeyBookDraft::toBytes);
		return module;
	}

	/** Base64url without padding, or null when {@code text} is not exactly that. */
	public static byte[] decode(String text) {
		if (text == null || text.indexOf('=') >= 0) {
			return null;
		}
		try {
			return Base64.getUrlDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public static String encode(byte[] bytes) {
		return ENCODER.encodeToString(bytes);
	}

	/** A crypto module parser. */
	@FunctionalInterface
	interface Parser<T> {

		T parse(byte[] bytes) throws CryptoException;

	}

	private static <T> void add(SimpleModule module, Class<T> type, Parser<T> parser,
			java.util.function.Function<T, byte[]> bytes) {
		module.addDeserializer(type, new JsonDeserializer<T>() {

			@Override
			public T deserialize(JsonParser json, DeserializationContext context) throws IOException {
				if (json.currentToken() != JsonToken.VALUE_STRING) {
					return type.cast(context.handleUnexpectedToken(type, json));
				}
				String text = json.getText();
				if (text.isEmpty()) {
					return null;
				}
				byte[] decoded = decode(text);
				if (decoded == null) {
					throw new MalformedValue(json, MalformedValue.Reason.NOT_BASE64URL, type);
				}
				try {
					return parser.parse(decoded);
				}
				catch (CryptoException ex) {
					throw new MalformedValue(json, MalformedValue.Reason.NOT_PARSEABLE, type);
				}
			}

		});
		module.addSerializer(type, new JsonSerializer<T>() {

			@Override
			public void serialize(T value, JsonGenerator json, SerializerProvider provider) throws IOException {
				json.writeString(encode(bytes.apply(value)));
			}

		});
	}

}

package nl.meldpunt.ops.e2e.reporter;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.meldpunt.crypto.AttachmentBinding;
import nl.meldpunt.crypto.CaseKey;
import nl.meldpunt.crypto.EnvelopeBinding;
import nl.meldpunt.crypto.ItemBinding;
import nl.meldpunt.crypto.ItemKind;
import nl.meldpunt.crypto.KeyEnvelope;
import nl.meldpunt.crypto.LoginSecret;
import nl.meldpunt.crypto.RecipientPrivateKey;
import nl.meldpunt.crypto.SealedItem;
import nl.meldpunt.crypto.WrappedPrivateKey;

/**
 * A demo adviser acting through case-service's own adviser API exactly as the workspace
 * page does: fetch the wrapped key, derive the log-in secret and unwrap the private key
 * locally, sign in with the TOTP code, then open and answer cases with the case key from
 * the adviser's envelope. Nothing here reaches into the database.
 */
final class DemoAdviser {

	/** The demo accounts' passphrase and TOTP secret (case-service's DemoSeeder). */
	static final String PASSPHRASE = "meldpunt-demo-passphrase";

	static final String TOTP_SECRET = "MELDPUNTDEMOTOTPSECRETFORDEMOXYZ";

	private final ObjectMapper json = new ObjectMapper();

	private final String base;

	private final HttpClient http;

	private final String csrf = UUID.randomUUID().toString();

	private RecipientPrivateKey key;

	private UUID accountId;

	DemoAdviser(String caseServiceUrl) {
		this.base = caseServiceUrl;
		CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		// double-submit CSRF: the header must repeat the XSRF-TOKEN cookie
		HttpCookie token = new HttpCookie("XSRF-TOKEN", this.csrf);
		token.setPath("/");
		token.setVersion(0);
		cookies.getCookieStore().add(URI.create(caseServiceUrl), token);
		this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
	}

	DemoAdviser logIn(String email) throws Exception {
		JsonNode key = post("/login/key", this.json.createObjectNode().put("email", email));
		// CONTRACTS.md 2: before log-in the server may serve only the KDF header, the
		// whole
		// wrapped key then comes with (or after) the log-in
		byte[] header = key.has("kdfHeader") ? decode(key.get("kdfHeader").asText())
				: WrappedPrivateKey.parse(decode(key.get("wrappedPrivateKey").asText())).kdfHeader();
		JsonNode caller = post("/login",
				this.json.createObjectNode()
					.put("email", email)
					.put("loginSecret", encode(LoginSecret.derive(header, PASSPHRASE).toBytes()))
					.put("code", totp(TOTP_SECRET, Instant.now().getEpochSecond() / 30)));
		JsonNode who = caller.has("caller") ? caller.get("caller") : caller;
		this.accountId = UUID.fromString(who.get("accountId").asText());
		JsonNode wrapped = key.has("wrappedPrivateKey") ? key
				: caller.has("wrappedPrivateKey") ? caller : get("/api/me");
		this.key = WrappedPrivateKey.parse(decode(wrapped.get("wrappedPrivateKey").asText())).unwrap(PASSPHRASE);
		return this;
	}

	List<UUID> inbox() throws Exception {
		List<UUID> ids = new ArrayList<>();
		for (JsonNode entry : get("/api/cases")) {
			ids.add(UUID.fromString(entry.get("caseId").asText()));
		}
		return ids;
	}

	JsonNode detail(UUID caseId) throws Exception {
		return get("/api/cases/" + caseId);
	}

	CaseKey caseKey(JsonNode detail) throws Exception {
		UUID organisationId = UUID.fromString(detail.get("organisationId").asText());
		UUID caseId = UUID.fromString(detail.get("caseId").asText());
		return this.key.open(KeyEnvelope.parse(decode(detail.get("myKeyEnvelope").asText())),
				EnvelopeBinding.forRecipient(organisationId, caseId, this.accountId));
	}

	/** The decrypted items of a case, each as "AUTHOR:KIND:text". */
	List<String> read(UUID caseId) throws Exception {
		JsonNode detail = detail(caseId);
		CaseKey caseKey = caseKey(detail);
		UUID organisationId = UUID.fromString(detail.get("organisationId").asText());
		List<String> items = new ArrayList<>();
		for (JsonNode item : detail.get("items")) {
			ItemKind kind = ItemKind.valueOf(item.get("kind").asText());
			byte[] plain = caseKey.open(SealedItem.parse(decode(item.get("ciphertext").asText())),
					new ItemBinding(organisationId, caseId, UUID.fromString(item.get("itemId").asText()), kind));
			items.add(item.get("author").asText() + ":" + kind + ":" + new String(plain, StandardCharsets.UTF_8));
		}
		return items;
	}

	/** The first attachment of a case, decrypted. */
	byte[] firstAttachment(UUID caseId) throws Exception {
		JsonNode detail = detail(caseId);
		JsonNode attachment = detail.get("attachments").get(0);
		UUID attachmentId = UUID.fromString(attachment.get("attachmentId").asText());
		List<SealedItem> chunks = new ArrayList<>();
		for (int i = 0; i < attachment.get("chunkCount").asInt(); i++) {
			HttpResponse<byte[]> chunk = this.http
				.send(request("/api/cases/" + caseId + "/attachments/" + attachmentId + "/chunks/" + i)
					.setHeader("Accept", "application/octet-stream")
					.GET()
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (chunk.statusCode() != 200) {
				throw new IllegalStateException("chunk " + i + " answered " + chunk.statusCode());
			}
			chunks.add(SealedItem.parse(chunk.body()));
		}
		return caseKey(detail).openAttachment(chunks,
				new AttachmentBinding(UUID.fromString(detail.get("organisationId").asText()), caseId, attachmentId));
	}

	void fire(UUID caseId, String event) throws Exception {
		post("/api/cases/" + caseId + "/events", this.json.createObjectNode().put("event", event));
	}

	void write(UUID caseId, String message) throws Exception {
		JsonNode detail = detail(caseId);
		UUID itemId = UUID.randomUUID();
		SealedItem sealed = caseKey(detail).seal(message.getBytes(StandardCharsets.UTF_8), new ItemBinding(
				UUID.fromString(detail.get("organisationId").asText()), caseId, itemId, ItemKind.MESSAGE));
		post("/api/cases/" + caseId + "/items",
				this.json.createObjectNode()
					.put("itemId", itemId.toString())
					.put("kind", "MESSAGE")
					.put("ciphertext", encode(sealed.toBytes())));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path))
			.header("X-XSRF-TOKEN", this.csrf)
			.header("Accept", "application/json");
	}

	private JsonNode get(String path) throws IOException, InterruptedException {
		return answer(this.http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
	}

	private JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
		return answer(this.http.send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), HttpResponse.BodyHandlers.ofString()));
	}

	private JsonNode answer(HttpResponse<String> response) throws IOException {
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(
					response.request().uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body().isEmpty() ? this.json.createObjectNode() : this.json.readTree(response.body());
	}

	/** RFC 6238 (SHA-1, 30 s, 6 digits), as an authenticator app computes it. */
	static String totp(String base32Secret, long counter) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
		byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
	}

	private static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return out.array();
	}

	static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] decode(String text) {
		return Base64.getUrlDecoder().decode(text);
	}

}

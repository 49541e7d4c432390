package nl.meldpunt.ops.e2e.workspace;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.meldpunt.crypto.Enrolment;
import nl.meldpunt.crypto.LoginSecret;
import nl.meldpunt.crypto.RecipientPrivateKey;
import nl.meldpunt.crypto.SigningKey;

/**
 * The demo administrator on case-service's JSON admin API, as any API client would call
 * it: KDF header, log-in secret and TOTP code, then the double-submit CSRF header on
 * every call.
 */
final class DemoAdmin {

	private final ObjectMapper json = new ObjectMapper();

	private final String base;

	private final HttpClient http;

	private final String csrf = UUID.randomUUID().toString();

	DemoAdmin(String caseServiceUrl) {
		this.base = caseServiceUrl;
		CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		HttpCookie token = new HttpCookie("XSRF-TOKEN", this.csrf);
		token.setPath("/");
		token.setVersion(0);
		cookies.getCookieStore().add(URI.create(caseServiceUrl), token);
		this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
	}

	DemoAdmin logIn() throws Exception {
		String email = "admin@demo.meldpunt.nl";
		JsonNode key = post("/login/key", this.json.createObjectNode().put("email", email));
		byte[] header = Base64.getUrlDecoder().decode(key.get("kdfHeader").asText());
		byte[] secret = LoginSecret.derive(header, WorkspaceBrowser.PASSPHRASE).toBytes();
		post("/login",
				this.json.createObjectNode()
					.put("email", email)
					.put("loginSecret", Base64.getUrlEncoder().withoutPadding().encodeToString(secret))
					.put("code", WorkspaceBrowser.code()));
		return this;
	}

	/** Invites a person; returns the one-time enrolment code. */
	String invite(String role, String displayName, String email) throws Exception {
		return invitation(role, displayName, email).get("enrolmentCode").asText();
	}

	/** Invites a person; returns {@code {accountId, enrolmentCode}}. */
	JsonNode invitation(String role, String displayName, String email) throws Exception {
		return post("/api/admin/accounts",
				this.json.createObjectNode().put("role", role).put("displayName", displayName).put("email", email));
	}

	/** Invites a person; returns the raw answer (status and body), refusals included. */
	HttpResponse<String> tryInvite(String role, String displayName, String email) throws Exception {
		return send("/api/admin/accounts",
				this.json.createObjectNode().put("role", role).put("displayName", displayName).put("email", email));
	}

	/**
	 * Enrols an invited person the way an insider would, with keys made outside any
	 * browser (the crypto module's Java API): a valid enrolment, which makes the account
	 * a pending recipient — nothing more.
	 */
	static void enrolOutsideTheBrowser(String caseServiceUrl, String email, String code, String passphrase)
			throws Exception {
		Enrolment enrolment = RecipientPrivateKey.generate().wrap(passphrase);
		SigningKey signing = SigningKey.generate();
		ObjectMapper json = new ObjectMapper();
		var body = json.createObjectNode()
			.put("email", email)
			.put("code", code)
			.put("publicKey", b64(enrolment.wrappedKey().publicKey().toBytes()))
			.put("wrappedPrivateKey", b64(enrolment.wrappedKey().toBytes()))
			.put("wrappedSigningKey", b64(signing.wrap(enrolment.wrappedKey(), passphrase).toBytes()))
			.put("loginSecret", b64(enrolment.loginSecret().toBytes()));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(caseServiceUrl + "/enrol"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("/enrol answered " + response.statusCode() + ": " + response.body());
		}
	}

	private static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
		HttpResponse<String> response = send(path, body);
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> send(String path, JsonNode body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("X-XSRF-TOKEN", this.csrf)
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}

package nl.meldpunt.caseservice.accounts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Keeps the pending OIDC authorization request (state, nonce, PKCE verifier) in a
 * short-lived cookie instead of the session. The staff session cookie is
 * {@code SameSite=Strict}, so a browser does not send it with the provider's redirect
 * back (a cross-site navigation); this cookie is {@code SameSite=Lax} (sent on that
 * top-level GET only), {@code HttpOnly}, {@code Secure} behind TLS, limited to the
 * callback path, valid for 5 minutes, and authenticated with HMAC-SHA-256 under a secret
 * every instance reads from the database, so nobody can plant a request of their own
 * (log-in CSRF). The bytes are only deserialised after the MAC checked, and then only
 * Spring's OAuth2 types and JDK collections.
 */
final class OidcRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

	static final String COOKIE = "MELDPUNT_OIDC";

	static final String PATH = "/login/oauth2/code/";

	private static final Duration VALID = Duration.ofMinutes(5);

	private static final ObjectInputFilter ONLY_REQUESTS = ObjectInputFilter.Config
		.createFilter("maxdepth=8;maxrefs=200;maxbytes=16384;java.lang.*;java.util.*;"
				+ "org.springframework.security.oauth2.core.**;!*");

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private volatile byte[] key;

	OidcRequests(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				return open(cookie.getValue());
			}
		}
		return null;
	}

	@Override
	public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
			HttpServletResponse response) {
		if (authorizationRequest == null) {
			write(request, response, "", Duration.ZERO);
			return;
		}
		write(request, response, seal(authorizationRequest), VALID);
	}

	@Override
	public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
			HttpServletResponse response) {
		OAuth2AuthorizationRequest found = loadAuthorizationRequest(request);
		write(request, response, "", Duration.ZERO);
		return found;
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
		ResponseCookie cookie = ResponseCookie.from(COOKIE, value)
			.path(PATH)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.maxAge(maxAge)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	String seal(OAuth2AuthorizationRequest authorizationRequest) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeLong(this.clock.millis() + VALID.toMillis());
			out.writeObject(authorizationRequest);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not keep the OIDC authorization request", ex);
		}
		byte[] body = bytes.toByteArray();
		byte[] sealed = ByteBuffer.allocate(32 + body.length).put(mac(body)).put(body).array();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
	}

	/** The request, or null when the cookie is not ours, was changed or is too old. */
	OAuth2AuthorizationRequest open(String value) {
		byte[] sealed;
		try {
			sealed = Base64.getUrlDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (sealed.length <= 32) {
			return null;
		}
		byte[] body = Arrays.copyOfRange(sealed, 32, sealed.length);
		if (!MessageDigest.isEqual(mac(body), Arrays.copyOf(sealed, 32))) {
			return null;
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(body))) {
			in.setObjectInputFilter(ONLY_REQUESTS);
			long expires = in.readLong();
			if (this.clock.millis() > expires) {
				return null;
			}
			return (OAuth2AuthorizationRequest) in.readObject();
		}
		catch (IOException | ClassNotFoundException | ClassCastException ex) {
			return null;
		}
	}

	private byte[] mac(byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	private byte[] key() {
		byte[] key = this.key;
		if (key == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			this.jdbc.update(
					"insert into server_secret (name, value) values ('oidc-request', ?) on conflict do nothing",
					(Object) fresh);
			key = this.jdbc.queryForObject("select value from server_secret where name = 'oidc-request'", byte[].class);
			this.key = key;
		}
		return key;
	}

}

package nl.meldpunt.caseservice.accounts;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.RecipientPublicKey;
import nl.meldpunt.crypto.WrappedPrivateKey;
import nl.meldpunt.crypto.WrappedSigningKey;
import nl.meldpunt.internalapi.CryptoJson;

/**
 * Log-in as JSON. Step 1 fetches the wrapped key (the browser derives the log-in secret
 * from it and the passphrase); step 2 presents that secret with the TOTP code and gets a
 * session (stored by Spring Session JDBC, so it survives the restart of one instance).
 */
@RestController
class LogInApi {

	record KeyRequest(@NotBlank @Size(max = 254) String email) {
	}

	record LogInRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String loginSecret,
			@NotBlank @Size(max = 10) String code) {
	}

	record InvitationRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 100) String code) {
	}

	/**
	 * @param wrappedSigningKey the signing key wrapped beside the private key (advisers
	 * and handlers)
	 * @param genesis the key book's first entry, signed by this person's browser when
	 * they are the book's first member (base64url)
	 */
	record EnrolRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 100) String code,
			@NotNull RecipientPublicKey publicKey, @NotNull WrappedPrivateKey wrappedPrivateKey,
			WrappedSigningKey wrappedSigningKey, @Size(max = 11000) String genesis,
			@NotBlank @Size(max = 200) String loginSecret) {
	}

	record SigningKeyRequest(@NotNull WrappedSigningKey wrappedSigningKey, @Size(max = 11000) String genesis) {
	}

	private final LogIns logIns;

	private final Enrolments enrolments;

	private final SecurityContextRepository contexts;

	LogInApi(LogIns logIns, Enrolments enrolments, SecurityContextRepository contexts) {
		this.logIns = logIns;
		this.enrolments = enrolments;
		this.contexts = contexts;
	}

	/**
	 * What the browser gets after log-in: who it is and the wrapped keys to unlock (the
	 * signing key is null for an account enrolled before signing keys existed).
	 */
	record SignedIn(Caller caller, String wrappedPrivateKey, String wrappedSigningKey) {
	}

	@PostMapping("/login/key")
	Map<String, String> key(@Valid @RequestBody KeyRequest request) {
		return Map.of("kdfHeader", CryptoJson.encode(this.logIns.kdfHeader(request.email())));
	}

	@PostMapping("/login")
	SignedIn logIn(@Valid @RequestBody LogInRequest body, HttpServletRequest request, HttpServletResponse response) {
		Caller caller = this.logIns.logIn(body.email(), CryptoJson.decode(body.loginSecret()), body.code())
			.orElseThrow(
					() -> new Refusal(Problem.LOGIN_FAILED, "The e-mail address, passphrase or code is not correct."));
		request.getSession(true);
		request.changeSessionId();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new CallerAuthentication(caller));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		return signedIn(caller);
	}

	@PostMapping("/enrol/invitation")
	Enrolments.Invitation invitation(@Valid @RequestBody InvitationRequest body) {
		return this.enrolments.invitation(body.email(), body.code());
	}

	@PostMapping("/enrol")
	Enrolments.Enrolled enrol(@Valid @RequestBody EnrolRequest body) {
		return this.enrolments.enrol(body.email(), body.code(), body.publicKey(), body.wrappedPrivateKey(),
				body.wrappedSigningKey(), genesis(body.genesis()), CryptoJson.decode(body.loginSecret()));
	}

	/**
	 * A recipient enrolled before signing keys existed adds one (at its next sign-in).
	 */
	@PostMapping("/api/me/signing-key")
	Enrolments.Enrolled signingKey(@AuthenticationPrincipal Caller caller, @Valid @RequestBody SigningKeyRequest body) {
		return this.enrolments.addSigningKey(caller, body.wrappedSigningKey(), genesis(body.genesis()));
	}

	private static byte[] genesis(String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		byte[] bytes = CryptoJson.decode(text);
		if (bytes == null) {
			throw Refusal.malformedCiphertext("genesis");
		}
		return bytes;
	}

	@GetMapping("/api/me")
	SignedIn me(@AuthenticationPrincipal Caller caller) {
		return signedIn(caller);
	}

	private SignedIn signedIn(Caller caller) {
		LogIns.Keys keys = this.logIns.wrappedKeys(caller);
		return new SignedIn(caller, (keys.wrappedKey() != null) ? CryptoJson.encode(keys.wrappedKey()) : null,
				(keys.wrappedSigningKey() != null) ? CryptoJson.encode(keys.wrappedSigningKey()) : null);
	}

}

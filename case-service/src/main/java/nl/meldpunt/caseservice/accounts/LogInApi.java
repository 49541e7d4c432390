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

	record EnrolRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 100) String code,
			@NotNull RecipientPublicKey publicKey, @NotNull WrappedPrivateKey wrappedPrivateKey,
			@NotBlank @Size(max = 200) String loginSecret) {
	}

	private final LogIns logIns;

	private final Enrolments enrolments;

	private final SecurityContextRepository contexts;

	LogInApi(LogIns logIns, Enrolments enrolments, SecurityContextRepository contexts) {
		this.logIns = logIns;
		this.enrolments = enrolments;
		this.contexts = contexts;
	}

	/** What the browser gets after log-in: who it is and the wrapped key to unlock. */
	record SignedIn(Caller caller, String wrappedPrivateKey) {
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

	@PostMapping("/enrol")
	Enrolments.Enrolled enrol(@Valid @RequestBody EnrolRequest body) {
		return this.enrolments.enrol(body.email(), body.code(), body.publicKey(), body.wrappedPrivateKey(),
				CryptoJson.decode(body.loginSecret()));
	}

	@GetMapping("/api/me")
	SignedIn me(@AuthenticationPrincipal Caller caller) {
		return signedIn(caller);
	}

	private SignedIn signedIn(Caller caller) {
		byte[] wrapped = this.logIns.wrappedKey(caller);
		return new SignedIn(caller, (wrapped != null) ? CryptoJson.encode(wrapped) : null);
	}

}

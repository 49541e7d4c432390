package nl.meldpunt.caseservice.accounts;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;

import org.springframework.stereotype.Component;

/**
 * The second factor: RFC 6238 codes from an authenticator app (30 s, 6 digits, SHA-1).
 */
@Component
class Totp {

	private final CodeVerifier verifier;

	Totp() {
		DefaultCodeVerifier verifier = new DefaultCodeVerifier(new DefaultCodeGenerator(), new SystemTimeProvider());
		verifier.setAllowedTimePeriodDiscrepancy(1);
		this.verifier = verifier;
	}

	String newSecret() {
		return new DefaultSecretGenerator(32).generate();
	}

	boolean accepts(String secret, String code) {
		return secret != null && code != null && code.matches("\\d{6}") && this.verifier.isValidCode(secret, code);
	}

	/**
	 * The {@code otpauth://} URI an authenticator app reads (typed in or shown as QR by
	 * the page).
	 */
	String uri(String secret, String email) {
		return new QrData.Builder().label(email)
			.secret(secret)
			.issuer("Meldpunt")
			.digits(6)
			.period(30)
			.build()
			.getUri();
	}

}

package nl.meldpunt.caseservice.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.OptionalLong;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;

import org.springframework.stereotype.Component;

/**
 * The second factor: RFC 6238 codes from an authenticator app (30 s, 6 digits, SHA-1),
 * accepted for the current time step and one on either side (clock drift). A code is good
 * once: the caller passes the last step that signed the account in, and only a later step
 * is accepted (RFC 6238 section 5.2), so a code seen over a shoulder or in a proxy log
 * cannot be replayed within its window.
 */
@Component
class Totp {

	static final int PERIOD_SECONDS = 30;

	private final CodeGenerator generator = new DefaultCodeGenerator();

	private final Clock clock;

	Totp(Clock clock) {
		this.clock = clock;
	}

	String newSecret() {
		return new DefaultSecretGenerator(32).generate();
	}

	/**
	 * The time step {@code code} belongs to, if it is a valid code of a step after
	 * {@code lastStep} (null: none used yet) within one step of now.
	 */
	OptionalLong acceptedStep(String secret, String code, Long lastStep) {
		if (secret == null || code == null || !code.matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		long now = Math.floorDiv(this.clock.millis(), PERIOD_SECONDS * 1000L);
		byte[] presented = code.getBytes(StandardCharsets.US_ASCII);
		long accepted = -1;
		// every candidate is computed and compared, so the time does not tell which
		// matched
		for (long step = now - 1; step <= now + 1; step++) {
			boolean matches = MessageDigest.isEqual(presented, codeAt(secret, step));
			if (matches && accepted < 0 && (lastStep == null || step > lastStep)) {
				accepted = step;
			}
		}
		return (accepted >= 0) ? OptionalLong.of(accepted) : OptionalLong.empty();
	}

	private byte[] codeAt(String secret, long step) {
		try {
			return this.generator.generate(secret, step).getBytes(StandardCharsets.US_ASCII);
		}
		catch (CodeGenerationException ex) {
			// a secret that is no base32 can never be matched
			return new byte[0];
		}
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
			.period(PERIOD_SECONDS)
			.build()
			.getUri();
	}

}

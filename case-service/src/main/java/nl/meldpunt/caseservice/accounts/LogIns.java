package nl.meldpunt.caseservice.accounts;

import java.time.Clock;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.audit.AuditLog;
import nl.meldpunt.caseservice.casefile.SealedBytes;

/**
 * Checks a log-in: the browser-derived log-in secret against its slow hash, then the TOTP
 * code. Failed attempts count towards a doubling lock-out; a locked account, an unknown
 * e-mail, a wrong secret and a wrong code all fail the same way.
 */
@Service
class LogIns {

	private final Accounts accounts;

	private final PasswordEncoder encoder;

	private final Totp totp;

	private final AuditLog audit;

	private final Clock clock;

	/** Compared against when the e-mail is unknown, so that both take the same time. */
	private final String decoyHash;

	LogIns(Accounts accounts, PasswordEncoder encoder, Totp totp, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.totp = totp;
		this.audit = audit;
		this.clock = clock;
		this.decoyHash = encoder.encode("decoy-login-secret");
	}

	/** The wrapped private key the browser needs to derive the log-in secret. */
	@Transactional(readOnly = true)
	public Optional<byte[]> wrappedKey(String email) {
		return this.accounts.findByEmail(normalise(email)).filter(Account::isEnrolled).map(Account::wrappedPrivateKey);
	}

	/** The caller, or empty when the log-in failed for whatever reason. */
	@Transactional
	public Optional<Caller> logIn(String email, SealedBytes loginSecret, String code) {
		Optional<Account> found = this.accounts.findByEmail(normalise(email)).filter(Account::isEnrolled);
		String presented = (loginSecret != null) ? loginSecret.base64Url() : "";
		if (found.isEmpty()) {
			this.encoder.matches(presented, this.decoyHash);
			return Optional.empty();
		}
		Account account = found.get();
		var now = this.clock.instant();
		boolean secretOk = this.encoder.matches(presented, account.loginSecretHash());
		if (account.isLockedAt(now) || !secretOk || !this.totp.accepts(account.totpSecret(), code)) {
			account.failedLogin(now);
			this.audit.record(account.organisationId(), account.role().name(), account.id().toString(), "LOGIN_FAILED",
					null, null);
			return Optional.empty();
		}
		account.succeededLogin();
		this.audit.record(account.organisationId(), account.role().name(), account.id().toString(), "LOGIN", null,
				null);
		return Optional.of(account.caller());
	}

	private static String normalise(String email) {
		return (email != null) ? email.strip().toLowerCase(java.util.Locale.ROOT) : "";
	}

}

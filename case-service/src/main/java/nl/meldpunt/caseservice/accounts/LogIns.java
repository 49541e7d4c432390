package nl.meldpunt.caseservice.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.audit.AuditAction;
import nl.meldpunt.caseservice.audit.AuditLog;
import nl.meldpunt.caseservice.ids.AccountId;
import nl.meldpunt.caseservice.ids.OrganisationId;
import nl.meldpunt.internalapi.CryptoJson;
import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.WrappedPrivateKey;

/**
 * Checks a log-in: the browser-derived log-in secret against its slow hash, then the TOTP
 * code (each code once). Failed attempts count towards a capped back-off
 * ({@link LoginBackOff}) during which attempts are not checked; an attempt during the
 * back-off, an unknown e-mail, a disabled account, a wrong secret, a wrong or used code
 * all fail the same way and take the same slow hash comparison.
 */
@Service
class LogIns {

	private final Accounts accounts;

	private final PasswordEncoder encoder;

	private final Totp totp;

	private final AuditLog audit;

	private final Clock clock;

	private final LoginDecoys decoys;

	/** Compared against when the e-mail is unknown, so that both take the same time. */
	private final String decoyHash;

	LogIns(Accounts accounts, PasswordEncoder encoder, Totp totp, AuditLog audit, Clock clock, LoginDecoys decoys) {
		this.decoys = decoys;
		this.accounts = accounts;
		this.encoder = encoder;
		this.totp = totp;
		this.audit = audit;
		this.clock = clock;
		this.decoyHash = encoder.encode("decoy-login-secret");
	}

	/**
	 * The KDF header the browser needs to derive the log-in secret: only the header, and
	 * a decoy for an unknown address (the whole wrapped key is served after log-in).
	 */
	@Transactional
	public byte[] kdfHeader(String email) {
		String name = normalise(email);
		return this.accounts.findByEmail(name)
			.filter(Account::isEnrolled)
			.filter(Account::isActive)
			.map(Account::wrappedPrivateKey)
			.map(LogIns::headerOf)
			.orElseGet(() -> this.decoys.header(name));
	}

	/** A signed-in person's wrapped keys (null when the account has none). */
	record Keys(byte[] wrappedKey, byte[] wrappedSigningKey) {
	}

	/** The signed-in person's wrapped keys, served only after log-in. */
	@Transactional(readOnly = true)
	public Keys wrappedKeys(Caller caller) {
		return this.accounts.findById(caller.accountId())
			.map((a) -> new Keys(a.wrappedPrivateKey(), a.wrappedSigningKey()))
			.orElse(new Keys(null, null));
	}

	private static byte[] headerOf(byte[] wrapped) {
		try {
			return WrappedPrivateKey.parse(wrapped).kdfHeader();
		}
		catch (CryptoException ex) {
			throw new IllegalStateException("A stored wrapped key is invalid", ex);
		}
	}

	/** The caller, or empty when the log-in failed for whatever reason. */
	@Transactional
	public Optional<Caller> logIn(String email, byte[] loginSecret, String code) {
		Optional<Account> found = this.accounts.lockByEmail(normalise(email))
			.filter(Account::isEnrolled)
			.filter(Account::isActive);
		String presented = (loginSecret != null) ? CryptoJson.encode(loginSecret) : "";
		Instant now = this.clock.instant();
		if (found.isEmpty() || !found.get().mayTryAt(now)) {
			// not checked, not counted: a wait nobody can extend
			this.encoder.matches(presented, this.decoyHash);
			return Optional.empty();
		}
		Account account = found.get();
		boolean secretOk = this.encoder.matches(presented, account.loginSecretHash());
		OptionalLong step = secretOk ? this.totp.acceptedStep(account.totpSecret(), code, account.totpLastStep())
				: OptionalLong.empty();
		if (step.isEmpty()) {
			account.failedLogin(now);
			this.audit.record(OrganisationId.of(account.organisationId()), account.role().actorKind(),
					AccountId.of(account.id()), AuditAction.LOGIN_FAILED, null, null);
			return Optional.empty();
		}
		account.succeededLogin(step.getAsLong());
		this.audit.record(OrganisationId.of(account.organisationId()), account.role().actorKind(),
				AccountId.of(account.id()), AuditAction.LOGIN, null, null);
		return Optional.of(account.caller());
	}

	private static String normalise(String email) {
		return (email != null) ? email.strip().toLowerCase(java.util.Locale.ROOT) : "";
	}

}

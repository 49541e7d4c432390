package nl.meldpunt.caseservice.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.audit.AuditAction;
import nl.meldpunt.caseservice.audit.AuditLog;
import nl.meldpunt.caseservice.audit.ActorKind;
import nl.meldpunt.caseservice.ids.AccountId;
import nl.meldpunt.caseservice.ids.OrganisationId;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.RecipientPublicKey;
import nl.meldpunt.crypto.WrappedPrivateKey;
import nl.meldpunt.internalapi.CryptoJson;

/**
 * Accounts come to life in two steps: an administrator (or first-run setup) invites a
 * person, who gets a one-time enrolment code; the person's browser then generates a key
 * pair, wraps the private key under the passphrase, derives the log-in secret, and sends
 * public key, wrapped key and log-in secret here. The server stores a slow hash of the
 * log-in secret and a new TOTP secret for the second factor.
 */
@Service
public class Enrolments {

	/** What the person needs next: the TOTP secret for the authenticator app. */
	public record Enrolled(UUID accountId, String totpSecret, String totpUri, String fingerprint) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Accounts accounts;

	private final PasswordEncoder encoder;

	private final Totp totp;

	private final AuditLog audit;

	private final Clock clock;

	Enrolments(Accounts accounts, PasswordEncoder encoder, Totp totp, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.totp = totp;
		this.audit = audit;
		this.clock = clock;
	}

	/** How long an administrator's invitation stays valid. */
	public static final Duration INVITATION_VALID = Duration.ofDays(7);

	/**
	 * Creates the account and returns its one-time enrolment code (shown once, stored
	 * hashed, valid for {@code validFor}). {@code invitedBy} is the administrator who
	 * acted, or null for the service itself (first-run setup); the audit log names them.
	 */
	@Transactional
	public Invited invite(UUID organisationId, Role role, String displayName, String email, UUID hotlineId,
			AccountId invitedBy, Duration validFor) {
		String normalised = email.strip().toLowerCase(java.util.Locale.ROOT);
		if (this.accounts.findByEmail(normalised).isPresent()) {
			throw new Refusal(Problem.EMAIL_TAKEN, "An account with this e-mail address exists.");
		}
		Account account = new Account(UUID.randomUUID(), organisationId, role, displayName, normalised, hotlineId);
		String code = newCode();
		account.inviteWith(hash(code), this.clock.instant().plus(validFor));
		this.accounts.save(account);
		this.audit.record(OrganisationId.of(organisationId), (invitedBy != null) ? ActorKind.ADMIN : ActorKind.SYSTEM,
				invitedBy, AuditAction.ACCOUNT_INVITED, null, role.name() + " " + account.id());
		return new Invited(account.id(), code);
	}

	/**
	 * A new enrolment code for an invited person who has not enrolled yet (the old code
	 * stops working); {@code issuedBy} as for {@link #invite}.
	 */
	@Transactional
	public Invited reissue(Account account, AccountId issuedBy, Duration validFor) {
		if (account.isEnrolled() || !account.isActive()) {
			throw new Refusal(Problem.ALREADY_ENROLLED, "This account has enrolled already or is not active.");
		}
		String code = newCode();
		account.inviteWith(hash(code), this.clock.instant().plus(validFor));
		this.audit.record(OrganisationId.of(account.organisationId()),
				(issuedBy != null) ? ActorKind.ADMIN : ActorKind.SYSTEM, issuedBy, AuditAction.ENROLMENT_CODE_ISSUED,
				null, account.id().toString());
		return new Invited(account.id(), code);
	}

	/** A new account's id and its one-time code (to hand over once, never stored). */
	public record Invited(UUID accountId, String code) {

		/** Never shows the code. */
		@Override
		public String toString() {
			return "Invited[" + this.accountId + "]";
		}

	}

	@Transactional
	public Enrolled enrol(String email, String code, RecipientPublicKey publicKey, WrappedPrivateKey wrappedPrivateKey,
			byte[] loginSecret) {
		Instant now = this.clock.instant();
		Account account = this.accounts.findByEmail(email.strip().toLowerCase(java.util.Locale.ROOT))
			.filter((a) -> code != null && a.isActive() && a.enrolsWith(hash(code), now))
			.orElseThrow(() -> new Refusal(Problem.ENROLMENT_REFUSED,
					"This e-mail address and enrolment code do not match, or the code has expired."));
		if (!carries(wrappedPrivateKey, publicKey)) {
			throw Refusal.malformedCiphertext("wrappedPrivateKey");
		}
		if (loginSecret == null || loginSecret.length < 16) {
			throw Refusal.invalid("loginSecret", "must be base64url of at least 16 bytes");
		}
		String secret = this.totp.newSecret();
		account.enrol(this.encoder.encode(CryptoJson.encode(loginSecret)), secret, publicKey.toBytes(),
				wrappedPrivateKey.toBytes(), LocalDate.now(this.clock));
		String fingerprint = publicKey.fingerprint();
		this.audit.record(OrganisationId.of(account.organisationId()), account.role().actorKind(),
				AccountId.of(account.id()), AuditAction.KEY_ENROLLED, null, fingerprint);
		return new Enrolled(account.id(), secret, this.totp.uri(secret, account.email()), fingerprint);
	}

	/** Whether the wrapped key is the private half of {@code publicKey}. */
	private static boolean carries(WrappedPrivateKey wrapped, RecipientPublicKey publicKey) {
		try {
			return wrapped.publicKey().equals(publicKey);
		}
		catch (CryptoException ex) {
			return false;
		}
	}

	private static String newCode() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	static String hash(String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.strip().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

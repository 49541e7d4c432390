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
import nl.meldpunt.crypto.WrappedSigningKey;
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

	/**
	 * What the person needs next: the TOTP secret for the authenticator app, and the
	 * fingerprint to compare out of band ({@code pendingApproval}: until members of the
	 * key book approved it, no report is sealed to this key).
	 */
	public record Enrolled(UUID accountId, String totpSecret, String totpUri, String fingerprint,
			boolean pendingApproval) {
	}

	/**
	 * What the enrolling browser needs before it makes its keys: who it enrols as, and
	 * whether it starts its key book (its first member signs the genesis).
	 */
	public record Invitation(UUID accountId, UUID organisationId, Role role, String displayName, UUID hotlineId,
			boolean bookStarted) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Accounts accounts;

	private final PasswordEncoder encoder;

	private final Totp totp;

	private final AuditLog audit;

	private final KeyBookMembership membership;

	private final Clock clock;

	Enrolments(Accounts accounts, PasswordEncoder encoder, Totp totp, AuditLog audit, KeyBookMembership membership,
			Clock clock) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.totp = totp;
		this.audit = audit;
		this.membership = membership;
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
		if (role == Role.ADVISER || role == Role.HOTLINE) {
			String name = DisplayNames.key(DisplayNames.checked(displayName));
			boolean taken = this.accounts.findByOrganisationIdOrderByDisplayName(organisationId)
				.stream()
				.filter((other) -> other.holdsKeys() && !other.isRemoved())
				.anyMatch((other) -> DisplayNames.key(other.displayName()).equals(name));
			if (taken) {
				throw DisplayNames.taken();
			}
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

	/**
	 * The invitation behind an e-mail address and its unused code (nothing is changed).
	 */
	@Transactional(readOnly = true)
	public Invitation invitation(String email, String code) {
		Account account = invited(email, code);
		return new Invitation(account.id(), account.organisationId(), account.role(), account.displayName(),
				account.hotlineId(), account.holdsKeys() && this.membership.bookStarted(account));
	}

	/**
	 * Stores the keys the browser made: the X25519 key and, for a recipient, the signing
	 * key wrapped beside it; then the recipient starts its key book (with the genesis its
	 * browser signed) or is proposed to its members.
	 */
	@Transactional
	public Enrolled enrol(String email, String code, RecipientPublicKey publicKey, WrappedPrivateKey wrappedPrivateKey,
			WrappedSigningKey wrappedSigningKey, byte[] genesis, byte[] loginSecret) {
		Account account = invited(email, code);
		if (!carries(wrappedPrivateKey, publicKey)) {
			throw Refusal.malformedCiphertext("wrappedPrivateKey");
		}
		if (loginSecret == null || loginSecret.length < 16) {
			throw Refusal.invalid("loginSecret", "must be base64url of at least 16 bytes");
		}
		if (account.holdsKeys() && wrappedSigningKey == null) {
			throw Refusal.invalid("wrappedSigningKey", "a recipient's browser makes a signing key beside its key");
		}
		String secret = this.totp.newSecret();
		account.enrol(this.encoder.encode(CryptoJson.encode(loginSecret)), secret, publicKey.toBytes(),
				wrappedPrivateKey.toBytes(), LocalDate.now(this.clock));
		String fingerprint = publicKey.fingerprint();
		boolean pending = false;
		if (account.holdsKeys()) {
			account.addSigningKey(wrappedSigningKey.toBytes());
			fingerprint = account.publicKeys().fingerprint();
			pending = this.membership.bookStarted(account);
			this.membership.joined(account, genesis);
		}
		this.audit.record(OrganisationId.of(account.organisationId()), account.role().actorKind(),
				AccountId.of(account.id()), AuditAction.KEY_ENROLLED, null, fingerprint);
		return new Enrolled(account.id(), secret, this.totp.uri(secret, account.email()), fingerprint, pending);
	}

	/**
	 * A recipient enrolled before signing keys existed adds one at sign-in (its browser
	 * has the passphrase then): it starts its key book, or is proposed to its members.
	 */
	@Transactional
	public Enrolled addSigningKey(Caller caller, WrappedSigningKey wrappedSigningKey, byte[] genesis) {
		Account account = this.accounts.findById(caller.accountId())
			.filter(Account::holdsKeys)
			.orElseThrow(
					() -> new Refusal(Problem.FORBIDDEN, "Only advisers and hotline handlers hold a signing key."));
		if (account.hasSigningKey()) {
			throw new Refusal(Problem.CONFLICT, "This account has a signing key already.");
		}
		account.addSigningKey(wrappedSigningKey.toBytes());
		boolean pending = this.membership.bookStarted(account);
		this.membership.joined(account, genesis);
		String fingerprint = account.publicKeys().fingerprint();
		this.audit.record(OrganisationId.of(account.organisationId()), account.role().actorKind(),
				AccountId.of(account.id()), AuditAction.SIGNING_KEY_ENROLLED, null, fingerprint);
		return new Enrolled(account.id(), null, null, fingerprint, pending);
	}

	private Account invited(String email, String code) {
		Instant now = this.clock.instant();
		return this.accounts.findByEmail(email.strip().toLowerCase(java.util.Locale.ROOT))
			.filter((a) -> code != null && a.isActive() && a.enrolsWith(hash(code), now))
			.orElseThrow(() -> new Refusal(Problem.ENROLMENT_REFUSED,
					"This e-mail address and enrolment code do not match, or the code has expired."));
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

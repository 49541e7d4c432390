package nl.meldpunt.caseservice.accounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.KeyBookMember;
import nl.meldpunt.crypto.RecipientPublicKey;
import nl.meldpunt.crypto.RecipientPublicKeys;
import nl.meldpunt.crypto.WrappedSigningKey;

/**
 * A person who signs in. Advisers and hotline handlers also hold a key pair: the public
 * key in the clear, the private key only as the browser wrapped it under the passphrase.
 * The server stores a slow hash of the log-in secret, a value the browser derives
 * independently from the key-unwrapping secret.
 */
@Entity
@Table(name = "account")
public class Account {

	@Id
	private UUID id;

	@Column(name = "organisation_id")
	private UUID organisationId;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "display_name")
	private String displayName;

	private String email;

	@Column(name = "hotline_id")
	private UUID hotlineId;

	private boolean backup;

	@Column(name = "login_secret_hash")
	private String loginSecretHash;

	@Column(name = "totp_secret")
	private String totpSecret;

	@Column(name = "public_key")
	private byte[] publicKey;

	@Column(name = "wrapped_private_key")
	private byte[] wrappedPrivateKey;

	@Column(name = "enrolled_on")
	private LocalDate enrolledOn;

	@Column(name = "enrolment_code_hash")
	private String enrolmentCodeHash;

	@Column(name = "enrolment_code_expires")
	private Instant enrolmentCodeExpires;

	@Column(name = "failed_logins")
	private int failedLogins;

	@Column(name = "login_delay_until")
	private Instant loginDelayUntil;

	@Column(name = "totp_last_step")
	private Long totpLastStep;

	@Enumerated(EnumType.STRING)
	private AccountStatus status = AccountStatus.ACTIVE;

	@Column(name = "wrapped_signing_key")
	private byte[] wrappedSigningKey;

	@Column(name = "removed_on")
	private LocalDate removedOn;

	@Column(name = "key_book_rejected_on")
	private LocalDate keyBookRejectedOn;

	protected Account() {
	}

	public Account(UUID id, UUID organisationId, Role role, String displayName, String email, UUID hotlineId) {
		this.id = Objects.requireNonNull(id);
		this.organisationId = Objects.requireNonNull(organisationId);
		this.role = Objects.requireNonNull(role);
		this.displayName = Objects.requireNonNull(displayName);
		this.email = Objects.requireNonNull(email).strip().toLowerCase(java.util.Locale.ROOT);
		if (role == Role.HOTLINE && hotlineId == null) {
			throw new IllegalArgumentException("a hotline handler belongs to a hotline");
		}
		this.hotlineId = hotlineId;
	}

	public UUID id() {
		return this.id;
	}

	public UUID organisationId() {
		return this.organisationId;
	}

	public Role role() {
		return this.role;
	}

	public String displayName() {
		return this.displayName;
	}

	public String email() {
		return this.email;
	}

	public UUID hotlineId() {
		return this.hotlineId;
	}

	public boolean isBackup() {
		return this.backup;
	}

	public void markBackup(boolean backup) {
		this.backup = backup;
	}

	/** Whether this account holds a key pair and so can be a recipient. */
	public boolean isEnrolled() {
		return this.enrolledOn != null;
	}

	public AccountStatus status() {
		return this.status;
	}

	public boolean isActive() {
		return this.status == AccountStatus.ACTIVE;
	}

	public boolean holdsKeys() {
		return this.role == Role.ADVISER || this.role == Role.HOTLINE;
	}

	/**
	 * The stored public key as the crypto module's type (it was checked at enrolment).
	 */
	public RecipientPublicKey recipientKey() {
		try {
			return RecipientPublicKey.fromBytes(this.publicKey);
		}
		catch (CryptoException ex) {
			throw new IllegalStateException("A stored public key is invalid", ex);
		}
	}

	public byte[] publicKey() {
		return (this.publicKey != null) ? this.publicKey.clone() : null;
	}

	public byte[] wrappedPrivateKey() {
		return (this.wrappedPrivateKey != null) ? this.wrappedPrivateKey.clone() : null;
	}

	/** The wrapped Ed25519 signing key (null until the browser made one). */
	public byte[] wrappedSigningKey() {
		return (this.wrappedSigningKey != null) ? this.wrappedSigningKey.clone() : null;
	}

	/** Both public keys, as the key book lists them (after the signing key exists). */
	public RecipientPublicKeys publicKeys() {
		try {
			return new RecipientPublicKeys(recipientKey(), WrappedSigningKey.parse(this.wrappedSigningKey).publicKey());
		}
		catch (CryptoException | NullPointerException ex) {
			throw new IllegalStateException("This account has no valid signing key", ex);
		}
	}

	/**
	 * This account as a member of its key book (the organisation's, or its hotline's).
	 */
	public KeyBookMember asMember() {
		return (this.role == Role.HOTLINE)
				? KeyBookMember.hotlineHandler(this.id, this.hotlineId, this.displayName, publicKeys())
				: KeyBookMember.adviser(this.id, this.displayName, publicKeys());
	}

	public boolean hasSigningKey() {
		return this.wrappedSigningKey != null;
	}

	/** Removed from its key book by a signed entry: never a recipient again. */
	public boolean isRemoved() {
		return this.removedOn != null;
	}

	/** A member refused its addition to the key book. */
	public boolean isRejected() {
		return this.keyBookRejectedOn != null;
	}

	void addSigningKey(byte[] wrapped) {
		if (this.wrappedSigningKey != null) {
			throw new IllegalStateException("The signing key is set once");
		}
		this.wrappedSigningKey = wrapped.clone();
	}

	void markRemoved(LocalDate on) {
		this.removedOn = on;
	}

	void markRejected(LocalDate on) {
		this.keyBookRejectedOn = on;
	}

	public Caller caller() {
		return new Caller(this.id, this.organisationId, this.role, this.displayName);
	}

	String loginSecretHash() {
		return this.loginSecretHash;
	}

	String totpSecret() {
		return this.totpSecret;
	}

	void inviteWith(String enrolmentCodeHash, Instant expires) {
		this.enrolmentCodeHash = Objects.requireNonNull(enrolmentCodeHash);
		this.enrolmentCodeExpires = Objects.requireNonNull(expires);
	}

	/** Whether {@code hash} is this account's enrolment code and it has not expired. */
	boolean enrolsWith(String hash, Instant now) {
		return this.enrolmentCodeHash != null && this.enrolmentCodeExpires != null
				&& now.isBefore(this.enrolmentCodeExpires)
				&& java.security.MessageDigest.isEqual(
						this.enrolmentCodeHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
						hash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
	}

	void enrol(String loginSecretHash, String totpSecret, byte[] publicKey, byte[] wrappedPrivateKey, LocalDate on) {
		this.loginSecretHash = Objects.requireNonNull(loginSecretHash);
		this.totpSecret = Objects.requireNonNull(totpSecret);
		this.publicKey = (publicKey != null) ? publicKey.clone() : null;
		this.wrappedPrivateKey = (wrappedPrivateKey != null) ? wrappedPrivateKey.clone() : null;
		this.enrolledOn = Objects.requireNonNull(on);
		this.enrolmentCodeHash = null;
		this.enrolmentCodeExpires = null;
		this.failedLogins = 0;
		this.loginDelayUntil = null;
		this.totpLastStep = null;
	}

	/**
	 * Whether a log-in attempt is checked at all at {@code now}: not while the back-off
	 * of earlier failures lasts.
	 */
	boolean mayTryAt(Instant now) {
		return this.loginDelayUntil == null || !now.isBefore(this.loginDelayUntil);
	}

	Instant loginDelayUntil() {
		return this.loginDelayUntil;
	}

	Long totpLastStep() {
		return this.totpLastStep;
	}

	/**
	 * Counts a failed (checked) log-in; from the {@value LoginBackOff#FREE_ATTEMPTS}th
	 * on, the next attempt waits, for a doubling time up to a cap. Attempts during the
	 * wait are not checked and never get here, so nobody can extend the wait beyond the
	 * cap: guessing is throttled without handing anyone a switch that keeps the owner
	 * out.
	 */
	void failedLogin(Instant now) {
		this.failedLogins++;
		this.loginDelayUntil = LoginBackOff.after(this.failedLogins).map(now::plus).orElse(null);
	}

	/** A log-in with the right secret and a TOTP code of a step not used before. */
	void succeededLogin(long totpStep) {
		this.failedLogins = 0;
		this.loginDelayUntil = null;
		this.totpLastStep = totpStep;
	}

	/** An administrator lifts the back-off (audited by the caller). */
	void unlock() {
		this.failedLogins = 0;
		this.loginDelayUntil = null;
	}

	void disable() {
		requireNotRemoved();
		this.status = AccountStatus.DISABLED;
	}

	void enable() {
		requireNotRemoved();
		this.status = AccountStatus.ACTIVE;
	}

	/**
	 * Removes the person: everything that identifies them or lets anyone sign in as them
	 * is wiped; the row stays as a tombstone under its id.
	 */
	void remove() {
		this.status = AccountStatus.REMOVED;
		this.email = this.id + "@removed.invalid";
		this.displayName = "—";
		this.backup = false;
		this.loginSecretHash = null;
		this.totpSecret = null;
		this.publicKey = null;
		this.wrappedPrivateKey = null;
		this.enrolmentCodeHash = null;
		this.enrolmentCodeExpires = null;
		this.failedLogins = 0;
		this.loginDelayUntil = null;
		this.totpLastStep = null;
	}

	private void requireNotRemoved() {
		if (this.status == AccountStatus.REMOVED) {
			throw new IllegalStateException("a removed account stays removed");
		}
	}

}

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

	@Column(name = "failed_logins")
	private int failedLogins;

	@Column(name = "locked_until")
	private Instant lockedUntil;

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

	String enrolmentCodeHash() {
		return this.enrolmentCodeHash;
	}

	void inviteWith(String enrolmentCodeHash) {
		this.enrolmentCodeHash = enrolmentCodeHash;
	}

	void enrol(String loginSecretHash, String totpSecret, byte[] publicKey, byte[] wrappedPrivateKey, LocalDate on) {
		this.loginSecretHash = Objects.requireNonNull(loginSecretHash);
		this.totpSecret = Objects.requireNonNull(totpSecret);
		this.publicKey = (publicKey != null) ? publicKey.clone() : null;
		this.wrappedPrivateKey = (wrappedPrivateKey != null) ? wrappedPrivateKey.clone() : null;
		this.enrolledOn = Objects.requireNonNull(on);
		this.enrolmentCodeHash = null;
		this.failedLogins = 0;
		this.lockedUntil = null;
	}

	boolean isLockedAt(Instant now) {
		return this.lockedUntil != null && now.isBefore(this.lockedUntil);
	}

	/**
	 * Counts a failed log-in; from the fifth on, locks for a doubling time (1, 2, 4… min,
	 * at most a day).
	 */
	void failedLogin(Instant now) {
		this.failedLogins++;
		if (this.failedLogins >= 5) {
			long minutes = Math.min(24 * 60, 1L << Math.min(this.failedLogins - 5, 11));
			this.lockedUntil = now.plusSeconds(minutes * 60);
		}
	}

	void succeededLogin() {
		this.failedLogins = 0;
		this.lockedUntil = null;
	}

}

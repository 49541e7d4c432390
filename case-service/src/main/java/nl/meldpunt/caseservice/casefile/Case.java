package nl.meldpunt.caseservice.casefile;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One report and the coarse, plaintext facts its procedure needs. The state changes only
 * through {@link CaseLifecycle}: there is deliberately no public setter for it.
 */
@Entity
@Table(name = "case_file")
class Case {

	@Id
	private UUID id;

	@Column(name = "organisation_id")
	private UUID organisationId;

	@Enumerated(EnumType.STRING)
	private CaseState state;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	@Column(name = "hotline_id")
	private UUID hotlineId;

	@Column(name = "credential_hash")
	private String credentialHash;

	@Column(name = "reporter_public_key")
	private byte[] reporterPublicKey;

	private String language;

	@Column(name = "received_on")
	private LocalDate receivedOn;

	@Column(name = "acknowledged_on")
	private LocalDate acknowledgedOn;

	@Column(name = "feedback_on")
	private LocalDate feedbackOn;

	@Column(name = "closed_on")
	private LocalDate closedOn;

	@Column(name = "consent_on")
	private LocalDate consentOn;

	@Enumerated(EnumType.STRING)
	@Column(name = "legal_duty")
	private LegalDuty legalDuty;

	private String category;

	private String unit;

	@Enumerated(EnumType.STRING)
	private Track track;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	@Column(name = "case_epoch")
	private int caseEpoch;

	@Column(name = "staff_epoch")
	private Integer staffEpoch;

	protected Case() {
	}

	/** A newly filed case, in {@link CaseState#RECEIVED}. */
	Case(UUID id, UUID organisationId, Channel channel, UUID hotlineId, String credentialHash, byte[] reporterPublicKey,
			String language, LocalDate receivedOn) {
		this.id = Objects.requireNonNull(id);
		this.organisationId = Objects.requireNonNull(organisationId);
		this.state = CaseState.RECEIVED;
		this.channel = Objects.requireNonNull(channel);
		this.hotlineId = hotlineId;
		this.credentialHash = Objects.requireNonNull(credentialHash);
		this.reporterPublicKey = reporterPublicKey.clone();
		this.language = Objects.requireNonNull(language);
		this.receivedOn = Objects.requireNonNull(receivedOn);
	}

	public UUID id() {
		return this.id;
	}

	public UUID organisationId() {
		return this.organisationId;
	}

	public CaseState state() {
		return this.state;
	}

	public Channel channel() {
		return this.channel;
	}

	public UUID hotlineId() {
		return this.hotlineId;
	}

	public String credentialHash() {
		return this.credentialHash;
	}

	public byte[] reporterPublicKey() {
		return this.reporterPublicKey.clone();
	}

	public String language() {
		return this.language;
	}

	public LocalDate receivedOn() {
		return this.receivedOn;
	}

	public LocalDate acknowledgedOn() {
		return this.acknowledgedOn;
	}

	public LocalDate feedbackOn() {
		return this.feedbackOn;
	}

	public LocalDate closedOn() {
		return this.closedOn;
	}

	public LocalDate acknowledgeBy() {
		return DueDates.acknowledgeBy(this.receivedOn);
	}

	public LocalDate feedbackBy() {
		return DueDates.feedbackBy(this.receivedOn, this.acknowledgedOn);
	}

	public boolean isOpen() {
		return this.state.isOpen();
	}

	/** Consent recorded, or a legal duty named: what a referral needs. */
	public boolean mayBeReferred() {
		return this.consentOn != null || this.legalDuty != null;
	}

	public boolean hasClassification() {
		return this.category != null && this.track != null && this.outcome != null;
	}

	public Classification classification() {
		return hasClassification()
				? new Classification(this.category, this.unit, this.channel, this.track, this.outcome) : null;
	}

	/** The key new messages, reports and attachments are sealed with. */
	public KeyRef currentCaseKey() {
		return KeyRef.caseKey(this.caseEpoch);
	}

	/** The key new internal notes are sealed with; empty until the first note. */
	public java.util.Optional<KeyRef> currentStaffKey() {
		return java.util.Optional.ofNullable(this.staffEpoch).map(KeyRef::staffKey);
	}

	/**
	 * The key that comes next for {@code purpose}: a new epoch, or the first staff key.
	 */
	KeyRef nextKey(nl.meldpunt.crypto.KeyPurpose purpose) {
		return switch (purpose) {
			case CASE -> KeyRef.caseKey(this.caseEpoch + 1);
			case STAFF -> KeyRef.staffKey((this.staffEpoch == null) ? 0 : this.staffEpoch + 1);
		};
	}

	/** From now on {@code key} is the current key of its purpose. */
	void useKey(KeyRef key) {
		switch (key.purpose()) {
			case CASE -> this.caseEpoch = key.epoch();
			case STAFF -> this.staffEpoch = key.epoch();
		}
	}

	void recordConsent(LocalDate on) {
		this.consentOn = on;
	}

	void recordLegalDuty(LegalDuty duty) {
		this.legalDuty = duty;
	}

	void classify(String category, String unit, Track track, Outcome outcome) {
		this.category = category;
		this.unit = unit;
		this.track = track;
		this.outcome = outcome;
	}

	void moveTo(CaseState target, LocalDate on) {
		if (target == CaseState.ACKNOWLEDGED && this.acknowledgedOn == null) {
			this.acknowledgedOn = on;
		}
		if (target == CaseState.FEEDBACK_GIVEN && this.feedbackOn == null) {
			this.feedbackOn = on;
		}
		if (!target.isOpen()) {
			this.closedOn = on;
		}
		this.state = target;
	}

}

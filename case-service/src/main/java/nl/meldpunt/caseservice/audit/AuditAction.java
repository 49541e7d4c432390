package nl.meldpunt.caseservice.audit;

/** What an audit entry records; the name is the stored action code. */
public enum AuditAction {

	/** A report was filed. */
	CASE_FILED,
	/** The reporter opened the mailbox. */
	MAILBOX_READ,
	/** A recipient opened the case. */
	CASE_READ,
	/** A message was written. */
	MESSAGE_WRITTEN,
	/** A recipient wrote an internal note. */
	NOTE_WRITTEN,
	/** An attachment was announced. */
	ATTACHMENT_ADDED,
	/** A chunk of an attachment was read. */
	ATTACHMENT_READ,
	/** Retention deleted the case. */
	CASE_DELETED,
	/** An account was invited (actor: the administrator, or the service at first run). */
	ACCOUNT_INVITED,
	/** A person enrolled a key. */
	KEY_ENROLLED,
	/** An administrator issued a new enrolment code (detail: the account). */
	ENROLMENT_CODE_ISSUED,
	/** An administrator lifted an account's log-in back-off (detail: the account). */
	ACCOUNT_UNLOCKED,
	/** An administrator disabled an account (detail: the account). */
	ACCOUNT_DISABLED,
	/** An administrator enabled a disabled account again (detail: the account). */
	ACCOUNT_ENABLED,
	/** An administrator removed an account for good (detail: the account). */
	ACCOUNT_REMOVED,
	/** An administrator added a category (detail: its code). */
	CATEGORY_ADDED,
	/** An administrator added an organisational unit (detail: its code). */
	UNIT_ADDED,
	/** An administrator added a hotline (detail: its id). */
	HOTLINE_ADDED,
	/** A successful log-in. */
	LOGIN,
	/**
	 * A successful sign-in through the organisation's OIDC provider (passphrase+TOTP not
	 * asked).
	 */
	LOGIN_OIDC,
	/** An OIDC identity was linked to the account at its first OIDC sign-in. */
	OIDC_LINKED,
	/** A failed log-in. */
	LOGIN_FAILED,
	/** An administrator changed the organisation's settings. */
	SETTINGS_CHANGED,
	/** A recipient proposed a referral to the reporter. */
	PROPOSAL_MADE,
	/** A recipient recorded minutes of a meeting or call. */
	MINUTES_RECORDED,
	/** The reporter decided on a proposal or on minutes. */
	DECISION_RECORDED,
	/** The reporter asked for a meeting or call. */
	MEETING_REQUESTED,
	/** Procedure step {@code ACKNOWLEDGE}. */
	EVENT_ACKNOWLEDGE,
	/** Procedure step {@code START_CONSULTATION}. */
	EVENT_START_CONSULTATION,
	/** Procedure step {@code ASK_REPORTER}. */
	EVENT_ASK_REPORTER,
	/** Procedure step {@code REPORTER_ANSWERED}. */
	EVENT_REPORTER_ANSWERED,
	/** Procedure step {@code ANSWER_TIMED_OUT}. */
	EVENT_ANSWER_TIMED_OUT,
	/** Procedure step {@code START_MEDIATION}. */
	EVENT_START_MEDIATION,
	/** Procedure step {@code FILE_FORMAL_COMPLAINT}. */
	EVENT_FILE_FORMAL_COMPLAINT,
	/** Procedure step {@code START_INVESTIGATION}. */
	EVENT_START_INVESTIGATION,
	/** Procedure step {@code REFER_EXTERNAL}. */
	EVENT_REFER_EXTERNAL,
	/** Procedure step {@code GIVE_FEEDBACK}. */
	EVENT_GIVE_FEEDBACK,
	/** Procedure step {@code CLOSE}. */
	EVENT_CLOSE,
	/** Procedure step {@code WITHDRAW}. */
	EVENT_WITHDRAW,
	/** Procedure step {@code REASSIGN}. */
	EVENT_REASSIGN,
	/**
	 * An administrator changed the statistics settings (protection, noise, settling
	 * delay, pool).
	 */
	STATISTICS_SETTINGS_CHANGED,
	/**
	 * A statistics release was published; the detail is its period, version and checksum.
	 */
	STATISTICS_PUBLISHED,
	/** A recipient's browser added its signing key (at enrolment or the next sign-in). */
	SIGNING_KEY_ENROLLED,
	/** A key book was started by its first member's genesis entry. */
	KEY_BOOK_STARTED,
	/** A key-book change was proposed (by the service, an administrator or a member). */
	KEY_BOOK_PROPOSED,
	/** A member's browser approved a proposed key-book change. */
	KEY_BOOK_APPROVED,
	/** An approved change was appended to a key book. */
	KEY_BOOK_APPENDED,
	/** A member rejected a proposed key-book change. */
	KEY_BOOK_REJECTED,
	/** A waiting addition was withdrawn because an administrator removed its account. */
	KEY_BOOK_WITHDRAWN,
	/**
	 * A recipient's browser sealed a new case key (re-keying, or the first staff key).
	 */
	CASE_KEY_ADDED

}

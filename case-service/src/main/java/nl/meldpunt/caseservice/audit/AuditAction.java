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
	/** An account was invited. */
	ACCOUNT_INVITED,
	/** A person enrolled a key. */
	KEY_ENROLLED,
	/** A successful log-in. */
	LOGIN,
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
	EVENT_REASSIGN

}

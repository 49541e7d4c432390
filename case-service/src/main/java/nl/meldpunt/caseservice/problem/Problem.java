package nl.meldpunt.caseservice.problem;

import java.util.Locale;

import nl.meldpunt.crypto.KeyBookRefusal;

/**
 * Why a request was refused, as a stable code. The code's slug is the last segment of the
 * {@code ProblemDetail} type ({@code https://meldpunt.nl/problems/<slug>}); only the
 * {@code web} package decides which HTTP status each one gets.
 */
public enum Problem {

	/** A field is missing, has the wrong shape or is out of range. */
	INVALID_REQUEST,
	/** A ciphertext, key envelope or key is not in the crypto module's format. */
	MALFORMED_CIPHERTEXT,
	/** No case belongs to this mailbox credential (or the credential is wrong). */
	UNKNOWN_TOKEN,
	/** No organisation has this slug. */
	UNKNOWN_ORGANISATION,
	/** No such case for this caller (also: the caller is not its recipient). */
	UNKNOWN_CASE,
	/** No such proposal (or minutes) in this case. */
	UNKNOWN_PROPOSAL,
	/** The reporter has decided on this proposal (or these minutes) already. */
	ALREADY_DECIDED,
	/** No such attachment on this case for this caller. */
	UNKNOWN_ATTACHMENT,
	/** This chunk has not been uploaded. */
	UNKNOWN_CHUNK,
	/** The case is closed or withdrawn: nothing more can be added. */
	CASE_CLOSED,
	/** An item or attachment id that is already in use. */
	ITEM_ID_TAKEN,
	/** A chunk sent again with other bytes. */
	CHUNK_CONFLICT,
	/** An attachment or chunk above the allowed size. */
	ATTACHMENT_TOO_LARGE,
	/** A case that has as many attachments as one case may have. */
	TOO_MANY_ATTACHMENTS,
	/** A request body above the largest the service reads. */
	REQUEST_TOO_LARGE,
	/** The procedure has no such step from the case's state. */
	ILLEGAL_TRANSITION,
	/** Only a current recipient of the case can take this step. */
	NOT_A_RECIPIENT,
	/** Only the reporter can take this step. */
	REPORTER_ONLY,
	/** Only the service itself takes this step (time-outs). */
	SYSTEM_ONLY,
	/** A referral without the reporter's consent or a legal duty. */
	CONSENT_REQUIRED,
	/** Closing without an outcome and a statistical classification. */
	CLASSIFICATION_REQUIRED,
	/** A share with someone who cannot receive the case. */
	INVALID_RECIPIENT,
	/** A share with an adviser the reporter excluded. */
	EXCLUDED_ADVISER,
	/** A filing with a case id that belongs to another filing. */
	CASE_ID_TAKEN,
	/** The organisation's access code is wrong. */
	WRONG_ACCESS_CODE,
	/** The organisation has no enrolled adviser yet. */
	NOT_ACCEPTING_REPORTS,
	/** The key envelopes do not cover exactly the report's recipients. */
	RECIPIENTS_MISMATCH,
	/** The reporter excluded every adviser. */
	ALL_ADVISERS_EXCLUDED,
	/** The signed-in person may not do this. */
	FORBIDDEN,
	/** An account with this e-mail address exists. */
	EMAIL_TAKEN,
	/** E-mail address and enrolment code do not match. */
	ENROLMENT_REFUSED,
	/** Log-in failed (for whatever reason: the caller learns no more). */
	LOGIN_FAILED,
	/** No session, or no valid bearer secret. */
	UNAUTHENTICATED,
	/**
	 * OIDC sign-in: the identity provider's answer was not accepted (state, issuer,
	 * token).
	 */
	OIDC_SIGN_IN_FAILED,
	/**
	 * OIDC sign-in: no Meldpunt account belongs to this identity (none is ever created).
	 */
	OIDC_NO_ACCOUNT,
	/**
	 * OIDC sign-in: the account this identity belongs to is disabled or not enrolled yet.
	 */
	OIDC_ACCOUNT_DISABLED,
	/** A unit that is not one of the organisation's configured units. */
	UNKNOWN_UNIT,
	/** A statistics correction for a period that is not published or did not change. */
	NOTHING_TO_CORRECT,
	/** No such account in the administrator's organisation (or it was removed). */
	UNKNOWN_ACCOUNT,
	/** An administrator tried to disable or remove their own account. */
	OWN_ACCOUNT,
	/**
	 * A new enrolment code for an account that has enrolled already (or is not active).
	 */
	ALREADY_ENROLLED,
	/** A code (category, unit) that is already in use. */
	CODE_TAKEN,
	/** The request conflicts with data already stored. */
	CONFLICT,
	/** Something went wrong on the service's side. */
	INTERNAL_ERROR,
	/** A display name that another recipient of the organisation already has. */
	DISPLAY_NAME_TAKEN,
	/** The organisation (or the hotline) has no key book yet. */
	KEY_BOOK_MISSING,
	/** A genesis for a book that already has one. */
	KEY_BOOK_STARTED,
	/** No such open key-book draft for this caller. */
	UNKNOWN_DRAFT,
	/**
	 * A removed recipient still holds the case's current key: it must be renewed first.
	 */
	REKEY_REQUIRED,
	/** An internal note needs the case's staff key, which does not exist yet. */
	STAFF_KEY_REQUIRED,
	/** A key or item of another purpose or epoch than the case's current one. */
	WRONG_EPOCH,
	/**
	 * Only the reporter can allow this (sharing a hotline case with the organisation).
	 */
	REPORTER_CONSENT_REQUIRED,
	/** Key book: not an entry, draft or approval of format v1. */
	KEY_BOOK_MALFORMED,
	/** Key book: the entry belongs to another organisation's or hotline's book. */
	KEY_BOOK_WRONG_BOOK,
	/** Key book: an entry is missing, repeated or moved. */
	KEY_BOOK_WRONG_SEQUENCE,
	/** Key book: an entry does not name the head before it (a rewritten history). */
	KEY_BOOK_BROKEN_CHAIN,
	/** Key book: no valid genesis first, or a genesis later. */
	KEY_BOOK_BAD_GENESIS,
	/** Key book: a signature that does not verify (forged or over other bytes). */
	KEY_BOOK_BAD_SIGNATURE,
	/** Key book: an approval by someone who is no approver. */
	KEY_BOOK_NOT_A_SIGNER,
	/** Key book: an approval by an approver who was removed. */
	KEY_BOOK_REMOVED_SIGNER,
	/** Key book: the same approver approved twice. */
	KEY_BOOK_DUPLICATE_APPROVAL,
	/** Key book: fewer approvals than the threshold. */
	KEY_BOOK_THRESHOLD_NOT_MET,
	/** Key book: the recipient, one of its keys or its name is in the book already. */
	KEY_BOOK_DUPLICATE_RECIPIENT,
	/** Key book: the removed recipient is no current member. */
	KEY_BOOK_UNKNOWN_RECIPIENT,
	/** Key book: the role or hotline does not fit the book. */
	KEY_BOOK_WRONG_ROLE,
	/** Key book: the change would leave fewer approvers than the threshold needs. */
	KEY_BOOK_THRESHOLD_UNREACHABLE,
	/** Key book: a book without entries. */
	KEY_BOOK_EMPTY_BOOK,
	/** Key book: it does not extend the head it is compared with. */
	KEY_BOOK_NOT_EXTENDED,
	/** Key book: the hotline's book is not pinned (or does not extend its pin). */
	KEY_BOOK_HOTLINE_NOT_PINNED,
	/** Key book: a safety code with a typo. */
	KEY_BOOK_SAFETY_CODE_TYPO,
	/**
	 * The database cannot be reached right now; nothing was stored, try again shortly.
	 */
	DATABASE_UNAVAILABLE;

	/** The problem that a key-book refusal of the crypto module is. */
	public static Problem of(KeyBookRefusal refusal) {
		return valueOf("KEY_BOOK_" + refusal.name());
	}

	/** The stable slug, e.g. {@code unknown-token}. */
	public String slug() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}

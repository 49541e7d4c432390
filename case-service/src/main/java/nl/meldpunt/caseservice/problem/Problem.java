package nl.meldpunt.caseservice.problem;

import java.util.Locale;

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
	/** A code (category, unit) that is already in use. */
	CODE_TAKEN,
	/** The request conflicts with data already stored. */
	CONFLICT,
	/** Something went wrong on the service's side. */
	INTERNAL_ERROR;

	/** The stable slug, e.g. {@code unknown-token}. */
	public String slug() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}

package nl.meldpunt.caseservice.casefile;

import java.util.UUID;

import org.springframework.http.HttpStatus;

/** The guards of {@link CaseLifecycle}, each named for the rule it enforces. */
final class CaseGuards {

	private CaseGuards() {
	}

	/**
	 * Only a current recipient fires an adviser event; directors and admins never can.
	 */
	static boolean firedByRecipient(Attempt attempt) {
		Recipient self = attempt.transition.actor().asRecipient();
		if (self == null || self.kind() == RecipientKind.REPORTER || !attempt.recipients.contains(self)) {
			return attempt.refuse(HttpStatus.FORBIDDEN, "not-a-recipient",
					"Only a current recipient of the case can take this step.");
		}
		return true;
	}

	static boolean firedByReporter(Attempt attempt) {
		if (attempt.transition.actor().kind() != Actor.Kind.REPORTER) {
			return attempt.refuse(HttpStatus.FORBIDDEN, "reporter-only", "Only the reporter can take this step.");
		}
		return true;
	}

	static boolean firedBySystem(Attempt attempt) {
		if (attempt.transition.actor().kind() != Actor.Kind.SYSTEM) {
			return attempt.refuse(HttpStatus.FORBIDDEN, "system-only", "This step happens only when time runs out.");
		}
		return true;
	}

	/**
	 * A referral needs the reporter's consent, or a legal duty recorded with its reason.
	 */
	static boolean consented(Attempt attempt) {
		Transition transition = attempt.transition;
		if (!attempt.kase.mayBeReferred() && !transition.consentGiven() && transition.legalDutyReason() == null) {
			return attempt.refuse(HttpStatus.UNPROCESSABLE_ENTITY, "consent-required",
					"A referral needs the reporter's recorded consent or a legal duty with its reason.");
		}
		return true;
	}

	/**
	 * Closing needs an outcome and a statistical classification from the configured
	 * lists.
	 */
	static boolean classified(Attempt attempt) {
		Transition.Closing closing = attempt.transition.closing();
		if (closing == null || closing.outcome() == null || closing.track() == null || closing.category() == null
				|| !attempt.knownCategory.test(closing.category())) {
			return attempt.refuse(HttpStatus.UNPROCESSABLE_ENTITY, "classification-required",
					"Closing needs an outcome and a statistical classification.");
		}
		return true;
	}

	static boolean sharedWithHotline(Attempt attempt) {
		Transition.Share share = attempt.transition.share();
		if (share == null || share.recipient().kind() != RecipientKind.HOTLINE
				|| attempt.recipients.contains(share.recipient()) || !attempt.eligible.test(share.recipient())) {
			return attempt.refuse(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-recipient",
					"A referral needs the case key sealed to a hotline of this organisation.");
		}
		return true;
	}

	/**
	 * A new adviser: enrolled, of this organisation, not yet a recipient, and never
	 * excluded.
	 */
	static boolean sharedWithAdviser(Attempt attempt) {
		Transition.Share share = attempt.transition.share();
		if (share == null || share.recipient().kind() != RecipientKind.ADVISER) {
			return attempt.refuse(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-recipient",
					"Reassigning needs the case key sealed to another adviser.");
		}
		if (attempt.excluded.contains(UUID.fromString(share.recipient().id()))) {
			return attempt.refuse(HttpStatus.UNPROCESSABLE_ENTITY, "excluded-adviser",
					"The reporter excluded this adviser from the case.");
		}
		if (attempt.recipients.contains(share.recipient()) || !attempt.eligible.test(share.recipient())) {
			return attempt.refuse(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-recipient",
					"This adviser cannot receive the case.");
		}
		return true;
	}

}

package nl.meldpunt.caseservice.casefile;

import java.util.UUID;

import nl.meldpunt.caseservice.problem.Problem;

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
			return attempt.refuse(Problem.NOT_A_RECIPIENT, "Only a current recipient of the case can take this step.");
		}
		return true;
	}

	static boolean firedByReporter(Attempt attempt) {
		if (attempt.transition.actor().kind() != Actor.Kind.REPORTER) {
			return attempt.refuse(Problem.REPORTER_ONLY, "Only the reporter can take this step.");
		}
		return true;
	}

	static boolean firedBySystem(Attempt attempt) {
		if (attempt.transition.actor().kind() != Actor.Kind.SYSTEM) {
			return attempt.refuse(Problem.SYSTEM_ONLY, "This step happens only when time runs out.");
		}
		return true;
	}

	/**
	 * A referral needs the reporter's consent to exactly this step (to exactly this
	 * hotline), given on the reporter's own page, or a legal duty recorded with its
	 * reason. Nobody on the recipients' side can tick consent for the reporter.
	 */
	static boolean consented(Attempt attempt) {
		Transition transition = attempt.transition;
		if (transition.legalDutyReason() != null
				|| attempt.reporterAgreed.test(transition.event(), sharedHotline(transition))) {
			return true;
		}
		return attempt.refuse(Problem.CONSENT_REQUIRED,
				"A referral needs the reporter's consent to this step, given on their page, or a legal duty with its reason.");
	}

	/** The hotline a share goes to (null when none, or when its id is no UUID). */
	private static UUID sharedHotline(Transition transition) {
		Transition.Share share = transition.share();
		if (share == null || share.recipient().kind() != RecipientKind.HOTLINE) {
			return null;
		}
		try {
			return UUID.fromString(share.recipient().id());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Closing needs an outcome and a statistical classification from the configured
	 * lists.
	 */
	static boolean classified(Attempt attempt) {
		Transition.Closing closing = attempt.transition.closing();
		if (closing == null || closing.outcome() == null || closing.track() == null || closing.category() == null
				|| !attempt.knownCategory.test(closing.category())) {
			return attempt.refuse(Problem.CLASSIFICATION_REQUIRED,
					"Closing needs an outcome and a statistical classification.");
		}
		return true;
	}

	static boolean sharedWithHotline(Attempt attempt) {
		Transition.Share share = attempt.transition.share();
		if (share == null || share.recipient().kind() != RecipientKind.HOTLINE
				|| attempt.recipients.contains(share.recipient()) || !attempt.eligible.test(share.recipient())) {
			return attempt.refuse(Problem.INVALID_RECIPIENT,
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
			return attempt.refuse(Problem.INVALID_RECIPIENT,
					"Reassigning needs the case key sealed to another adviser.");
		}
		if (attempt.excluded.contains(UUID.fromString(share.recipient().id()))) {
			return attempt.refuse(Problem.EXCLUDED_ADVISER, "The reporter excluded this adviser from the case.");
		}
		if (attempt.recipients.contains(share.recipient()) || !attempt.eligible.test(share.recipient())) {
			return attempt.refuse(Problem.INVALID_RECIPIENT, "This adviser cannot receive the case.");
		}
		return true;
	}

}

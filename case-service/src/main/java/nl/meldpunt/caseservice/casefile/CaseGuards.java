package nl.meldpunt.caseservice.casefile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
	 * hotline), given on the reporter's own page, or a legal duty named. Nobody on the
	 * recipients' side can tick consent for the reporter.
	 */
	static boolean consented(Attempt attempt) {
		Transition transition = attempt.transition;
		if (transition.legalDuty() != null
				|| attempt.reporterAgreed.test(transition.event(), sharedHotline(transition))) {
			return true;
		}
		return attempt.refuse(Problem.CONSENT_REQUIRED,
				"A referral needs the reporter's consent to this step, given on their page, or a named legal duty.");
	}

	/** The hotline a share goes to (null when none). */
	private static UUID sharedHotline(Transition transition) {
		Transition.Share share = transition.share();
		return (share != null && share.kind() == RecipientKind.HOTLINE) ? share.target() : null;
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

	/**
	 * A referral seals every key of the case to exactly the current handlers of a hotline
	 * that the organisation's key book pins, none of them a recipient yet.
	 */
	static boolean sharedWithHotline(Attempt attempt) {
		Transition.Share share = attempt.transition.share();
		if (share == null || share.kind() != RecipientKind.HOTLINE) {
			return attempt.refuse(Problem.INVALID_RECIPIENT,
					"A referral needs the case's keys sealed to the handlers of a hotline of this organisation.");
		}
		Set<Recipient> handlers = attempt.hotlineHandlers.apply(share.target())
			.stream()
			.map(Recipient::handler)
			.collect(Collectors.toSet());
		if (handlers.isEmpty() || handlers.stream().anyMatch(attempt.recipients::contains)) {
			return attempt.refuse(Problem.INVALID_RECIPIENT,
					"This hotline has no handlers in a key book the organisation pinned, or already has the case.");
		}
		return everyKeyToExactly(attempt, share, handlers);
	}

	/**
	 * A new adviser: a current member of the organisation's key book, not yet a
	 * recipient, never excluded, and given every key of the case. A hotline handler does
	 * not hand a case the reporter sent to the hotline back to the organisation: only the
	 * reporter can allow that.
	 */
	static boolean sharedWithAdviser(Attempt attempt) {
		Transition.Share share = attempt.transition.share();
		if (share == null || share.kind() != RecipientKind.ADVISER) {
			return attempt.refuse(Problem.INVALID_RECIPIENT,
					"Reassigning needs the case's keys sealed to another adviser.");
		}
		if (attempt.transition.actor().kind() == Actor.Kind.HOTLINE
				&& attempt.kase.channel() == Channel.EXTERNAL_HOTLINE) {
			return attempt.refuse(Problem.REPORTER_CONSENT_REQUIRED,
					"The reporter chose the hotline: only the reporter can allow sharing with the organisation.");
		}
		if (attempt.excluded.contains(share.target())) {
			return attempt.refuse(Problem.EXCLUDED_ADVISER, "The reporter excluded this adviser from the case.");
		}
		Recipient adviser = Recipient.adviser(share.target());
		if (attempt.recipients.contains(adviser) || !attempt.eligible.test(adviser)) {
			return attempt.refuse(Problem.INVALID_RECIPIENT, "This adviser cannot receive the case.");
		}
		return everyKeyToExactly(attempt, share, Set.of(adviser));
	}

	/** Each new recipient gets each key of the case exactly once, and nobody else any. */
	private static boolean everyKeyToExactly(Attempt attempt, Transition.Share share, Set<Recipient> expected) {
		Map<Recipient, Set<KeyRef>> given = new HashMap<>();
		for (SealedKey sealed : share.envelopes()) {
			if (!given.computeIfAbsent(sealed.recipient(), (r) -> new HashSet<>()).add(sealed.key())) {
				return attempt.refuse(Problem.INVALID_RECIPIENT, "A key is sealed twice to the same recipient.");
			}
		}
		boolean exact = given.keySet().equals(expected)
				&& given.values().stream().allMatch((keys) -> keys.equals(attempt.keys));
		if (!exact) {
			return attempt.refuse(Problem.INVALID_RECIPIENT,
					"The share must carry every key of the case for exactly the new recipients.");
		}
		return true;
	}

}

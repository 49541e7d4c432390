package nl.meldpunt.caseservice.casefile;

import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;

/**
 * What the guards of one event see: the case, the attempt, the current recipients, the
 * reporter's exclusions and the reporter's consents. A guard that says no leaves the
 * reason here, so that the caller gets a precise refusal rather than a bare "denied".
 */
final class Attempt {

	final Case kase;

	final Transition transition;

	final Set<Recipient> recipients;

	final Set<UUID> excluded;

	/** Whether a share target is a current member of its key book in the organisation. */
	final Predicate<Recipient> eligible;

	/** The current handlers of a hotline pinned in the organisation's key book. */
	final Function<UUID, Set<UUID>> hotlineHandlers;

	/** Every key the case has (each new recipient must get all of them). */
	final Set<KeyRef> keys;

	final Predicate<String> knownCategory;

	/** Whether the reporter agreed, on their page, to this step (to this hotline). */
	final BiPredicate<CaseEvent, UUID> reporterAgreed;

	private Refusal refusal;

	Attempt(Case kase, Transition transition, Set<Recipient> recipients, Set<UUID> excluded,
			Predicate<Recipient> eligible, Function<UUID, Set<UUID>> hotlineHandlers, Set<KeyRef> keys,
			Predicate<String> knownCategory, BiPredicate<CaseEvent, UUID> reporterAgreed) {
		this.kase = kase;
		this.transition = transition;
		this.recipients = recipients;
		this.excluded = excluded;
		this.eligible = eligible;
		this.hotlineHandlers = hotlineHandlers;
		this.keys = keys;
		this.knownCategory = knownCategory;
		this.reporterAgreed = reporterAgreed;
	}

	boolean refuse(Problem problem, String detail) {
		if (this.refusal == null) {
			this.refusal = new Refusal(problem, detail);
		}
		return false;
	}

	Refusal refusal() {
		return this.refusal;
	}

}

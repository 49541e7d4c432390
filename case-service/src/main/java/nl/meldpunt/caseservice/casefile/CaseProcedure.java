package nl.meldpunt.caseservice.casefile;

import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.action.Action;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.guard.Guard;

import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;

import static nl.meldpunt.caseservice.casefile.CaseEvent.*;
import static nl.meldpunt.caseservice.casefile.CaseState.*;

/**
 * The case procedure (shared/design/PROCEDURE.md) as one Spring Statemachine definition:
 * one {@code withExternal()} per arrow, named guards and actions. {@link CaseLifecycle}
 * runs it; nothing else knows the arrows.
 *
 * <pre>
 *            ACKNOWLEDGE           START_CONSULTATION
 * RECEIVED -------------&gt; ACKNOWLEDGED ----------------&gt; IN_CONSULTATION
 *                           |  |  ASK_REPORTER               |  |  ^
 *                           |  +-------------------------+   |  |  | REPORTER_ANSWERED
 *                           |                            v   |  |  | ANSWER_TIMED_OUT
 *                           |   ASK_REPORTER   WAITING_FOR_REPORTER
 *                           |   (from IN_CONSULTATION) ------+  |
 *             REFER_EXTERNAL| [reporter consents or legal duty] | START_MEDIATION ---&gt; MEDIATION
 *                           v                                   | FILE_FORMAL_COMPLAINT FORMAL_COMPLAINT
 *                   REFERRED_EXTERNAL &lt;-- REFER_EXTERNAL -------+ START_INVESTIGATION  INVESTIGATION
 *                           |                                   |                        |
 *                           +--- GIVE_FEEDBACK (from IN_CONSULTATION and every track) ---+
 *                                               v
 *                                         FEEDBACK_GIVEN --CLOSE [classified]--&gt; CLOSED
 * every open state --WITHDRAW [reporter]--&gt; WITHDRAWN --CLOSE [classified]--&gt; CLOSED
 * every open state --REASSIGN [recipient, new adviser not excluded]--&gt; same state
 * </pre> Every adviser event is guarded by {@code firedByRecipient}: only a current
 * recipient of the case (never a director, never an excluded adviser) fires it.
 */
final class CaseProcedure {

	/** The message header that carries the {@link Attempt} to the guards. */
	static final String ATTEMPT = "attempt";

	private CaseProcedure() {
	}

	/** A new, stopped machine; {@link CaseLifecycle} resets it to a case's state. */
	static StateMachine<CaseState, CaseEvent> newMachine() {
		try {
			return define();
		}
		catch (Exception ex) {
			throw new IllegalStateException("The case procedure could not be built", ex);
		}
	}

	private static StateMachine<CaseState, CaseEvent> define() throws Exception {
		StateMachineBuilder.Builder<CaseState, CaseEvent> builder = StateMachineBuilder.builder();
		builder.configureConfiguration().withConfiguration().autoStartup(false);
		builder.configureStates().withStates().initial(RECEIVED).states(EnumSet.allOf(CaseState.class));
		var arrows = builder.configureTransitions();
		arrows.withExternal().source(RECEIVED).target(ACKNOWLEDGED).event(ACKNOWLEDGE).guard(firedByRecipient());
		arrows.withExternal()
			.source(ACKNOWLEDGED)
			.target(IN_CONSULTATION)
			.event(START_CONSULTATION)
			.guard(firedByRecipient());
		arrows.withExternal()
			.source(ACKNOWLEDGED)
			.target(WAITING_FOR_REPORTER)
			.event(ASK_REPORTER)
			.guard(firedByRecipient());
		arrows.withExternal()
			.source(IN_CONSULTATION)
			.target(WAITING_FOR_REPORTER)
			.event(ASK_REPORTER)
			.guard(firedByRecipient());
		arrows.withExternal()
			.source(WAITING_FOR_REPORTER)
			.target(IN_CONSULTATION)
			.event(REPORTER_ANSWERED)
			.guard(firedByReporter());
		arrows.withExternal()
			.source(WAITING_FOR_REPORTER)
			.target(IN_CONSULTATION)
			.event(ANSWER_TIMED_OUT)
			.guard(firedBySystem());
		arrows.withExternal()
			.source(IN_CONSULTATION)
			.target(MEDIATION)
			.event(START_MEDIATION)
			.guard(referral())
			.action(recordLegalDuty());
		arrows.withExternal()
			.source(IN_CONSULTATION)
			.target(FORMAL_COMPLAINT)
			.event(FILE_FORMAL_COMPLAINT)
			.guard(referral())
			.action(recordLegalDuty());
		arrows.withExternal()
			.source(IN_CONSULTATION)
			.target(INVESTIGATION)
			.event(START_INVESTIGATION)
			.guard(referral())
			.action(recordLegalDuty());
		arrows.withExternal()
			.source(ACKNOWLEDGED)
			.target(REFERRED_EXTERNAL)
			.event(REFER_EXTERNAL)
			.guard(externalReferral())
			.action(recordLegalDuty());
		arrows.withExternal()
			.source(IN_CONSULTATION)
			.target(REFERRED_EXTERNAL)
			.event(REFER_EXTERNAL)
			.guard(externalReferral())
			.action(recordLegalDuty());
		for (CaseState track : List.of(IN_CONSULTATION, MEDIATION, FORMAL_COMPLAINT, INVESTIGATION,
				REFERRED_EXTERNAL)) {
			arrows.withExternal().source(track).target(FEEDBACK_GIVEN).event(GIVE_FEEDBACK).guard(firedByRecipient());
		}
		arrows.withExternal()
			.source(FEEDBACK_GIVEN)
			.target(CLOSED)
			.event(CLOSE)
			.guard(closable())
			.action(recordClassification());
		arrows.withExternal()
			.source(WITHDRAWN)
			.target(CLOSED)
			.event(CLOSE)
			.guard(closable())
			.action(recordClassification());
		for (CaseState open : EnumSet.allOf(CaseState.class)) {
			if (!open.isOpen()) {
				continue;
			}
			arrows.withExternal().source(open).target(WITHDRAWN).event(WITHDRAW).guard(firedByReporter());
			arrows.withInternal().source(open).event(REASSIGN).guard(reassignment());
		}
		return builder.build();
	}

	private static Attempt attempt(StateContext<CaseState, CaseEvent> context) {
		return (Attempt) context.getMessageHeader(ATTEMPT);
	}

	private static Guard<CaseState, CaseEvent> firedByRecipient() {
		return guard(CaseGuards::firedByRecipient);
	}

	private static Guard<CaseState, CaseEvent> firedByReporter() {
		return guard(CaseGuards::firedByReporter);
	}

	private static Guard<CaseState, CaseEvent> firedBySystem() {
		return guard(CaseGuards::firedBySystem);
	}

	private static Guard<CaseState, CaseEvent> referral() {
		return guard((attempt) -> CaseGuards.firedByRecipient(attempt) && CaseGuards.consented(attempt));
	}

	private static Guard<CaseState, CaseEvent> externalReferral() {
		return guard((attempt) -> CaseGuards.firedByRecipient(attempt) && CaseGuards.consented(attempt)
				&& CaseGuards.sharedWithHotline(attempt));
	}

	private static Guard<CaseState, CaseEvent> reassignment() {
		return guard((attempt) -> CaseGuards.firedByRecipient(attempt) && CaseGuards.sharedWithAdviser(attempt));
	}

	private static Guard<CaseState, CaseEvent> closable() {
		return guard((attempt) -> CaseGuards.firedByRecipient(attempt) && CaseGuards.classified(attempt));
	}

	/**
	 * A guard that throws says no, and says why: the machine would otherwise swallow the
	 * exception and could let the event through (an accepted step with a junk share).
	 */
	static Guard<CaseState, CaseEvent> guard(Predicate<Attempt> rule) {
		return (context) -> {
			Attempt attempt = attempt(context);
			try {
				return rule.test(attempt);
			}
			catch (Refusal refusal) {
				return attempt.refuse(refusal.problem(), refusal.getMessage());
			}
			catch (RuntimeException ex) {
				return attempt.refuse(Problem.INVALID_REQUEST, "This step could not be checked; nothing was changed.");
			}
		};
	}

	/**
	 * A referral made under a legal duty keeps which duty; the reporter's consent was
	 * recorded when they gave it.
	 */
	private static Action<CaseState, CaseEvent> recordLegalDuty() {
		return (context) -> {
			Attempt attempt = attempt(context);
			if (attempt.transition.legalDuty() != null) {
				attempt.kase.recordLegalDuty(attempt.transition.legalDuty());
			}
		};
	}

	private static Action<CaseState, CaseEvent> recordClassification() {
		return (context) -> {
			Transition.Closing closing = attempt(context).transition.closing();
			attempt(context).kase.classify(closing.category(), closing.unit(), closing.track(), closing.outcome());
		};
	}

}

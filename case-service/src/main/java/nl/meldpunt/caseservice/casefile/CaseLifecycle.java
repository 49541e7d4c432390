package nl.meldpunt.caseservice.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.StateMachineEventResult.ResultType;
import org.springframework.statemachine.action.Action;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.guard.Guard;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.web.Refusal;

import static nl.meldpunt.caseservice.casefile.CaseEvent.*;
import static nl.meldpunt.caseservice.casefile.CaseState.*;

/**
 * The case procedure (shared/design/PROCEDURE.md) as one Spring Statemachine, and the
 * only way a case changes state. The machine is built per event from the persisted state
 * (no machine outlives a request, so any instance can serve any case), and the new state
 * is written as a column of the case in the caller's transaction, together with the
 * timeline entry, the new key envelope, the audit entry and the published events.
 *
 * <pre>
 *            ACKNOWLEDGE           START_CONSULTATION
 * RECEIVED -------------&gt; ACKNOWLEDGED ----------------&gt; IN_CONSULTATION
 *                           |  |  ASK_REPORTER               |  |  ^
 *                           |  +-------------------------+   |  |  | REPORTER_ANSWERED
 *                           |                            v   |  |  | ANSWER_TIMED_OUT
 *                           |   ASK_REPORTER   WAITING_FOR_REPORTER
 *                           |   (from IN_CONSULTATION) ------+  |
 *             REFER_EXTERNAL|          [referral consent]       | START_MEDIATION ---&gt; MEDIATION
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
@Component
public class CaseLifecycle {

	private static final String ATTEMPT = "attempt";

	private static final Set<CaseState> OPEN = EnumSet.complementOf(EnumSet.of(CLOSED, WITHDRAWN));

	private final CaseLifecycleSteps steps;

	private final Clock clock;

	private final EntityManager entityManager;

	CaseLifecycle(CaseLifecycleSteps steps, Clock clock, EntityManager entityManager) {
		this.steps = steps;
		this.clock = clock;
		this.entityManager = entityManager;
	}

	/**
	 * Fires {@code transition} on {@code kase} (loaded in the caller's transaction);
	 * throws a {@link Refusal} and writes nothing when the procedure does not allow it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public CaseState fire(Case kase, Transition transition) {
		// re-read under a row lock: two steps on one case never interleave, and the
		// machine starts from the state as committed, not as first loaded
		this.entityManager.refresh(kase, LockModeType.PESSIMISTIC_WRITE);
		Attempt attempt = this.steps.attempt(kase, transition);
		StateMachine<CaseState, CaseEvent> machine = machineAt(kase.state());
		List<StateMachineEventResult<CaseState, CaseEvent>> results = machine
			.sendEvent(Mono.just(MessageBuilder.withPayload(transition.event()).setHeader(ATTEMPT, attempt).build()))
			.collectList()
			.block();
		boolean matched = results != null && results.stream().anyMatch((r) -> r.getResultType() == ResultType.ACCEPTED);
		CaseState to = machine.getState().getId();
		machine.stopReactively().block();
		// the machine reports an event as accepted when an arrow matched, even if its
		// guard
		// said no; a guard that says no always leaves its reason in the attempt
		if (attempt.refusal() != null) {
			throw attempt.refusal();
		}
		if (!matched) {
			throw new Refusal(HttpStatus.CONFLICT, "illegal-transition",
					"This step is not possible in the current state of the case.");
		}
		CaseState from = kase.state();
		this.steps.persist(kase, transition, from, to, LocalDate.now(this.clock));
		return to;
	}

	/**
	 * The events that are legal from {@code state} (guards aside), for offering buttons.
	 */
	public Set<CaseEvent> eventsFrom(CaseState state) {
		StateMachine<CaseState, CaseEvent> machine = machineAt(state);
		Set<CaseEvent> events = EnumSet.noneOf(CaseEvent.class);
		machine.getTransitions()
			.stream()
			.filter((t) -> t.getSource().getId() == state && t.getTrigger() != null)
			.forEach((t) -> events.add(t.getTrigger().getEvent()));
		machine.stopReactively().block();
		return events;
	}

	private StateMachine<CaseState, CaseEvent> machineAt(CaseState state) {
		try {
			StateMachine<CaseState, CaseEvent> machine = define(state);
			machine.startReactively().block();
			return machine;
		}
		catch (Exception ex) {
			throw new IllegalStateException("The case procedure could not be built", ex);
		}
	}

	private StateMachine<CaseState, CaseEvent> define(CaseState initial) throws Exception {
		StateMachineBuilder.Builder<CaseState, CaseEvent> builder = StateMachineBuilder.builder();
		builder.configureConfiguration().withConfiguration().autoStartup(false);
		builder.configureStates().withStates().initial(initial).states(EnumSet.allOf(CaseState.class));
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
			.action(recordConsent());
		arrows.withExternal()
			.source(IN_CONSULTATION)
			.target(FORMAL_COMPLAINT)
			.event(FILE_FORMAL_COMPLAINT)
			.guard(referral())
			.action(recordConsent());
		arrows.withExternal()
			.source(IN_CONSULTATION)
			.target(INVESTIGATION)
			.event(START_INVESTIGATION)
			.guard(referral())
			.action(recordConsent());
		arrows.withExternal()
			.source(ACKNOWLEDGED)
			.target(REFERRED_EXTERNAL)
			.event(REFER_EXTERNAL)
			.guard(externalReferral())
			.action(recordConsent());
		arrows.withExternal()
			.source(IN_CONSULTATION)
			.target(REFERRED_EXTERNAL)
			.event(REFER_EXTERNAL)
			.guard(externalReferral())
			.action(recordConsent());
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
		for (CaseState open : OPEN) {
			arrows.withExternal().source(open).target(WITHDRAWN).event(WITHDRAW).guard(firedByReporter());
			arrows.withInternal().source(open).event(REASSIGN).guard(reassignment());
		}
		return builder.build();
	}

	private static Attempt attempt(StateContext<CaseState, CaseEvent> context) {
		return (Attempt) context.getMessageHeader(ATTEMPT);
	}

	private static Guard<CaseState, CaseEvent> firedByRecipient() {
		return (context) -> CaseGuards.firedByRecipient(attempt(context));
	}

	private static Guard<CaseState, CaseEvent> firedByReporter() {
		return (context) -> CaseGuards.firedByReporter(attempt(context));
	}

	private static Guard<CaseState, CaseEvent> firedBySystem() {
		return (context) -> CaseGuards.firedBySystem(attempt(context));
	}

	private static Guard<CaseState, CaseEvent> referral() {
		return (context) -> CaseGuards.firedByRecipient(attempt(context)) && CaseGuards.consented(attempt(context));
	}

	private static Guard<CaseState, CaseEvent> externalReferral() {
		return (context) -> CaseGuards.firedByRecipient(attempt(context)) && CaseGuards.consented(attempt(context))
				&& CaseGuards.sharedWithHotline(attempt(context));
	}

	private static Guard<CaseState, CaseEvent> reassignment() {
		return (context) -> CaseGuards.firedByRecipient(attempt(context))
				&& CaseGuards.sharedWithAdviser(attempt(context));
	}

	private static Guard<CaseState, CaseEvent> closable() {
		return (context) -> CaseGuards.firedByRecipient(attempt(context)) && CaseGuards.classified(attempt(context));
	}

	private Action<CaseState, CaseEvent> recordConsent() {
		return (context) -> {
			Attempt attempt = attempt(context);
			if (attempt.transition.consentGiven()) {
				attempt.kase.recordConsent(LocalDate.now(this.clock));
			}
			if (attempt.transition.legalDutyReason() != null) {
				attempt.kase.recordLegalDuty(attempt.transition.legalDutyReason());
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

package nl.meldpunt.caseservice.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import reactor.core.publisher.Mono;

import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.StateMachineEventResult.ResultType;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;

/**
 * Runs the {@link CaseProcedure}: the only way a case changes state. Machines are built
 * once and reused: each event takes an idle machine (building one only when every machine
 * is busy), resets it to the case's persisted state, fires, and gives it back, so any
 * instance can serve any case and no request pays for building the procedure. The new
 * state is written as a column of the case in the caller's transaction, together with the
 * timeline entry, the new key envelope, the audit entry and the published events. (Spring
 * Statemachine's API is reactive, but without an executor every call completes
 * synchronously on the calling thread.)
 */
@Component
class CaseLifecycle {

	private final CaseLifecycleSteps steps;

	private final Clock clock;

	private final EntityManager entityManager;

	private final Queue<StateMachine<CaseState, CaseEvent>> idle = new ConcurrentLinkedQueue<>();

	/** The events legal in each state (guards aside), read once from the definition. */
	private final Map<CaseState, Set<CaseEvent>> legal;

	CaseLifecycle(CaseLifecycleSteps steps, Clock clock, EntityManager entityManager) {
		this.steps = steps;
		this.clock = clock;
		this.entityManager = entityManager;
		StateMachine<CaseState, CaseEvent> machine = CaseProcedure.newMachine();
		this.legal = legalEvents(machine);
		this.idle.add(machine);
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
		CaseState from = kase.state();
		StateMachine<CaseState, CaseEvent> machine = take();
		resetTo(machine, from);
		List<StateMachineEventResult<CaseState, CaseEvent>> results = machine
			.sendEvent(Mono
				.just(MessageBuilder.withPayload(transition.event()).setHeader(CaseProcedure.ATTEMPT, attempt).build()))
			.collectList()
			.block();
		boolean matched = results != null && results.stream().anyMatch((r) -> r.getResultType() == ResultType.ACCEPTED);
		CaseState to = machine.getState().getId();
		machine.stopReactively().block();
		// only a machine that came through whole is used again
		this.idle.add(machine);
		// the machine reports an event as accepted when an arrow matched, even if its
		// guard said no; a guard that says no always leaves its reason in the attempt
		if (attempt.refusal() != null) {
			throw attempt.refusal();
		}
		if (!matched) {
			throw new Refusal(Problem.ILLEGAL_TRANSITION,
					"This step is not possible in the current state of the case.");
		}
		this.steps.persist(kase, transition, from, to, LocalDate.now(this.clock));
		return to;
	}

	/**
	 * A message from the reporter answers the question of a case that waits for one: the
	 * procedure resumes it (the arrow {@code REPORTER_ANSWERED}, where the state has it).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void reporterWrote(Case kase) {
		if (eventsFrom(kase.state()).contains(CaseEvent.REPORTER_ANSWERED)) {
			fire(kase, Transition.of(CaseEvent.REPORTER_ANSWERED, Actor.reporter()));
		}
	}

	/**
	 * The events that are legal from {@code state} (guards aside), for offering buttons.
	 */
	Set<CaseEvent> eventsFrom(CaseState state) {
		return this.legal.get(state);
	}

	private StateMachine<CaseState, CaseEvent> take() {
		StateMachine<CaseState, CaseEvent> machine = this.idle.poll();
		return (machine != null) ? machine : CaseProcedure.newMachine();
	}

	private static void resetTo(StateMachine<CaseState, CaseEvent> machine, CaseState state) {
		machine.getStateMachineAccessor()
			.doWithAllRegions((access) -> access
				.resetStateMachineReactively(new DefaultStateMachineContext<>(state, null, null, null))
				.block());
		machine.startReactively().block();
	}

	private static Map<CaseState, Set<CaseEvent>> legalEvents(StateMachine<CaseState, CaseEvent> machine) {
		Map<CaseState, Set<CaseEvent>> legal = new EnumMap<>(CaseState.class);
		for (CaseState state : CaseState.values()) {
			legal.put(state, EnumSet.noneOf(CaseEvent.class));
		}
		machine.getTransitions()
			.stream()
			.filter((t) -> t.getTrigger() != null)
			.forEach((t) -> legal.get(t.getSource().getId()).add(t.getTrigger().getEvent()));
		legal.replaceAll((state, events) -> Collections.unmodifiableSet(events));
		return Collections.unmodifiableMap(legal);
	}

}

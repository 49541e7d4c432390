package nl.meldpunt.caseservice.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.test.StateMachineTestPlanBuilder;

import nl.meldpunt.caseservice.Fixtures;

import static nl.meldpunt.caseservice.casefile.CaseEvent.*;
import static nl.meldpunt.caseservice.casefile.CaseState.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every arrow of the procedure, walked in the real machine from {@code RECEIVED} with
 * Spring Statemachine's test plans: no database, no Spring context. The arrows are
 * written out here independently of {@link CaseProcedure} (shared/design/PROCEDURE.md).
 */
class CaseProcedureUnitTest {

	record Arrow(CaseState from, CaseEvent event, CaseState to) {
	}

	static final List<Arrow> ARROWS = arrows();

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

	static final UUID ORGANISATION = UUID.randomUUID();

	static final UUID ADVISER = UUID.randomUUID();

	static final UUID HOTLINE = UUID.randomUUID();

	static final UUID HANDLER = UUID.randomUUID();

	@Test
	void everyArrowWhenWalkedFromReceivedThenLandsInItsTarget() throws Exception {
		for (Arrow arrow : ARROWS) {
			List<CaseEvent> path = pathTo(arrow.from());
			StateMachine<CaseState, CaseEvent> machine = CaseProcedure.newMachine();
			Case kase = newCase();
			var plan = StateMachineTestPlanBuilder.<CaseState, CaseEvent>builder()
				.defaultAwaitTime(2)
				.stateMachine(machine)
				.step()
				.expectState(RECEIVED)
				.and();
			CaseState at = RECEIVED;
			for (CaseEvent event : path) {
				CaseState next = target(at, event);
				plan = plan.step().sendEvent(message(kase, event)).expectState(next).and();
				at = next;
			}
			plan.step().sendEvent(message(kase, arrow.event())).expectState(arrow.to()).and().build().test();
		}
		assertThat(ARROWS).hasSize(36);
	}

	@Test
	void fullPathsWhenWalkedThenEveryStepChangesStateOnce() throws Exception {
		List<List<CaseEvent>> paths = List.of(
				List.of(ACKNOWLEDGE, START_CONSULTATION, ASK_REPORTER, REPORTER_ANSWERED, START_MEDIATION,
						GIVE_FEEDBACK, CLOSE),
				List.of(ACKNOWLEDGE, ASK_REPORTER, ANSWER_TIMED_OUT, FILE_FORMAL_COMPLAINT, GIVE_FEEDBACK, CLOSE),
				List.of(ACKNOWLEDGE, START_CONSULTATION, START_INVESTIGATION, GIVE_FEEDBACK, CLOSE),
				List.of(ACKNOWLEDGE, REFER_EXTERNAL, GIVE_FEEDBACK, CLOSE),
				List.of(ACKNOWLEDGE, START_CONSULTATION, REFER_EXTERNAL, GIVE_FEEDBACK, CLOSE),
				List.of(ACKNOWLEDGE, START_CONSULTATION, GIVE_FEEDBACK, CLOSE), List.of(WITHDRAW, CLOSE));
		for (List<CaseEvent> path : paths) {
			Case kase = newCase();
			var plan = StateMachineTestPlanBuilder.<CaseState, CaseEvent>builder()
				.defaultAwaitTime(2)
				.stateMachine(CaseProcedure.newMachine())
				.step()
				.expectState(RECEIVED)
				.and();
			CaseState at = RECEIVED;
			for (CaseEvent event : path) {
				at = target(at, event);
				plan = plan.step().sendEvent(message(kase, event)).expectStateChanged(1).expectState(at).and();
			}
			plan.build().test();
			assertThat(at).as("%s", path).isEqualTo(CLOSED);
		}
	}

	/**
	 * A guard that throws (here: the recipient check, as a malformed id once made it)
	 * says no with a reason; the lifecycle then throws that refusal and stores nothing.
	 */
	@Test
	void guardWhenItThrowsThenRefusedWithAReasonNeverAccepted() {
		UUID newAdviser = UUID.randomUUID();
		Transition transition = new Transition(REASSIGN, Actor.adviser(ADVISER), null, null,
				new Transition.Share(RecipientKind.ADVISER, newAdviser,
						List.of(SealedKey.original(Recipient.adviser(newAdviser), Fixtures.keyEnvelope()))));
		Attempt attempt = new Attempt(newCase(), transition, Set.of(Recipient.adviser(ADVISER), Recipient.reporter()),
				Set.of(), (recipient) -> {
					throw new IllegalArgumentException("not a UUID");
				}, (hotline) -> Set.of(), Set.of(KeyRef.ORIGINAL), (category) -> true, (step, hotline) -> true);
		StateMachine<CaseState, CaseEvent> machine = CaseProcedure.newMachine();
		machine.startReactively().block();
		machine
			.sendEvent(
					Mono.just(MessageBuilder.withPayload(REASSIGN).setHeader(CaseProcedure.ATTEMPT, attempt).build()))
			.collectList()
			.block();
		assertThat(attempt.refusal()).isNotNull();
		assertThat(attempt.refusal().slug()).isEqualTo("invalid-request");
		assertThat(machine.getState().getId()).isEqualTo(RECEIVED);
	}

	@Test
	void machineWhenBuiltThenHasExactlyTheseArrows() {
		StateMachine<CaseState, CaseEvent> machine = CaseProcedure.newMachine();
		List<Arrow> built = new ArrayList<>();
		machine.getTransitions()
			.forEach((t) -> built.add(new Arrow(t.getSource().getId(), t.getTrigger().getEvent(),
					(t.getTarget() != null) ? t.getTarget().getId() : t.getSource().getId())));
		assertThat(built).containsExactlyInAnyOrderElementsOf(ARROWS);
	}

	private static Message<CaseEvent> message(Case kase, CaseEvent event) {
		Actor actor = switch (event) {
			case WITHDRAW, REPORTER_ANSWERED -> Actor.reporter();
			case ANSWER_TIMED_OUT -> Actor.system();
			default -> Actor.adviser(ADVISER);
		};
		UUID newAdviser = UUID.randomUUID();
		Transition.Share share = switch (event) {
			case REASSIGN -> new Transition.Share(RecipientKind.ADVISER, newAdviser,
					List.of(SealedKey.original(Recipient.adviser(newAdviser), Fixtures.keyEnvelope())));
			case REFER_EXTERNAL -> new Transition.Share(RecipientKind.HOTLINE, HOTLINE,
					List.of(SealedKey.original(Recipient.handler(HANDLER), Fixtures.keyEnvelope())));
			default -> null;
		};
		Transition transition = new Transition(event, actor, null,
				new Transition.Closing("racism", null, Track.INFORMAL, Outcome.ADVICE_GIVEN), share);
		Attempt attempt = new Attempt(kase, transition, Set.of(Recipient.adviser(ADVISER), Recipient.reporter()),
				Set.of(), (recipient) -> true, (hotline) -> Set.of(HANDLER), Set.of(KeyRef.ORIGINAL),
				(category) -> true, (step, hotline) -> true);
		return MessageBuilder.withPayload(event).setHeader(CaseProcedure.ATTEMPT, attempt).build();
	}

	private static Case newCase() {
		return new Case(UUID.randomUUID(), ORGANISATION, Channel.INTERNAL_ADVISER, null, "hash", new byte[32], "nl",
				LocalDate.now(CLOCK));
	}

	private static CaseState target(CaseState from, CaseEvent event) {
		return ARROWS.stream().filter((a) -> a.from() == from && a.event() == event).findFirst().orElseThrow().to();
	}

	/** The shortest way from RECEIVED to {@code state} along the arrows. */
	private static List<CaseEvent> pathTo(CaseState state) {
		Map<CaseState, List<CaseEvent>> paths = new EnumMap<>(CaseState.class);
		paths.put(RECEIVED, List.of());
		Deque<CaseState> queue = new ArrayDeque<>(List.of(RECEIVED));
		while (!queue.isEmpty()) {
			CaseState at = queue.poll();
			for (Arrow arrow : ARROWS) {
				if (arrow.from() == at && !paths.containsKey(arrow.to())) {
					List<CaseEvent> path = new ArrayList<>(paths.get(at));
					path.add(arrow.event());
					paths.put(arrow.to(), path);
					queue.add(arrow.to());
				}
			}
		}
		return paths.get(state);
	}

	private static List<Arrow> arrows() {
		List<Arrow> arrows = new ArrayList<>(List.of(new Arrow(RECEIVED, ACKNOWLEDGE, ACKNOWLEDGED),
				new Arrow(ACKNOWLEDGED, START_CONSULTATION, IN_CONSULTATION),
				new Arrow(ACKNOWLEDGED, ASK_REPORTER, WAITING_FOR_REPORTER),
				new Arrow(IN_CONSULTATION, ASK_REPORTER, WAITING_FOR_REPORTER),
				new Arrow(WAITING_FOR_REPORTER, REPORTER_ANSWERED, IN_CONSULTATION),
				new Arrow(WAITING_FOR_REPORTER, ANSWER_TIMED_OUT, IN_CONSULTATION),
				new Arrow(IN_CONSULTATION, START_MEDIATION, MEDIATION),
				new Arrow(IN_CONSULTATION, FILE_FORMAL_COMPLAINT, FORMAL_COMPLAINT),
				new Arrow(IN_CONSULTATION, START_INVESTIGATION, INVESTIGATION),
				new Arrow(ACKNOWLEDGED, REFER_EXTERNAL, REFERRED_EXTERNAL),
				new Arrow(IN_CONSULTATION, REFER_EXTERNAL, REFERRED_EXTERNAL), new Arrow(FEEDBACK_GIVEN, CLOSE, CLOSED),
				new Arrow(WITHDRAWN, CLOSE, CLOSED)));
		for (CaseState track : List.of(IN_CONSULTATION, MEDIATION, FORMAL_COMPLAINT, INVESTIGATION,
				REFERRED_EXTERNAL)) {
			arrows.add(new Arrow(track, GIVE_FEEDBACK, FEEDBACK_GIVEN));
		}
		for (CaseState open : EnumSet.complementOf(EnumSet.of(CLOSED, WITHDRAWN))) {
			arrows.add(new Arrow(open, WITHDRAW, WITHDRAWN));
			arrows.add(new Arrow(open, REASSIGN, open));
		}
		return List.copyOf(arrows);
	}

}

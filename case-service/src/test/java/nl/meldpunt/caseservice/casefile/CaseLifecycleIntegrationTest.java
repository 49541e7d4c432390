package nl.meldpunt.caseservice.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.Fixtures.Org;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.RecipientPrivateKey;
import nl.meldpunt.crypto.ReporterToken;
import nl.meldpunt.crypto.SealedItem;

import static nl.meldpunt.caseservice.casefile.CaseEvent.*;
import static nl.meldpunt.caseservice.casefile.CaseState.*;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@RecordApplicationEvents
class CaseLifecycleIntegrationTest {

	/** The arrows of PROCEDURE.md, written out independently of the machine. */
	static final Map<CaseState, Set<CaseEvent>> LEGAL = Map.ofEntries(
			Map.entry(RECEIVED, EnumSet.of(ACKNOWLEDGE, WITHDRAW, REASSIGN)),
			Map.entry(ACKNOWLEDGED, EnumSet.of(START_CONSULTATION, ASK_REPORTER, REFER_EXTERNAL, WITHDRAW, REASSIGN)),
			Map.entry(IN_CONSULTATION,
					EnumSet.of(ASK_REPORTER, START_MEDIATION, FILE_FORMAL_COMPLAINT, START_INVESTIGATION,
							REFER_EXTERNAL, GIVE_FEEDBACK, WITHDRAW, REASSIGN)),
			Map.entry(WAITING_FOR_REPORTER, EnumSet.of(REPORTER_ANSWERED, ANSWER_TIMED_OUT, WITHDRAW, REASSIGN)),
			Map.entry(MEDIATION, EnumSet.of(GIVE_FEEDBACK, WITHDRAW, REASSIGN)),
			Map.entry(FORMAL_COMPLAINT, EnumSet.of(GIVE_FEEDBACK, WITHDRAW, REASSIGN)),
			Map.entry(INVESTIGATION, EnumSet.of(GIVE_FEEDBACK, WITHDRAW, REASSIGN)),
			Map.entry(REFERRED_EXTERNAL, EnumSet.of(GIVE_FEEDBACK, WITHDRAW, REASSIGN)),
			Map.entry(FEEDBACK_GIVEN, EnumSet.of(CLOSE, WITHDRAW, REASSIGN)),
			Map.entry(CLOSED, EnumSet.noneOf(CaseEvent.class)), Map.entry(WITHDRAWN, EnumSet.of(CLOSE)));

	static final Transition.Closing CLOSING = new Transition.Closing("racism", null, Track.INFORMAL,
			Outcome.ADVICE_GIVEN);

	@Autowired
	CaseLifecycle lifecycle;

	@Autowired
	CaseFile caseFile;

	@Autowired
	Cases cases;

	@Autowired
	Proposals proposals;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEvents events;

	Fixtures fixtures;

	Org org;

	Actor adviser;

	Actor other;

	@BeforeEach
	void organisation() {
		this.fixtures = new Fixtures(this.jdbc, this.setup);
		this.org = this.fixtures.organisation(3);
		this.adviser = Actor.adviser(this.org.advisers().get(0));
		this.other = Actor.adviser(this.org.advisers().get(1));
	}

	@Test
	void informalPathThroughMediationThenClosedWithEventsAndTimeline() {
		UUID id = file(List.of());
		assertThat(fire(id, ACKNOWLEDGE, this.adviser)).isEqualTo(ACKNOWLEDGED);
		assertThat(fire(id, START_CONSULTATION, this.adviser)).isEqualTo(IN_CONSULTATION);
		assertThat(fire(id, ASK_REPORTER, this.adviser)).isEqualTo(WAITING_FOR_REPORTER);
		assertThat(fire(id, REPORTER_ANSWERED, Actor.reporter())).isEqualTo(IN_CONSULTATION);
		agreed(id, START_MEDIATION, null);
		assertThat(fire(id, Transition.of(START_MEDIATION, this.adviser))).isEqualTo(MEDIATION);
		assertThat(fire(id, GIVE_FEEDBACK, this.adviser)).isEqualTo(FEEDBACK_GIVEN);
		assertThat(fire(id, new Transition(CLOSE, this.adviser, null, CLOSING, null))).isEqualTo(CLOSED);
		Case kase = this.cases.findById(id).orElseThrow();
		assertThat(kase.acknowledgedOn()).isNotNull();
		assertThat(kase.feedbackOn()).isNotNull();
		assertThat(kase.closedOn()).isNotNull();
		assertThat(kase.classification().category()).isEqualTo("racism");
		assertThat(this.events.stream(CaseTransitioned.class).filter((e) -> e.caseId().equals(id))).hasSize(7);
		assertThat(this.events.stream(CaseClosed.class).filter((e) -> e.caseId().equals(id))).singleElement()
			.satisfies((closed) -> assertThat(closed.classification().outcome()).isEqualTo(Outcome.ADVICE_GIVEN));
		assertThat(this.jdbc.queryForList("select event from timeline_entry where case_id = ? order by id",
				String.class, id))
			.containsExactly("FILED", "ACKNOWLEDGE", "START_CONSULTATION", "ASK_REPORTER", "REPORTER_ANSWERED",
					"REFERRAL_PROPOSED", "REFERRAL_AGREED", "START_MEDIATION", "GIVE_FEEDBACK", "CLOSE");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where case_id = ? and action like 'EVENT_%'", Integer.class, id))
			.isEqualTo(6);
		// the reporter's answer waits, unordered, for its day to end
		assertThat(this.jdbc.queryForList(
				"select action from audit_pending where case_id = ? and action like 'EVENT_%'", String.class, id))
			.containsExactly("EVENT_REPORTER_ANSWERED");
	}

	@Test
	void formalComplaintWithLegalDutyThenFeedbackThenClosed() {
		UUID id = at(IN_CONSULTATION);
		assertThat(fire(id, new Transition(FILE_FORMAL_COMPLAINT, this.adviser, LegalDuty.DANGER, null, null)))
			.isEqualTo(FORMAL_COMPLAINT);
		assertThat(fire(id, GIVE_FEEDBACK, this.adviser)).isEqualTo(FEEDBACK_GIVEN);
		assertThat(fire(id, new Transition(CLOSE, this.adviser, null, CLOSING, null))).isEqualTo(CLOSED);
	}

	@Test
	void investigationWithConsentThenFeedback() {
		UUID id = at(IN_CONSULTATION);
		agreed(id, START_INVESTIGATION, null);
		assertThat(fire(id, Transition.of(START_INVESTIGATION, this.adviser))).isEqualTo(INVESTIGATION);
		assertThat(fire(id, GIVE_FEEDBACK, this.adviser)).isEqualTo(FEEDBACK_GIVEN);
	}

	@Test
	void consultationGivesFeedbackDirectly() {
		UUID id = at(IN_CONSULTATION);
		assertThat(fire(id, GIVE_FEEDBACK, this.adviser)).isEqualTo(FEEDBACK_GIVEN);
	}

	@Test
	void referExternalSharesWithHotlineWhoThenGivesFeedbackAndCloses() {
		for (CaseState from : List.of(ACKNOWLEDGED, IN_CONSULTATION)) {
			UUID id = at(from);
			agreed(id, REFER_EXTERNAL, this.org.hotlineId());
			Transition refer = new Transition(REFER_EXTERNAL, this.adviser, null, null, toHotline());
			assertThat(fire(id, refer)).isEqualTo(REFERRED_EXTERNAL);
			Actor handler = Actor.hotlineHandler(this.org.handlerId(), this.org.hotlineId());
			assertThat(fire(id, GIVE_FEEDBACK, handler)).isEqualTo(FEEDBACK_GIVEN);
			assertThat(fire(id, new Transition(CLOSE, handler, null, CLOSING, null))).isEqualTo(CLOSED);
		}
	}

	@Test
	void unansweredQuestionTimesOutByTheSystemOnly() {
		UUID id = at(WAITING_FOR_REPORTER);
		assertThat(refusal(id, Transition.of(ANSWER_TIMED_OUT, this.adviser))).isEqualTo("system-only");
		assertThat(fire(id, ANSWER_TIMED_OUT, Actor.system())).isEqualTo(IN_CONSULTATION);
		UUID asked = at(ACKNOWLEDGED);
		assertThat(fire(asked, ASK_REPORTER, this.adviser)).isEqualTo(WAITING_FOR_REPORTER);
	}

	@ParameterizedTest
	@EnumSource(value = CaseState.class, names = { "CLOSED", "WITHDRAWN" }, mode = EnumSource.Mode.EXCLUDE)
	void withdrawWhenOpenThenWithdrawnAndClosableWithClassification(CaseState state) {
		UUID id = at(state);
		assertThat(refusal(id, Transition.of(WITHDRAW, this.adviser))).isEqualTo("reporter-only");
		assertThat(fire(id, WITHDRAW, Actor.reporter())).isEqualTo(WITHDRAWN);
		assertThat(fire(id,
				new Transition(CLOSE, this.adviser, null,
						new Transition.Closing("other", null, Track.INFORMAL, Outcome.WITHDRAWN), null)))
			.isEqualTo(CLOSED);
	}

	@ParameterizedTest
	@EnumSource(value = CaseState.class, names = { "CLOSED", "WITHDRAWN" }, mode = EnumSource.Mode.EXCLUDE)
	void reassignWhenOpenThenNewAdviserGetsEnvelopeAndStateStays(CaseState state) {
		UUID id = at(state);
		UUID third = this.org.advisers().get(2);
		assertThat(fire(id, reassign(this.adviser, third))).isEqualTo(state);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from key_envelope where case_id = ? and recipient_kind = 'ADVISER' and recipient_id = ?",
				Integer.class, id, third.toString()))
			.isEqualTo(1);
		// the new adviser is now a recipient: refused only because the target already is
		// one
		assertThat(refusal(id, reassign(Actor.adviser(third), this.org.advisers().get(1))))
			.isEqualTo("invalid-recipient");
	}

	@ParameterizedTest
	@EnumSource(CaseState.class)
	void everyEventNotLegalInStateIsRefusedAsIllegalTransition(CaseState state) {
		for (CaseEvent event : EnumSet.complementOf(EnumSet.copyOf(union(LEGAL.get(state))))) {
			UUID id = at(state);
			assertThat(refusal(id, new Transition(event, actorFor(event), null, CLOSING, null)))
				.as("%s in %s", event, state)
				.isEqualTo("illegal-transition");
			assertThat(this.cases.findById(id).orElseThrow().state()).isEqualTo(state);
		}
		assertThat(this.lifecycle.eventsFrom(state)).isEqualTo(LEGAL.get(state));
	}

	@Test
	void sameStepWhenFiredTwiceAtOnceThenExactlyOneTransition() throws Exception {
		UUID id = file(List.of());
		java.util.concurrent.Callable<String> acknowledge = () -> refusal(id, Transition.of(ACKNOWLEDGE, this.adviser));
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		List<String> outcomes = new ArrayList<>();
		for (var future : pool.invokeAll(List.of(acknowledge, acknowledge))) {
			outcomes.add(future.get());
		}
		pool.shutdown();
		assertThat(outcomes).containsExactlyInAnyOrder("accepted", "illegal-transition");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from timeline_entry where case_id = ? and event = 'ACKNOWLEDGE'", Integer.class, id))
			.isEqualTo(1);
	}

	@Test
	void eventFromNonRecipientIsRefused() {
		UUID id = file(List.of());
		Actor stranger = Actor.adviser(this.fixtures.account(this.org.id(), "ADVISER", null, true));
		assertThat(refusal(id, Transition.of(ACKNOWLEDGE, stranger))).isEqualTo("not-a-recipient");
		Org otherOrg = this.fixtures.organisation(1);
		assertThat(refusal(id, Transition.of(ACKNOWLEDGE, Actor.adviser(otherOrg.advisers().get(0)))))
			.isEqualTo("not-a-recipient");
		assertThat(refusal(id, Transition.of(ACKNOWLEDGE, Actor.reporter()))).isEqualTo("not-a-recipient");
		assertThat(refusal(id,
				Transition.of(ACKNOWLEDGE, Actor.hotlineHandler(this.org.handlerId(), this.org.hotlineId()))))
			.isEqualTo("not-a-recipient");
	}

	@Test
	void referralWithoutConsentOrLegalDutyIsRefused() {
		for (CaseEvent referral : List.of(START_MEDIATION, FILE_FORMAL_COMPLAINT, START_INVESTIGATION)) {
			UUID id = at(IN_CONSULTATION);
			assertThat(refusal(id, Transition.of(referral, this.adviser))).isEqualTo("consent-required");
		}
		UUID id = at(ACKNOWLEDGED);
		assertThat(refusal(id, new Transition(REFER_EXTERNAL, this.adviser, null, null, toHotline())))
			.isEqualTo("consent-required");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from key_envelope where case_id = ? and recipient_kind = 'HOTLINE'", Integer.class,
				id))
			.isZero();
	}

	@Test
	void referralWhenReporterDeclinedOrAgreedToAnotherStepOrHotlineThenConsentRequired() {
		UUID declined = at(IN_CONSULTATION);
		decided(declined, START_MEDIATION, null, Decision.DECLINED);
		assertThat(refusal(declined, Transition.of(START_MEDIATION, this.adviser))).isEqualTo("consent-required");
		UUID other = at(IN_CONSULTATION);
		agreed(other, START_MEDIATION, null);
		assertThat(refusal(other, Transition.of(START_INVESTIGATION, this.adviser))).isEqualTo("consent-required");
		UUID elsewhere = at(IN_CONSULTATION);
		agreed(elsewhere, REFER_EXTERNAL, this.org.hotlineId());
		assertThat(refusal(elsewhere, new Transition(REFER_EXTERNAL, this.adviser, null, null,
				new Transition.Share(RecipientKind.HOTLINE, UUID.randomUUID(),
						List.of(SealedKey.original(Recipient.handler(this.org.handlerId()), Fixtures.keyEnvelope()))))))
			.isEqualTo("consent-required");
		assertThat(this.cases.findById(elsewhere).orElseThrow().state()).isEqualTo(IN_CONSULTATION);
	}

	/** The adviser proposes {@code event}; the reporter agrees, as on their page. */
	private void agreed(UUID id, CaseEvent event, UUID hotline) {
		decided(id, event, hotline, Decision.AGREED);
	}

	private void decided(UUID id, CaseEvent event, UUID hotline, Decision decision) {
		UUID proposal = UUID.randomUUID();
		this.transactions.executeWithoutResult((tx) -> {
			Case kase = this.cases.findById(id).orElseThrow();
			SealedItem sealed = Fixtures.item();
			this.proposals.propose(kase, this.adviser, proposal, event, hotline, sealed, LocalDate.now());
			this.proposals.decide(kase, Actor.reporter(), proposal, UUID.randomUUID(), decision, sealed,
					LocalDate.now());
		});
	}

	@Test
	void closingWithoutOutcomeOrWithUnknownCategoryIsRefused() {
		UUID id = at(FEEDBACK_GIVEN);
		assertThat(refusal(id, Transition.of(CLOSE, this.adviser))).isEqualTo("classification-required");
		assertThat(
				refusal(id,
						new Transition(CLOSE, this.adviser, null,
								new Transition.Closing("racism", null, Track.INFORMAL, null), null)))
			.isEqualTo("classification-required");
		assertThat(refusal(id,
				new Transition(CLOSE, this.adviser, null,
						new Transition.Closing("no-such-category", null, Track.INFORMAL, Outcome.OTHER), null)))
			.isEqualTo("classification-required");
	}

	@Test
	void reassignToExcludedOrForeignAdviserIsRefused() {
		UUID excluded = this.org.advisers().get(2);
		UUID id = file(List.of(excluded));
		assertThat(refusal(id, reassign(this.adviser, excluded))).isEqualTo("excluded-adviser");
		Org otherOrg = this.fixtures.organisation(1);
		assertThat(refusal(id, reassign(this.adviser, otherOrg.advisers().get(0)))).isEqualTo("invalid-recipient");
		assertThat(refusal(id, reassign(this.adviser, this.org.advisers().get(1)))).isEqualTo("invalid-recipient");
		assertThat(refusal(id, Transition.of(REASSIGN, this.adviser))).isEqualTo("invalid-recipient");
	}

	/**
	 * The reporter chose the hotline: its handler cannot hand the case to the
	 * organisation's advisers without the reporter's consent (which only the reporter's
	 * page can give; until it exists, never).
	 */
	@Test
	void reassignWhenHotlineHandlerSharesAHotlineCaseWithTheOrganisationThenRefused() {
		UUID id = UUID.randomUUID();
		String hash = ReporterToken.generate().mailboxCredential().storageHash();
		this.caseFile.file(new NewFiling(id, this.org.id(), Channel.EXTERNAL_HOTLINE, this.org.hotlineId(), hash,
				RecipientPrivateKey.generate().publicKey(), "nl", UUID.randomUUID(), Fixtures.item(),
				List.of(SealedKey.original(Recipient.handler(this.org.handlerId()), Fixtures.keyEnvelope()),
						SealedKey.original(Recipient.reporter(), Fixtures.keyEnvelope())),
				List.of()));
		Actor handler = Actor.hotlineHandler(this.org.handlerId(), this.org.hotlineId());
		assertThat(refusal(id, reassign(handler, this.org.advisers().get(0)))).isEqualTo("reporter-consent-required");
		assertThat(this.jdbc.queryForObject("select count(*) from key_envelope where case_id = ?", Integer.class, id))
			.isEqualTo(2);
		// the handler still works the case as the reporter asked
		assertThat(fire(id, ACKNOWLEDGE, handler)).isEqualTo(ACKNOWLEDGED);
	}

	private Transition reassign(Actor by, UUID to) {
		return new Transition(REASSIGN, by, null, null, new Transition.Share(RecipientKind.ADVISER, to,
				List.of(SealedKey.original(Recipient.adviser(to), Fixtures.keyEnvelope()))));
	}

	/**
	 * The case's one key sealed to the hotline's handler (its key book's only member).
	 */
	private Transition.Share toHotline() {
		return new Transition.Share(RecipientKind.HOTLINE, this.org.hotlineId(),
				List.of(SealedKey.original(Recipient.handler(this.org.handlerId()), Fixtures.keyEnvelope())));
	}

	private Actor actorFor(CaseEvent event) {
		return switch (event) {
			case WITHDRAW, REPORTER_ANSWERED -> Actor.reporter();
			case ANSWER_TIMED_OUT -> Actor.system();
			default -> this.adviser;
		};
	}

	private static Set<CaseEvent> union(Set<CaseEvent> events) {
		return events.isEmpty() ? EnumSet.noneOf(CaseEvent.class) : events;
	}

	/** A case filed to the first two advisers (the third is left out unless excluded). */
	private UUID file(List<UUID> excluded) {
		UUID id = UUID.randomUUID();
		List<SealedKey> envelopes = new ArrayList<>();
		for (UUID adviser : this.org.advisers().subList(0, 2)) {
			envelopes.add(SealedKey.original(Recipient.adviser(adviser), Fixtures.keyEnvelope()));
		}
		envelopes.add(SealedKey.original(Recipient.reporter(), Fixtures.keyEnvelope()));
		String hash = ReporterToken.generate().mailboxCredential().storageHash();
		this.caseFile.file(new NewFiling(id, this.org.id(), Channel.INTERNAL_ADVISER, null, hash,
				RecipientPrivateKey.generate().publicKey(), "nl", UUID.randomUUID(), Fixtures.item(), envelopes,
				excluded));
		return id;
	}

	private UUID at(CaseState state) {
		UUID id = file(List.of());
		this.jdbc.update("update case_file set state = ? where id = ?", state.name(), id);
		return id;
	}

	private CaseState fire(UUID id, CaseEvent event, Actor actor) {
		return fire(id, Transition.of(event, actor));
	}

	private CaseState fire(UUID id, Transition transition) {
		return this.transactions
			.execute((tx) -> this.lifecycle.fire(this.cases.findById(id).orElseThrow(), transition));
	}

	private String refusal(UUID id, Transition transition) {
		try {
			fire(id, transition);
			return "accepted";
		}
		catch (Refusal refusal) {
			return refusal.slug();
		}
	}

}

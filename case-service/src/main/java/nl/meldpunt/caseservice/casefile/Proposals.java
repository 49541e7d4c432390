package nl.meldpunt.caseservice.casefile;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import nl.meldpunt.caseservice.audit.AuditAction;
import nl.meldpunt.caseservice.audit.AuditLog;
import nl.meldpunt.caseservice.ids.CaseId;
import nl.meldpunt.caseservice.ids.OrganisationId;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.SealedItem;

/**
 * What passes between the recipients and the reporter outside the procedure's arrows:
 * referral proposals and the reporter's consent, minutes of meetings and calls and the
 * reporter's approval, and the reporter's requests for a meeting. Each is a sealed item
 * of the case plus, in {@code case_proposal}, the few plain facts the procedure checks
 * (the consent guard asks {@link #agreed}). {@link CaseFile} has resolved the case and
 * checked that it is open and the item id new before any method here runs.
 */
@Component
class Proposals {

	private final JdbcTemplate jdbc;

	private final CaseItems items;

	private final Timeline timeline;

	private final RecipientDirectory directory;

	private final AuditLog audit;

	Proposals(JdbcTemplate jdbc, CaseItems items, Timeline timeline, RecipientDirectory directory, AuditLog audit) {
		this.jdbc = jdbc;
		this.items = items;
		this.timeline = timeline;
		this.directory = directory;
		this.audit = audit;
	}

	/** A recipient proposes a step that needs consent, to a hotline where it is one. */
	void propose(Case kase, Actor actor, UUID itemId, CaseEvent event, UUID hotlineId, SealedItem sealed,
			LocalDate today) {
		if (event == null || !Proposal.needsConsent(event)) {
			throw Refusal.invalid("event", "must be a step that needs the reporter's consent");
		}
		if ((event == CaseEvent.REFER_EXTERNAL) != (hotlineId != null)) {
			throw Refusal.invalid("hotlineId", "names the hotline of a referral to a hotline, and nothing else");
		}
		if (hotlineId != null && this.directory.hotlineHandlers(kase.organisationId(), hotlineId).isEmpty()) {
			throw new Refusal(Problem.INVALID_RECIPIENT, "This hotline cannot receive the case.");
		}
		store(kase, actor, itemId, ItemKind.PROPOSAL, sealed, today);
		insert(kase, itemId, Proposal.Kind.REFERRAL, event, hotlineId, today);
		note(kase, actor, Milestone.REFERRAL_PROPOSED, AuditAction.PROPOSAL_MADE, event.name(), today);
	}

	/** A recipient records minutes of a meeting or call for the reporter to approve. */
	void recordMinutes(Case kase, Actor actor, UUID itemId, SealedItem sealed, LocalDate today) {
		store(kase, actor, itemId, ItemKind.MINUTES, sealed, today);
		insert(kase, itemId, Proposal.Kind.MINUTES, null, null, today);
		note(kase, actor, Milestone.MINUTES_RECORDED, AuditAction.MINUTES_RECORDED, null, today);
	}

	/**
	 * The reporter decides on a pending proposal of their case; the sealed decision names
	 * what it answers. A consent is recorded on the case too.
	 */
	void decide(Case kase, Actor reporter, UUID proposalItemId, UUID itemId, Decision decision, SealedItem sealed,
			LocalDate today) {
		Proposal proposal = find(kase.id(), proposalItemId)
			.orElseThrow(() -> new Refusal(Problem.UNKNOWN_PROPOSAL, "There is no such proposal in this case."));
		if (!decision.answers(proposal.kind())) {
			throw Refusal.invalid("decision", "does not answer a proposal of this kind");
		}
		if (!proposal.pending()) {
			throw new Refusal(Problem.ALREADY_DECIDED, "This proposal has been decided already.");
		}
		store(kase, reporter, itemId, ItemKind.DECISION, sealed, today);
		int decided = this.jdbc.update(
				"update case_proposal set decision = ?, decided_on = ?, decision_item_id = ? where item_id = ? and case_id = ? and decision is null",
				decision.name(), Date.valueOf(today), itemId, proposalItemId, kase.id());
		if (decided != 1) {
			throw new Refusal(Problem.ALREADY_DECIDED, "This proposal has been decided already.");
		}
		if (decision == Decision.AGREED) {
			kase.recordConsent(today);
		}
		note(kase, reporter, Milestone.of(decision), AuditAction.DECISION_RECORDED, decision.name(), today);
	}

	/** The reporter asks for a meeting or a call (how and when is sealed). */
	void requestMeeting(Case kase, Actor reporter, UUID itemId, SealedItem sealed, LocalDate today) {
		store(kase, reporter, itemId, ItemKind.MEETING_REQUEST, sealed, today);
		note(kase, reporter, Milestone.MEETING_REQUESTED, AuditAction.MEETING_REQUESTED, null, today);
	}

	/** Every proposal of the case, in the order made. */
	List<Proposal> of(UUID caseId) {
		return this.jdbc.query(SELECT + " where p.case_id = ? order by i.seq", Proposals::map, caseId);
	}

	/**
	 * Whether the reporter agreed to exactly this step (and, for a hotline, this one).
	 */
	boolean agreed(UUID caseId, CaseEvent event, UUID hotlineId) {
		return of(caseId).stream().anyMatch((p) -> p.agreesTo(event, hotlineId));
	}

	private java.util.Optional<Proposal> find(UUID caseId, UUID itemId) {
		return this.jdbc.query(SELECT + " where p.case_id = ? and p.item_id = ?", Proposals::map, caseId, itemId)
			.stream()
			.findFirst();
	}

	private void store(Case kase, Actor actor, UUID itemId, ItemKind kind, SealedItem sealed, LocalDate today) {
		this.items.store(kase.organisationId(), new CaseView.Item(itemId, kase.id(), kind, actor.asAuthor(),
				actor.accountId(), today, kase.currentCaseKey(), sealed));
	}

	private void insert(Case kase, UUID itemId, Proposal.Kind kind, CaseEvent event, UUID hotlineId, LocalDate today) {
		this.jdbc.update(
				"insert into case_proposal (item_id, case_id, organisation_id, kind, event, hotline_id, proposed_on)"
						+ " values (?, ?, ?, ?, ?, ?, ?)",
				itemId, kase.id(), kase.organisationId(), kind.name(), (event != null) ? event.name() : null, hotlineId,
				Date.valueOf(today));
	}

	private void note(Case kase, Actor actor, Milestone milestone, AuditAction action, String detail, LocalDate today) {
		this.timeline.append(kase.organisationId(), kase.id(), today, milestone.name(), kase.state());
		this.audit.record(OrganisationId.of(kase.organisationId()), actor.auditKind(), actor.auditId(), action,
				CaseId.of(kase.id()), detail);
	}

	private static final String SELECT = "select p.item_id, p.kind, p.event, p.hotline_id, p.proposed_on, p.decision,"
			+ " p.decided_on, p.decision_item_id from case_proposal p join case_item i on i.id = p.item_id";

	private static Proposal map(ResultSet rs, int row) throws SQLException {
		String event = rs.getString(3);
		String decision = rs.getString(6);
		return new Proposal(rs.getObject(1, UUID.class), Proposal.Kind.valueOf(rs.getString(2)),
				(event != null) ? CaseEvent.valueOf(event) : null, rs.getObject(4, UUID.class),
				rs.getObject(5, LocalDate.class), (decision != null) ? Decision.valueOf(decision) : null,
				rs.getObject(7, LocalDate.class), rs.getObject(8, UUID.class));
	}

}

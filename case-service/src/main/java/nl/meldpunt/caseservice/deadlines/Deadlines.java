package nl.meldpunt.caseservice.deadlines;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import nl.meldpunt.caseservice.casefile.Actor;
import nl.meldpunt.caseservice.casefile.CaseEvent;
import nl.meldpunt.caseservice.casefile.CaseLifecycle;
import nl.meldpunt.caseservice.casefile.Cases;
import nl.meldpunt.caseservice.casefile.Transition;

/**
 * The procedure's clock: reminders to a case's recipients before each legal deadline,
 * escalations to the organisation's back-up advisers when it is about to pass, and the
 * time-out of unanswered questions. Each notice is recorded with a unique key before the
 * mail goes out in the same transaction, so it is sent exactly once, whichever instance
 * runs the job.
 */
@Service
class Deadlines {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Notifier notifier;

	private final DeadlineSettings settings;

	private final Cases cases;

	private final CaseLifecycle lifecycle;

	private final Clock clock;

	Deadlines(JdbcTemplate jdbc, TransactionTemplate transactions, Notifier notifier, DeadlineSettings settings,
			Cases cases, CaseLifecycle lifecycle, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.notifier = notifier;
		this.settings = settings;
		this.cases = cases;
		this.lifecycle = lifecycle;
		this.clock = clock;
	}

	@Scheduled(cron = "${meldpunt.deadlines.cron:0 */15 * * * *}")
	@SchedulerLock(name = "deadlines")
	public void run() {
		LocalDate today = LocalDate.now(this.clock);
		notify(DeadlineNotice.ACKNOWLEDGE_REMINDER,
				acknowledgeDue(today.plusDays(this.settings.acknowledgeReminderDays())), today);
		notify(DeadlineNotice.ACKNOWLEDGE_ESCALATION,
				acknowledgeDue(today.plusDays(this.settings.acknowledgeEscalationDays())), today);
		notify(DeadlineNotice.FEEDBACK_REMINDER, feedbackDue(today.plusDays(this.settings.feedbackReminderDays())),
				today);
		notify(DeadlineNotice.FEEDBACK_ESCALATION, feedbackDue(today.plusDays(this.settings.feedbackEscalationDays())),
				today);
		timeOutQuestions(today.minusDays(this.settings.answerTimeoutDays()));
	}

	private record Due(UUID caseId, UUID organisationId, LocalDate dueOn) {
	}

	private List<Due> acknowledgeDue(LocalDate by) {
		return this.jdbc.query(
				"select id, organisation_id, received_on + 7 from case_file"
						+ " where state = 'RECEIVED' and received_on + 7 <= ?",
				(rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
						rs.getObject(3, LocalDate.class)),
				Date.valueOf(by));
	}

	private List<Due> feedbackDue(LocalDate by) {
		return this.jdbc.query("""
				select id, organisation_id, (coalesce(acknowledged_on, received_on + 7) + interval '3 months')::date
				from case_file
				where state not in ('RECEIVED', 'CLOSED', 'WITHDRAWN') and feedback_on is null
				  and (coalesce(acknowledged_on, received_on + 7) + interval '3 months')::date <= ?
				""", (rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
				rs.getObject(3, LocalDate.class)), Date.valueOf(by));
	}

	private void notify(DeadlineNotice notice, List<Due> due, LocalDate today) {
		for (Due one : due) {
			this.transactions.executeWithoutResult((tx) -> {
				int recorded = this.jdbc.update(
						"insert into deadline_notice (case_id, organisation_id, kind, sent_on) values (?, ?, ?, ?)"
								+ " on conflict do nothing",
						one.caseId(), one.organisationId(), notice.name(), Date.valueOf(today));
				if (recorded == 1) {
					this.notifier.send(notice, one.dueOn(), addressees(notice, one));
				}
			});
		}
	}

	private List<String> addressees(DeadlineNotice notice, Due due) {
		if (notice.isEscalation()) {
			return this.jdbc.queryForList("select email from account where organisation_id = ? and role = 'ADVISER'"
					+ " and backup and enrolled_on is not null", String.class, due.organisationId());
		}
		return this.jdbc.queryForList("""
				select a.email from key_envelope k join account a
				  on (k.recipient_kind = 'ADVISER' and a.id::text = k.recipient_id)
				  or (k.recipient_kind = 'HOTLINE' and a.hotline_id::text = k.recipient_id and a.role = 'HOTLINE')
				where k.case_id = ? and a.organisation_id = ? and a.enrolled_on is not null
				""", String.class, due.caseId(), due.organisationId());
	}

	private void timeOutQuestions(LocalDate askedBefore) {
		List<UUID> waiting = this.jdbc.queryForList("""
				select c.id from case_file c
				where c.state = 'WAITING_FOR_REPORTER'
				  and (select max(t.on_day) from timeline_entry t where t.case_id = c.id) < ?
				""", UUID.class, Date.valueOf(askedBefore));
		for (UUID caseId : waiting) {
			this.transactions.executeWithoutResult((tx) -> this.cases.findById(caseId)
				.ifPresent((kase) -> this.lifecycle.fire(kase,
						Transition.of(CaseEvent.ANSWER_TIMED_OUT, Actor.system()))));
		}
	}

}

package nl.meldpunt.caseservice.deadlines;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import nl.meldpunt.caseservice.accounts.Account;
import nl.meldpunt.caseservice.accounts.Accounts;
import nl.meldpunt.caseservice.casefile.Actor;
import nl.meldpunt.caseservice.casefile.CaseEvent;
import nl.meldpunt.caseservice.casefile.CaseFile;
import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.DueCase;
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

	private final CaseFile caseFile;

	private final Accounts accounts;

	private final Clock clock;

	Deadlines(JdbcTemplate jdbc, TransactionTemplate transactions, Notifier notifier, DeadlineSettings settings,
			CaseFile caseFile, Accounts accounts, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.notifier = notifier;
		this.settings = settings;
		this.caseFile = caseFile;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Scheduled(cron = "${meldpunt.deadlines.cron:0 */15 * * * *}")
	@SchedulerLock(name = "deadlines")
	public void run() {
		LocalDate today = LocalDate.now(this.clock);
		notify(DeadlineNotice.ACKNOWLEDGE_REMINDER,
				this.caseFile.acknowledgementDueBy(today.plusDays(this.settings.acknowledgeReminderDays())), today);
		notify(DeadlineNotice.ACKNOWLEDGE_ESCALATION,
				this.caseFile.acknowledgementDueBy(today.plusDays(this.settings.acknowledgeEscalationDays())), today);
		notify(DeadlineNotice.FEEDBACK_REMINDER,
				this.caseFile.feedbackDueBy(today.plusDays(this.settings.feedbackReminderDays())), today);
		notify(DeadlineNotice.FEEDBACK_ESCALATION,
				this.caseFile.feedbackDueBy(today.plusDays(this.settings.feedbackEscalationDays())), today);
		timeOutQuestions(today.minusDays(this.settings.answerTimeoutDays()));
	}

	private void notify(DeadlineNotice notice, List<DueCase> due, LocalDate today) {
		for (DueCase one : due) {
			this.transactions.executeWithoutResult((tx) -> {
				int recorded = this.jdbc.update(
						"insert into deadline_notice (case_id, organisation_id, kind, sent_on) values (?, ?, ?, ?)"
								+ " on conflict do nothing",
						one.caseId(), one.organisationId(), notice.name(), Date.valueOf(today));
				if (recorded == 1) {
					this.notifier.send(notice, one.dueOn(), one.organisationId(), addressees(notice, one));
				}
			});
		}
	}

	/**
	 * Reminders go to the case's recipients. Escalations go to the organisation's back-up
	 * advisers — never to one the reporter excluded; and a case the reporter sent to a
	 * hotline escalates within that hotline (its recipients), not to the organisation.
	 */
	private List<String> addressees(DeadlineNotice notice, DueCase due) {
		if (notice.isEscalation() && due.channel() == Channel.INTERNAL_ADVISER) {
			Set<UUID> excluded = this.caseFile.excludedAdvisers(due.caseId());
			return this.accounts.enrolledBackupAdvisers(due.organisationId())
				.stream()
				.filter((adviser) -> !excluded.contains(adviser.id()))
				.map(Account::email)
				.toList();
		}
		List<UUID> recipients = this.caseFile.recipients(due.caseId())
			.stream()
			.filter((recipient) -> !recipient.isReporter())
			.flatMap((recipient) -> recipient.accountId().stream())
			.toList();
		// the reporter gets no mail: the service has no address for them
		return recipients.isEmpty() ? List.of() : this.accounts.enrolledEmailsOf(due.organisationId(), recipients);
	}

	private void timeOutQuestions(LocalDate askedBefore) {
		for (UUID caseId : this.caseFile.unansweredSince(askedBefore)) {
			this.transactions.executeWithoutResult(
					(tx) -> this.caseFile.fire(caseId, Transition.of(CaseEvent.ANSWER_TIMED_OUT, Actor.system())));
		}
	}

}

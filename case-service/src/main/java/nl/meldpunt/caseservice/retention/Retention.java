package nl.meldpunt.caseservice.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import nl.meldpunt.caseservice.audit.AuditLog;
import nl.meldpunt.caseservice.casefile.Case;
import nl.meldpunt.caseservice.casefile.CaseDeleted;
import nl.meldpunt.caseservice.casefile.Cases;

/**
 * Deletes closed and withdrawn cases once the organisation's retention period has passed:
 * the case row and, through the foreign keys, its key envelopes, items, attachments,
 * timeline and exclusions, in one transaction per case. Without the envelopes nobody can
 * read a copy from a backup either. Only the statistics' anonymous record and the audit
 * log's who-what-when remain.
 */
@Service
public class Retention {

	private static final int BATCH = 500;

	private final Cases cases;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	Retention(Cases cases, JdbcTemplate jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
			AuditLog audit, Clock clock) {
		this.cases = cases;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** Deletes what is due, on one instance at a time. */
	@Scheduled(cron = "${meldpunt.retention.cron:0 30 3 * * *}")
	@SchedulerLock(name = "retention")
	public void run() {
		deleteDue();
	}

	/** Deletes what is due; returns how many cases were deleted. */
	int deleteDue() {
		LocalDate today = LocalDate.now(this.clock);
		int deleted = 0;
		List<Case> due;
		do {
			due = this.cases.pastRetention(today, BATCH);
			for (Case kase : due) {
				this.transactions.executeWithoutResult((tx) -> {
					this.jdbc.update("delete from case_file where id = ?", kase.id());
					this.events.publishEvent(new CaseDeleted(kase.organisationId(), kase.id()));
					this.audit.record(kase.organisationId(), "SYSTEM", null, "CASE_DELETED", kase.id(), "retention");
				});
				deleted++;
			}
		}
		while (due.size() == BATCH);
		return deleted;
	}

}

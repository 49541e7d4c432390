package nl.meldpunt.caseservice.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import nl.meldpunt.caseservice.casefile.CaseFile;

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

	private final CaseFile caseFile;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Retention(CaseFile caseFile, TransactionTemplate transactions, Clock clock) {
		this.caseFile = caseFile;
		this.transactions = transactions;
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
		List<UUID> due;
		do {
			due = this.caseFile.pastRetention(today, BATCH);
			for (UUID caseId : due) {
				this.transactions.executeWithoutResult((tx) -> this.caseFile.deleteForRetention(caseId));
				deleted++;
			}
		}
		while (due.size() == BATCH);
		return deleted;
	}

}

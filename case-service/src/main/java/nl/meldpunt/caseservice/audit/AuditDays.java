package nl.meldpunt.caseservice.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Once a day is over (UTC), moves the reporter-caused entries of that day into the
 * organisations' reporter chains; hourly, so a missed run catches up soon. Then signs a
 * checkpoint of every chain that moved ({@link AuditCheckpoints}).
 */
@Service
class AuditDays {

	private final AuditLog log;

	private final AuditCheckpoints checkpoints;

	private final Clock clock;

	AuditDays(AuditLog log, AuditCheckpoints checkpoints, Clock clock) {
		this.log = log;
		this.checkpoints = checkpoints;
		this.clock = clock;
	}

	@Scheduled(cron = "${meldpunt.audit.seal-cron:0 5 * * * *}")
	@SchedulerLock(name = "audit-days")
	public void run() {
		this.log.sealDaysBefore(LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC));
		this.checkpoints.take();
	}

}

package nl.meldpunt.caseservice.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night: publish what is due for every organisation, then every pool. One instance
 * at a time (ShedLock); each organisation in its own transaction, so one failure holds up
 * nobody else.
 */
@Component
class StatisticsJob {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StatisticsJob.class);

	private final StatisticsPublisher publisher;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	StatisticsJob(StatisticsPublisher publisher, JdbcTemplate jdbc, Clock clock) {
		this.publisher = publisher;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(cron = "${meldpunt.statistics.cron:0 15 4 * * *}")
	@SchedulerLock(name = "statistics", lockAtMostFor = "PT1H")
	void publishEverythingDue() {
		LocalDate today = LocalDate.now(this.clock);
		List<UUID> organisations = this.jdbc.queryForList("select id from organisation order by id", UUID.class);
		int published = 0;
		for (UUID organisation : organisations) {
			try {
				published += this.publisher.publishDue(organisation, today).size();
			}
			catch (RuntimeException ex) {
				log.error("Statistics could not be published for an organisation", ex);
			}
		}
		for (String pool : this.jdbc.queryForList(
				"select distinct pool from statistics_settings where pool is not null order by pool", String.class)) {
			published += this.publisher.publishPool(pool, today).isPresent() ? 1 : 0;
		}
		log.info("Statistics: {} releases published", published);
	}

}

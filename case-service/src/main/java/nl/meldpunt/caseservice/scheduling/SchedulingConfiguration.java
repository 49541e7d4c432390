package nl.meldpunt.caseservice.scheduling;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Timers (deadline notices, retention) run on every instance, but each run takes a
 * ShedLock lock in the shared database first, so only one instance does the work; the
 * notices table adds a unique key per case and notice, so a notice goes out once.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfiguration {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

	/**
	 * Switched off with {@code meldpunt.scheduling.enabled=false} (tests call the jobs
	 * directly).
	 */
	@Configuration
	@EnableScheduling
	@ConditionalOnProperty(name = "meldpunt.scheduling.enabled", havingValue = "true", matchIfMissing = true)
	static class Timers {

	}

}

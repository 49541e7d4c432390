package nl.meldpunt.caseservice;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The internal case service: it owns the database and the case procedure. Only the
 * reporter portal (over the authenticated internal API) and advisers' browsers talk to
 * it; it never holds a report in plaintext.
 */
// people sign in through accounts.LogIns only: no generated default user (whose password
// Spring Boot would print into the log at every start)
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class CaseServiceApplication {

	/** Days (deadlines, day-precision dates) are Dutch days. */
	@Bean
	Clock clock() {
		return Clock.system(ZoneId.of("Europe/Amsterdam"));
	}

	public static void main(String[] args) {
		SpringApplication.run(CaseServiceApplication.class, args);
	}

}

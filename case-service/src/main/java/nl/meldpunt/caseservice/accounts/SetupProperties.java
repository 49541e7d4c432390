package nl.meldpunt.caseservice.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * First-run settings ({@code meldpunt.setup.*}; the launcher's {@code --setup} sets
 * {@code MELDPUNT_SETUP_ORGANISATION} and {@code MELDPUNT_SETUP_ADMINEMAIL}).
 *
 * @param organisation the new organisation's slug
 * @param organisationName its name
 * @param adminEmail the first administrator's e-mail address
 * @param terminal where the one-time enrolment code is shown: the controlling terminal,
 * never standard output or a log
 * @param codeValid how long that code is valid
 */
@ConfigurationProperties("meldpunt.setup")
record SetupProperties(String organisation, String organisationName, String adminEmail,
		@DefaultValue("/dev/tty") String terminal, @DefaultValue("24h") Duration codeValid) {
}

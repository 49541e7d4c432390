package nl.meldpunt.caseservice.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * First-run settings ({@code meldpunt.setup.*}; the launcher's {@code --setup} sets
 * {@code MELDPUNT_SETUP_ORGANISATION} and {@code MELDPUNT_SETUP_ADMINEMAIL}).
 */
@ConfigurationProperties("meldpunt.setup")
record SetupProperties(String organisation, String organisationName, String adminEmail) {
}

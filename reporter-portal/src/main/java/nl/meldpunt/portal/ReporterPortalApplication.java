package nl.meldpunt.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The public reporter portal. It holds no database credentials and never sees a report in
 * plaintext: browsers encrypt, and the portal forwards ciphertext to the case service
 * over the authenticated internal API.
 */
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class ReporterPortalApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReporterPortalApplication.class, args);
	}

}

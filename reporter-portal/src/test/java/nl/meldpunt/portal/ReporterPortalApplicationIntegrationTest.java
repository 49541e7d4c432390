package nl.meldpunt.portal;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class ReporterPortalApplicationIntegrationTest extends PortalTest {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ApplicationContext context;

	@Test
	void healthWhenStartedThenUp() {
		assertThat(this.http.getForObject("/actuator/health", String.class)).contains("\"status\":\"UP\"");
	}

	@Test
	void contextWhenStartedThenHasNoDataSource() {
		assertThat(this.context.getBeanNamesForType(DataSource.class)).isEmpty();
	}

}

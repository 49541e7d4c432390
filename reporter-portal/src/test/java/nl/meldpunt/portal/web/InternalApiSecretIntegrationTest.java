package nl.meldpunt.portal.web;

import nl.meldpunt.portal.ReporterPortalApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The portal refuses to start outside demo mode with no secret or the published demo one.
 */
class InternalApiSecretIntegrationTest {

	private static ConfigurableApplicationContext start(String... properties) {
		String[] arguments = new String[properties.length + 1];
		arguments[0] = "--server.port=0";
		for (int i = 0; i < properties.length; i++) {
			arguments[i + 1] = "--" + properties[i];
		}
		return new SpringApplicationBuilder(ReporterPortalApplication.class).run(arguments);
	}

	@Test
	void startWhenNotDemoAndNoSecretThenRefused() {
		assertThatThrownBy(() -> start("meldpunt.demo=false", "meldpunt.internal-api.secret=")).hasRootCauseMessage(
				"meldpunt.internal-api.secret (MELDPUNT_INTERNAL_SECRET) must be set outside demo mode");
	}

	@Test
	void startWhenNotDemoAndTheDemoSecretThenRefused() {
		assertThatThrownBy(() -> start("meldpunt.demo=false",
				"meldpunt.internal-api.secret=demo-internal-secret-not-for-production"))
			.hasRootCauseMessage(
					"meldpunt.internal-api.secret must not be the published demo secret outside demo mode");
	}

	@Test
	void startWhenNotDemoAndAShortSecretThenRefused() {
		assertThatThrownBy(() -> start("meldpunt.demo=false", "meldpunt.internal-api.secret=short"))
			.hasRootCauseMessage("meldpunt.internal-api.secret must have at least 16 characters outside demo mode");
	}

	@Test
	void startWhenDemoWithoutSecretThenStarts() {
		try (ConfigurableApplicationContext context = start("meldpunt.demo=true", "meldpunt.internal-api.secret=")) {
			assertThat(context.isRunning()).isTrue();
		}
	}

}

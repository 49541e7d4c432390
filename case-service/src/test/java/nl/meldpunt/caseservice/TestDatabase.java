package nl.meldpunt.caseservice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real PostgreSQL for tests, started once per test JVM and shared by every Spring
 * context (registered for all Boot tests in {@code META-INF/spring.factories}). Tests
 * share one database, so they create their own organisations rather than expect an empty
 * schema.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** A test that brings its own database (e.g. to stop it) sets this property. */
	public static final String OWN_DATABASE = "meldpunt.test.own-database";

	private static EmbeddedPostgres postgres;

	/** The shared server, started on first use. */
	public static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is going away; nothing left to clean up
				}
			}));
		}
		return postgres;
	}

	public static String jdbcUrl() {
		return postgres().getJdbcUrl("postgres", "postgres");
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (context.getEnvironment().getProperty(OWN_DATABASE, Boolean.class, false)) {
			return;
		}
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("meldpunt-test-database", Map.of("spring.datasource.url", jdbcUrl(),
					"spring.datasource.username", "postgres", "spring.datasource.password", "postgres")));
	}

}

package nl.meldpunt.caseservice.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import nl.meldpunt.caseservice.CaseServiceApplication;
import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stops under a running case service: health and readiness say DOWN within
 * seconds, and the internal API answers a 503 with a stable type instead of hanging for
 * the caller's whole request time-out. A behaviour test with a generous bound, not a
 * benchmark.
 */
class DatabaseOutageIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static EmbeddedPostgres postgres;

	static ConfigurableApplicationContext caseService;

	static String base;

	@BeforeAll
	static void start() throws Exception {
		// its own PostgreSQL: the shared test database must keep running for other tests
		postgres = EmbeddedPostgres.builder().start();
		caseService = new SpringApplicationBuilder(CaseServiceApplication.class).run("--server.port=0",
				"--" + TestDatabase.OWN_DATABASE + "=true",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
		int port = ((WebServerApplicationContext) caseService).getWebServer().getPort();
		base = "http://127.0.0.1:" + port;
	}

	@AfterAll
	static void stop() throws Exception {
		if (caseService != null) {
			caseService.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void healthReadinessAndInternalApiWhenPostgresStopsThenFast503() throws Exception {
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

		postgres.close();
		postgres = null;

		long started = System.nanoTime();
		HttpResponse<String> portal = get("/internal/v1/organisations/demo/portal");
		Duration apiTook = Duration.ofNanos(System.nanoTime() - started);
		assertThat(portal.statusCode()).isEqualTo(503);
		assertThat(portal.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(portal.body());
		assertThat(problem.get("type").asText()).isEqualTo("https://meldpunt.nl/problems/database-unavailable");
		assertThat(portal.body()).doesNotContain("Exception").doesNotContain("postgres");
		assertThat(apiTook).isLessThan(Duration.ofSeconds(10));

		started = System.nanoTime();
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		Duration readinessTook = Duration.ofNanos(System.nanoTime() - started);
		assertThat(readiness.statusCode()).isEqualTo(503);
		assertThat(readiness.body()).contains("DOWN");
		assertThat(readinessTook).isLessThan(Duration.ofSeconds(10));
		// liveness is the process: a restart would not bring the database back
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		System.out.printf("database outage: internal API 503 after %d ms, readiness DOWN after %d ms%n",
				apiTook.toMillis(), readinessTook.toMillis());
	}

	private static HttpResponse<String> get(String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(40))
			.header("Authorization", "Bearer " + Fixtures.INTERNAL_SECRET)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}

package nl.meldpunt.portal.caseservice;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The portal is ready when the case service is: it asks the case service's readiness
 * (which includes its database) with a short time-out, so that a load balancer or the
 * launcher sees an outage within seconds. Nothing about the case service but UP or DOWN
 * is reported.
 */
@Component("caseService")
class CaseServiceReadiness implements HealthIndicator {

	static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(TIMEOUT)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final URI readiness;

	CaseServiceReadiness(InternalApiProperties properties) {
		this.readiness = URI
			.create(properties.caseService().url().toString().replaceAll("/+$", "") + "/actuator/health/readiness");
	}

	@Override
	public Health health() {
		try {
			HttpResponse<Void> answer = this.http.send(HttpRequest.newBuilder(this.readiness).timeout(TIMEOUT).build(),
					HttpResponse.BodyHandlers.discarding());
			return (answer.statusCode() == 200) ? Health.up().build()
					: Health.down().withDetail("caseService", "not ready").build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down().withDetail("caseService", "unreachable").build();
		}
		catch (Exception ex) {
			return Health.down().withDetail("caseService", "unreachable").build();
		}
	}

}

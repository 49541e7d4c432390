package nl.meldpunt.portal;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the portal's integration tests: the real application on a random port, talking
 * to one {@link InMemoryCaseService} shared by every test class (so the Spring context is
 * cached once). Outside demo mode, with a non-demo secret, as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PortalTest {

	protected static final InMemoryCaseService caseService = InMemoryCaseService.started();

	@DynamicPropertySource
	static void caseService(DynamicPropertyRegistry registry) {
		registry.add("meldpunt.demo", () -> "false");
		registry.add("meldpunt.internal-api.secret", () -> InMemoryCaseService.SECRET);
		registry.add("meldpunt.case-service.url", caseService::url);
		// the test's own client sees the wire as a browser does (the portal's client to
		// the case service is Apache's, which would unpack gzip answers silently)
		registry.add("spring.http.client.factory", () -> "jdk");
	}

}

package nl.meldpunt.portal.caseservice;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * How the portal reaches the case service. The constructor refuses a missing secret, and
 * refuses the published demo secret unless {@code meldpunt.demo=true}: a production
 * portal must never start with a secret everybody can read in the source.
 *
 * @param demo whether the system runs as the demo ({@code meldpunt.demo})
 * @param internalApi the bearer secret of the internal API
 * @param caseService where the case service listens and how long to wait for it
 */
@ConfigurationProperties("meldpunt")
record InternalApiProperties(boolean demo, InternalApi internalApi, CaseService caseService) {

	/** The secret everybody can read in the source; accepted in demo mode only. */
	static final String DEMO_SECRET = "demo-internal-secret-not-for-production";

	/** The shortest secret accepted outside demo mode (case-service demands the same). */
	static final int MIN_SECRET_LENGTH = 16;

	InternalApiProperties {
		String given = (internalApi != null) ? internalApi.secret() : null;
		if (!StringUtils.hasText(given)) {
			if (!demo) {
				throw new IllegalStateException(
						"meldpunt.internal-api.secret (MELDPUNT_INTERNAL_SECRET) must be set outside demo mode");
			}
			internalApi = new InternalApi(DEMO_SECRET);
		}
		else if (!demo && DEMO_SECRET.equals(given)) {
			throw new IllegalStateException(
					"meldpunt.internal-api.secret must not be the published demo secret outside demo mode");
		}
		else if (!demo && given.length() < MIN_SECRET_LENGTH) {
			throw new IllegalStateException("meldpunt.internal-api.secret must have at least " + MIN_SECRET_LENGTH
					+ " characters outside demo mode");
		}
		if (caseService == null) {
			caseService = new CaseService(URI.create("http://127.0.0.1:8081"), Duration.ofSeconds(5),
					Duration.ofSeconds(30));
		}
	}

	String secret() {
		return this.internalApi.secret();
	}

	/**
	 * @param secret the shared bearer secret
	 */
	record InternalApi(String secret) {

		@Override
		public String toString() {
			return "InternalApi[secret=<hidden>]";
		}

	}

	/**
	 * @param url base URL of the case service
	 * @param connectTimeout connection timeout
	 * @param requestTimeout request timeout
	 */
	record CaseService(@DefaultValue("http://127.0.0.1:8081") URI url, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("30s") Duration requestTimeout) {
	}

}

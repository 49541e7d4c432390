package nl.meldpunt.portal.caseservice;

import com.fasterxml.jackson.databind.Module;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import nl.meldpunt.internalapi.CryptoJson;
import nl.meldpunt.internalapi.InternalApi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * One pool of keep-alive connections for every call to the case service: at thousands of
 * filings per second a connection per request would exhaust ports. Apache HttpClient's
 * classic (blocking) client does each exchange on the request's own thread, with socket
 * timeouts: no extra thread and no timer per call (the JDK client used before started two
 * threads and threw three exceptions per filing, a third of the portal's CPU).
 */
@Configuration(proxyBeanMethods = false)
class CaseServiceClientConfiguration {

	/**
	 * Connections to the case service kept open (the portal's request threads share
	 * them).
	 */
	static final int POOLED_CONNECTIONS = 200;

	/** The crypto module's values as base64url JSON, read straight into its types. */
	@Bean
	Module meldpuntCryptoJson() {
		return CryptoJson.module();
	}

	@Bean(destroyMethod = "close")
	CloseableHttpClient caseServiceHttpClient(InternalApiProperties properties) {
		Timeout connect = Timeout.of(properties.caseService().connectTimeout());
		Timeout answer = Timeout.of(properties.caseService().requestTimeout());
		PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
			.setMaxConnTotal(POOLED_CONNECTIONS)
			.setMaxConnPerRoute(POOLED_CONNECTIONS)
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(connect)
				.setSocketTimeout(answer)
				.setValidateAfterInactivity(TimeValue.ofSeconds(2))
				.build())
			.build();
		return HttpClients.custom()
			.setConnectionManager(pool)
			.setDefaultRequestConfig(
					RequestConfig.custom().setResponseTimeout(answer).setRedirectsEnabled(false).build())
			.disableCookieManagement()
			// the case service answers uncompressed: no Accept-Encoding, no decoding step
			.disableContentCompression()
			.disableAuthCaching()
			.disableRedirectHandling()
			.evictIdleConnections(TimeValue.ofSeconds(30))
			.build();
	}

	/** Where the internal API starts, without a trailing slash. */
	static String baseUrl(InternalApiProperties properties) {
		return properties.caseService().url().toString().replaceAll("/+$", "") + InternalApi.BASE_PATH;
	}

	@Bean
	RestClient caseServiceRestClient(RestClient.Builder builder, InternalApiProperties properties,
			CloseableHttpClient caseServiceHttpClient) {
		return builder.requestFactory(new HttpComponentsClientHttpRequestFactory(caseServiceHttpClient))
			.baseUrl(baseUrl(properties))
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.secret())
			.build();
	}

}

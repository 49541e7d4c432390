package nl.meldpunt.portal.caseservice;

import java.net.http.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.Module;

import nl.meldpunt.internalapi.CryptoJson;
import nl.meldpunt.internalapi.InternalApi;

/**
 * One pooled keep-alive JDK {@link HttpClient} for every call to the case service: at
 * thousands of filings per second a connection per request would exhaust ports.
 */
@Configuration(proxyBeanMethods = false)
class CaseServiceClientConfiguration {

	/** The crypto module's values as base64url JSON, read straight into its types. */
	@Bean
	Module meldpuntCryptoJson() {
		return CryptoJson.module();
	}

	@Bean
	RestClient caseServiceRestClient(RestClient.Builder builder, InternalApiProperties properties) {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.caseService().connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(properties.caseService().requestTimeout());
		return builder.requestFactory(requests)
			.baseUrl(properties.caseService().url().toString().replaceAll("/+$", "") + InternalApi.BASE_PATH)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.secret())
			.build();
	}

}

package nl.meldpunt.caseservice.monitoring;

import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.actuate.autoconfigure.observation.ObservationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Times the service's HTTP requests ({@code http_server_requests}) as Spring Boot would,
 * one place later in the filter order: after the body limit and the filing's short path
 * ({@code intake.FilingShortPath}), which times its filings itself
 * ({@code meldpunt_filing_seconds}) for a fraction of what an observation per request
 * costs (tags resolved and sorted, a timer looked up, a long-task timer started and
 * stopped: a seventh of a filing's request-thread CPU). Boot's own registration of the
 * filter steps back when this one exists.
 */
@Configuration(proxyBeanMethods = false)
class RequestObservations {

	/**
	 * After the body limit (highest precedence) and the filing's short path (one later).
	 */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	@Bean
	FilterRegistrationBean<ServerHttpObservationFilter> requestObservationFilter(ObservationRegistry registry,
			ObservationProperties properties) {
		ServerHttpObservationFilter filter = new ServerHttpObservationFilter(registry,
				new DefaultServerRequestObservationConvention(
						properties.getHttp().getServer().getRequests().getName()));
		FilterRegistrationBean<ServerHttpObservationFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

}

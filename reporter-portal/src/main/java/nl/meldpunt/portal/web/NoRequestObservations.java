package nl.meldpunt.portal.web;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The portal records no request observations ({@code application.properties} turns them
 * off: it exposes no metrics), yet Spring Boot still puts its observation filter in front
 * of every request, where it makes and stops a no-op observation (a twenty-fifth of a
 * filing's request-thread CPU). Registered here and disabled, the filter is not
 * installed, and Boot's own registration steps back.
 */
@Configuration(proxyBeanMethods = false)
class NoRequestObservations {

	@Bean
	FilterRegistrationBean<ServerHttpObservationFilter> requestObservationFilter(ObservationRegistry registry) {
		FilterRegistrationBean<ServerHttpObservationFilter> registration = new FilterRegistrationBean<>(
				new ServerHttpObservationFilter(registry));
		registration.setEnabled(false);
		return registration;
	}

}

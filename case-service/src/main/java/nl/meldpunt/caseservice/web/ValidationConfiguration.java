package nl.meldpunt.caseservice.web;

import java.lang.annotation.ElementType;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean validation here checks request records, which hold no lazily loaded JPA state, so
 * every property is reachable and cascadable. With Hibernate ORM present, Hibernate
 * Validator would otherwise ask JPA about each property of each value it checks (a
 * twentieth of the service's CPU per filing) and always be told yes. Hibernate ORM's own
 * validation of entities does not use this validator.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

	@Bean
	ValidationConfigurationCustomizer everyPropertyReachable() {
		return (configuration) -> configuration.traversableResolver(new EveryPropertyReachable());
	}

	static final class EveryPropertyReachable implements TraversableResolver {

		@Override
		public boolean isReachable(Object object, Path.Node property, Class<?> rootType, Path path,
				ElementType elementType) {
			return true;
		}

		@Override
		public boolean isCascadable(Object object, Path.Node property, Class<?> rootType, Path path,
				ElementType elementType) {
			return true;
		}

	}

}

package nl.meldpunt.caseservice.web;

import com.fasterxml.jackson.databind.Module;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.meldpunt.internalapi.CryptoJson;

/**
 * Every JSON body reads and writes the crypto module's values (ciphertexts, key
 * envelopes, keys, credentials) as base64url, straight into the crypto types: one parser,
 * shared with the reporter portal. Spring Boot adds this module to its
 * {@code ObjectMapper}.
 */
@Configuration(proxyBeanMethods = false)
class CryptoJsonConfiguration {

	@Bean
	Module meldpuntCryptoJson() {
		return CryptoJson.module();
	}

}

package nl.meldpunt.caseservice.accounts;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * An organisation's OIDC provider for tests: Spring Authorization Server in this JVM on a
 * random loopback port, one confidential client, people authenticated by HTTP Basic at
 * the authorize endpoint (so a test follows the redirects without a login form). Who the
 * provider says a person is comes from {@link #IDENTITIES}, keyed by the subject.
 */
final class TestOidcProvider {

	static final String CLIENT_ID = "meldpunt-test";

	static final String CLIENT_SECRET = "test-client-secret-" + UUID.randomUUID();

	static final String PASSWORD = "idp-password";

	/**
	 * What the provider asserts about a subject.
	 *
	 * @param issuer an {@code iss} to put in the ID token instead of the provider's own
	 * (null: its own)
	 */
	record Identity(String email, boolean emailVerified, String issuer) {
	}

	static final Map<String, Identity> IDENTITIES = new ConcurrentHashMap<>();

	private static ConfigurableApplicationContext running;

	private TestOidcProvider() {
	}

	/** The provider's issuer URL, started on first use and shared by the JVM's tests. */
	static synchronized String issuer() {
		if (running == null) {
			running = new SpringApplicationBuilder(Provider.class)
				.properties("server.port=0", "server.address=127.0.0.1", "spring.config.name=oidc-test-provider",
						"spring.main.banner-mode=off", "meldpunt.test.own-database=true")
				.run();
			Runtime.getRuntime().addShutdownHook(new Thread(running::close));
		}
		return "http://127.0.0.1:" + ((ServletWebServerApplicationContext) running).getWebServer().getPort();
	}

	// not a @Configuration: the case service's component scan must not find it
	@EnableWebSecurity
	@ImportAutoConfiguration({ ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
			JacksonAutoConfiguration.class })
	static class Provider {

		@Bean
		SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
			OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
			return http.securityMatcher(server.getEndpointsMatcher())
				.with(server, (configurer) -> configurer.oidc(Customizer.withDefaults()))
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic((basic) -> basic.securityContextRepository(new HttpSessionSecurityContextRepository()))
				.oauth2ResourceServer((resource) -> resource.jwt(Customizer.withDefaults()))
				.csrf((csrf) -> csrf.disable())
				.build();
		}

		@Bean
		UserDetailsService people() {
			return (subject) -> {
				if (!IDENTITIES.containsKey(subject)) {
					throw new UsernameNotFoundException("unknown");
				}
				return User.withUsername(subject).password("{noop}" + PASSWORD).roles("USER").build();
			};
		}

		@Bean
		RegisteredClientRepository clients() {
			return new InMemoryRegisteredClientRepository(RegisteredClient.withId("meldpunt")
				.clientId(CLIENT_ID)
				.clientSecret("{noop}" + CLIENT_SECRET)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				// a loopback redirect URI matches any port (RFC 8252), so the case
				// service's random one
				.redirectUri("http://127.0.0.1/login/oauth2/code/oidc")
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.EMAIL)
				.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
				.build());
		}

		/**
		 * The e-mail claims (and a wrong issuer, for one test) in ID token and user info.
		 */
		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> claims() {
			return (context) -> {
				if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					return;
				}
				Identity identity = IDENTITIES.get(context.getPrincipal().getName());
				if (identity.email() != null) {
					context.getClaims().claim("email", identity.email());
					context.getClaims().claim("email_verified", identity.emailVerified());
				}
				if (identity.issuer() != null) {
					context.getClaims().claim("iss", identity.issuer());
				}
			};
		}

		@Bean
		JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
				.privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
			return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		}

		@Bean
		AuthorizationServerSettings settings() {
			return AuthorizationServerSettings.builder().build();
		}

	}

}

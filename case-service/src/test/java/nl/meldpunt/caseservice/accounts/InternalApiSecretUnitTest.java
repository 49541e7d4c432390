package nl.meldpunt.caseservice.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class InternalApiSecretUnitTest {

	@Test
	void startWhenNotDemoAndSecretUnsetOrDemoDefaultOrShortThenRefused() {
		assertThatIllegalStateException().isThrownBy(() -> new InternalApiSecret("", false));
		assertThatIllegalStateException()
			.isThrownBy(() -> new InternalApiSecret(InternalApiSecret.DEMO_DEFAULT, false));
		assertThatIllegalStateException().isThrownBy(() -> new InternalApiSecret("short", false));
	}

	@Test
	void startWhenDemoAndSecretUnsetThenDemoDefaultAccepted() {
		InternalApiSecret secret = new InternalApiSecret("", true);
		assertThat(secret.matches("Bearer " + InternalApiSecret.DEMO_DEFAULT)).isTrue();
	}

	@Test
	void matchesWhenSameSecretThenTrueOtherwiseFalse() {
		InternalApiSecret secret = new InternalApiSecret("a-real-secret-of-some-length", false);
		assertThat(secret.matches("Bearer a-real-secret-of-some-length")).isTrue();
		assertThat(secret.matches("Bearer a-real-secret-of-some-lengtH")).isFalse();
		assertThat(secret.matches("a-real-secret-of-some-length")).isFalse();
		assertThat(secret.matches(null)).isFalse();
	}

}

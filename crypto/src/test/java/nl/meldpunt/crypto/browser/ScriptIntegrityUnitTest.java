package nl.meldpunt.crypto.browser;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptIntegrityUnitTest {

	final ScriptIntegrity sri = new ScriptIntegrity(getClass().getClassLoader());

	@Test
	void servedScriptWhenHashedThenSha384OfItsBytes() throws Exception {
		byte[] served;
		try (InputStream in = getClass().getClassLoader()
			.getResourceAsStream("META-INF/resources/meldpunt-crypto/v1/meldpunt-crypto.js")) {
			served = in.readAllBytes();
		}
		String expected = "sha384-"
				+ Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(served));
		assertThat(this.sri.of("/meldpunt-crypto/v1/meldpunt-crypto.js")).isEqualTo(expected);
	}

	@Test
	void pathWhenNotServedOrEscapingThenRefused() {
		assertThatThrownBy(() -> this.sri.of("/meldpunt-crypto/v1/../../nl/meldpunt/crypto/CaseKey.class"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.sri.of("meldpunt-crypto/v1/meldpunt-crypto.js"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.sri.of("/no/such/file.js")).isInstanceOf(IllegalStateException.class);
	}

}

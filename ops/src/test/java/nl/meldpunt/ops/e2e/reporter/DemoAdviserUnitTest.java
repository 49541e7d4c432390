package nl.meldpunt.ops.e2e.reporter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoAdviserUnitTest {

	@Test
	void totpWhenRfc6238VectorThenTheSameCode() throws Exception {
		// RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (last six digits)
		assertThat(DemoAdviser.totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59 / 30)).isEqualTo("287082");
		assertThat(DemoAdviser.totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 1111111109L / 30)).isEqualTo("081804");
	}

}

package nl.meldpunt.portal;

import org.junit.jupiter.api.Test;

import nl.meldpunt.crypto.testing.CryptoBoundary;

/**
 * The portal, and the internal API contract it compiles against, use only the crypto
 * module's public types: {@code nl.meldpunt.crypto.internal} is the module's own.
 */
class CryptoBoundaryUnitTest {

	@Test
	void cryptoInternalsWhenImportedThenUsedOnlyByTheCryptoModule() {
		CryptoBoundary.check();
	}

}

package nl.meldpunt.portal.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The vendored QR library is exactly the file published on npm (see VENDORED.md). */
class VendoredScriptsUnitTest {

	@Test
	void qrcodeGeneratorWhenHashedThenMatchesThePinnedChecksum() throws Exception {
		byte[] file = Files.readAllBytes(Path.of("src/main/resources/static/vendor/qrcode-generator-2.0.4/qrcode.mjs"));
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
		assertThat(Files.readString(Path.of("VENDORED.md"))).contains(sha256);
		assertThat(sha256).isEqualTo("ea91d7118a5395289170da848b7c6758b996163bfbccf312591ab65a4911b7c0");
	}

}

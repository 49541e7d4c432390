package nl.meldpunt.caseservice.accounts;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OidcSettingsUnitTest {

	@TempDir
	Path folder;

	@Test
	void secretWhenFileOwnerOnlyThenReadAndStripped() throws Exception {
		Path file = secretFile("rw-------", "s3cret\n");
		assertThat(settings(URI.create("https://idp.example.org/realms/x"), file).secret()).isEqualTo("s3cret");
	}

	@Test
	void secretWhenFileReadableByOthersThenRefused() throws Exception {
		Path file = secretFile("rw-r--r--", "s3cret");
		assertThatThrownBy(() -> settings(URI.create("https://idp.example.org"), file).secret())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("chmod 600");
	}

	@Test
	void settingsWhenIssuerPlainHttpElsewhereThenRefused() throws Exception {
		Path file = secretFile("rw-------", "s3cret");
		assertThatThrownBy(() -> settings(URI.create("http://idp.example.org"), file))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("https");
	}

	@Test
	void settingsWhenNoSecretThenRefused() {
		assertThatThrownBy(() -> new OidcSettings(true, URI.create("https://idp.example.org"), "meldpunt", null, " "))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("client-secret-file");
	}

	@Test
	void settingsWhenOffThenNothingChecked() {
		assertThat(new OidcSettings(false, null, null, null, null).enabled()).isFalse();
	}

	private static OidcSettings settings(URI issuer, Path file) {
		return new OidcSettings(true, issuer, "meldpunt", file, null);
	}

	private Path secretFile(String permissions, String content) throws Exception {
		Path file = this.folder.resolve("secret");
		Files.writeString(file, content);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
		return file;
	}

}

package nl.meldpunt.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LaunchSettingsUnitTest {

	@Test
	void fromWhenNothingConfiguredThenEmbeddedDefaults() {
		LaunchSettings settings = LaunchSettings.from(new String[0], Map.of());
		assertThat(settings.portalPort()).isEqualTo(8080);
		assertThat(settings.caseServicePort()).isEqualTo(8081);
		assertThat(settings.demo()).isFalse();
		assertThat(settings.externalDatabase()).isEmpty();
		assertThat(settings.dataDirectory()).isEqualTo(Path.of("data").toAbsolutePath());
	}

	@Test
	void fromWhenArgumentsAndEnvironmentThenTheyWin() {
		LaunchSettings settings = LaunchSettings.from(new String[] { "--demo", "--data", "/tmp/x" },
				Map.of("MELDPUNT_PORTAL_PORT", "9090", "SPRING_DATASOURCE_URL", "jdbc:postgresql://db/meldpunt",
						"SPRING_DATASOURCE_USERNAME", "app"));
		assertThat(settings.demo()).isTrue();
		assertThat(settings.dataDirectory()).isEqualTo(Path.of("/tmp/x"));
		assertThat(settings.portalPort()).isEqualTo(9090);
		assertThat(settings.externalDatabase()).hasValueSatisfying((db) -> {
			assertThat(db.url()).isEqualTo("jdbc:postgresql://db/meldpunt");
			assertThat(db.user()).isEqualTo("app");
		});
	}

	@Test
	void fromWhenBackupFolderSetThenDailyBackupsKeptThirtyDaysUnlessSaidOtherwise() {
		assertThat(LaunchSettings.from(new String[0], Map.of()).backups()).isEmpty();
		assertThat(LaunchSettings.from(new String[0], Map.of("MELDPUNT_BACKUP_DIR", "/srv/backups")).backups())
			.contains(new LaunchSettings.Backups(Path.of("/srv/backups"), 30));
		assertThat(LaunchSettings
			.from(new String[0], Map.of("MELDPUNT_BACKUP_DIR", "/srv/backups", "MELDPUNT_BACKUP_KEEP_DAYS", "14"))
			.backups()).contains(new LaunchSettings.Backups(Path.of("/srv/backups"), 14));
		for (String wrong : new String[] { "0", "two", "400" }) {
			assertThatExceptionOfType(LaunchFailure.class)
				.isThrownBy(() -> LaunchSettings.from(new String[0],
						Map.of("MELDPUNT_BACKUP_DIR", "/srv/backups", "MELDPUNT_BACKUP_KEEP_DAYS", wrong)))
				.withMessageStartingWith("MELDPUNT_BACKUP_KEEP_DAYS must be a number of days from 1 to 365");
		}
	}

	@Test
	void fromWhenStartupSecondsSetThenThatLimitElseThreeMinutes() {
		assertThat(LaunchSettings.from(new String[0], Map.of()).startupLimit()).isEqualTo(Duration.ofMinutes(3));
		assertThat(LaunchSettings.from(new String[0], Map.of("MELDPUNT_STARTUP_SECONDS", " 600 ")).startupLimit())
			.isEqualTo(Duration.ofMinutes(10));
		for (String wrong : new String[] { "29", "3601", "ten", "-5" }) {
			assertThatExceptionOfType(LaunchFailure.class)
				.isThrownBy(() -> LaunchSettings.from(new String[0], Map.of("MELDPUNT_STARTUP_SECONDS", wrong)))
				.withMessage(
						"MELDPUNT_STARTUP_SECONDS must be a number of seconds from 30 to 3600, not '" + wrong + "'.");
		}
		LaunchSettings settings = LaunchSettings.from(new String[0], Map.of());
		assertThatExceptionOfType(LaunchFailure.class)
			.isThrownBy(() -> settings.withStartupLimit(Duration.ofSeconds(1)))
			.withMessage("MELDPUNT_STARTUP_SECONDS must be a number of seconds from 30 to 3600.");
	}

	@Test
	void fromWhenPortIsNotANumberThenOneClearSentence() {
		assertThatExceptionOfType(LaunchFailure.class)
			.isThrownBy(() -> LaunchSettings.from(new String[0], Map.of("MELDPUNT_CASE_SERVICE_PORT", "80a")))
			.withMessage("MELDPUNT_CASE_SERVICE_PORT must be a port number between 1 and 65535, not '80a'.");
	}

	@Test
	void fromWhenUnknownOptionThenSaysWhichOnesExist() {
		assertThatExceptionOfType(LaunchFailure.class)
			.isThrownBy(() -> LaunchSettings.from(new String[] { "--dmeo" }, Map.of()))
			.withMessageContaining("--dmeo")
			.withMessageContaining("--demo");
	}

	@Test
	void fromWhenSetupAndAdminGivenThenFirstRunSetup() {
		LaunchSettings settings = LaunchSettings
			.from(new String[] { "--setup", "gemeente-voorbeeld", "--admin", "beheer@voorbeeld.nl" }, Map.of());
		assertThat(settings.setup()).contains(new LaunchSettings.Setup("gemeente-voorbeeld", "beheer@voorbeeld.nl"));
	}

	@Test
	void fromWhenSetupWithoutAdminThenAsksForTheAddress() {
		assertThatExceptionOfType(LaunchFailure.class)
			.isThrownBy(() -> LaunchSettings.from(new String[] { "--setup", "gemeente-voorbeeld" }, Map.of()))
			.withMessageContaining("--admin beheer@voorbeeld.nl");
	}

	@Test
	void fromWhenSetupNameIsNotALinkNameThenExplainsTheForm() {
		assertThatExceptionOfType(LaunchFailure.class)
			.isThrownBy(() -> LaunchSettings
				.from(new String[] { "--setup", "Gemeente Voorbeeld", "--admin", "beheer@voorbeeld.nl" }, Map.of()))
			.withMessageContaining("lower-case letters, digits and dashes");
	}

	@Test
	void fromWhenOptionLacksItsValueThenSaysWhatItNeeds() {
		assertThatExceptionOfType(LaunchFailure.class)
			.isThrownBy(() -> LaunchSettings.from(new String[] { "--data" }, Map.of()))
			.withMessage("--data needs a folder, for example: --data ./data");
	}

	@Test
	void passedOnWhenTrustedProxiesAndOidcSetThenOidcToTheCaseServiceOnly() {
		Map<String, String> env = Map.of("MELDPUNT_TRUSTED_PROXIES", "10\\.0\\.0\\.5", "MELDPUNT_OIDC_ENABLED", "true",
				"MELDPUNT_OIDC_CLIENT_SECRET_FILE", "/etc/meldpunt/oidc-secret", "MELDPUNT_DEMO", "true", "PATH",
				"/bin");
		assertThat(LaunchSettings.passedOn(env, true)).containsOnlyKeys("MELDPUNT_TRUSTED_PROXIES",
				"MELDPUNT_OIDC_ENABLED", "MELDPUNT_OIDC_CLIENT_SECRET_FILE");
		assertThat(LaunchSettings.passedOn(env, false)).containsOnlyKeys("MELDPUNT_TRUSTED_PROXIES");
	}

}

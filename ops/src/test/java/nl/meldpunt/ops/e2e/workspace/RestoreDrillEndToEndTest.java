package nl.meldpunt.ops.e2e.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.meldpunt.ops.DatabaseCommands;
import nl.meldpunt.ops.LaunchSettings;
import nl.meldpunt.ops.MeldpuntSystem;
import nl.meldpunt.ops.TestSystem;
import nl.meldpunt.ops.backup.Backup;
import nl.meldpunt.ops.backup.Restore;
import nl.meldpunt.ops.e2e.reporter.ReporterBrowser;
import nl.meldpunt.ops.load.DemoFilings;
import nl.meldpunt.ops.load.FilingLoad;
import nl.meldpunt.ops.load.StoredFilings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restore drill, as an operator would run it after losing the server: reports are
 * filed (one in the browser, with a photo), a backup is taken while filing goes on, the
 * backup is restored into an empty data folder (the wiped disk) and the system started
 * there. The reporter's token link still opens the case, the adviser still decrypts the
 * report and the photo in the browser, and every filing acknowledged before the backup
 * began is back.
 */
class RestoreDrillEndToEndTest {

	@Test
	void backupWhenRestoredIntoAWipedFolderThenTheReporterAndTheAdviserStillOpenTheCase() throws Exception {
		MeldpuntSystem original = TestSystem.get();
		String marker = "DRILL" + UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
		String link = WorkspaceJourneyEndToEndTest.file(original, marker);

		String portal = original.portalUrl();
		Path backup = Files.createTempDirectory("meldpunt-drill").resolve("meldpunt.backup");
		Set<UUID> beforeBackup;
		int envelopes;
		Backup.Summary written;
		try (FilingLoad load = FilingLoad.start(portal,
				DemoFilings.forPortal(portal, DemoFilings.BROWSER_TESTS_ADVISER), 4, Duration.ofMinutes(3))) {
			assertThat(load.awaitAcknowledged(20, Duration.ofMinutes(2))).isTrue();
			beforeBackup = load.acknowledged();
			envelopes = load.envelopesPerFiling();
			written = DatabaseCommands.backup(settings(original.dataDirectory(), 1, 1), backup, (line) -> {
			});
			long duringBackup = load.acknowledgedCount() - beforeBackup.size();
			load.stop();
			System.out.printf(
					"Restore drill: backup of %d rows (%.1f MB) in %.1f s while %d more filings were"
							+ " acknowledged%n",
					written.rows(), written.bytes() / 1e6, written.took().toMillis() / 1000.0, duringBackup);
		}

		Path wiped = Files.createTempDirectory("meldpunt-drill-restored").resolve("data");
		LaunchSettings restoredSettings = settings(wiped, freePort(), freePort());
		Restore.Summary restored = DatabaseCommands.restore(restoredSettings, backup, (line) -> {
		});
		assertThat(restored.rows()).isEqualTo(written.rows());
		try (MeldpuntSystem after = MeldpuntSystem.start(restoredSettings,
				(line) -> System.out.println("[drill] " + line))) {
			StoredFilings stored = StoredFilings.check(after.database(), beforeBackup, envelopes);
			assertThat(stored.allThereOnce()).as(stored.toString()).isTrue();

			try (ReporterBrowser reporter = new ReporterBrowser("restore-drill/reporter")) {
				reporter.open(link.replace(original.portalUrl(), after.portalUrl()));
				reporter.waitVisible("case");
				reporter.waitText("conversation", marker);
				reporter.screenshot("case-after-restore");
				assertThat(reporter.hasCookies()).isFalse();
			}
			try (WorkspaceBrowser adviser = new WorkspaceBrowser("restore-drill")) {
				adviser.open(after.caseServiceUrl() + "/workspace");
				adviser.waitVisible("login-form");
				adviser.logIn("adviser1@demo.meldpunt.nl");
				adviser.waitVisible("inbox");
				WorkspaceJourneyEndToEndTest.openCaseWith(adviser, marker);
				assertThat(adviser.find("report").getText()).contains(marker);
				assertThat(adviser.find("attachments").getText()).contains("photo.jpg");
				adviser.all("#attachments button").get(0).click();
				adviser.waitCss("#attachments a.download[href^='blob:'][download='photo.jpg']");
				adviser.screenshot("decrypted-after-restore");
			}
		}
	}

	private static LaunchSettings settings(Path data, int portal, int caseService) {
		return new LaunchSettings(data, Path.of("target", "apps").toAbsolutePath(), portal, caseService, true,
				Optional.empty(), "");
	}

	private static int freePort() throws java.io.IOException {
		try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}

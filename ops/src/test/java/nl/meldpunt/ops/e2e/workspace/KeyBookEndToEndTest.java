package nl.meldpunt.ops.e2e.workspace;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import nl.meldpunt.ops.MeldpuntSystem;
import nl.meldpunt.ops.TestSystem;
import nl.meldpunt.ops.e2e.reporter.ReporterBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 through the whole system, everyone in their own headless Chromium:
 * <ol>
 * <li><b>Evil admin.</b> The demo administrator cannot invite a second "Anna Adviseur";
 * the look-alike "Anna Adviser" is invited and enrolled with keys made outside any
 * browser — and stays a pending recipient, shown as such to the advisers, never sealed
 * to.</li>
 * <li><b>Approval.</b> Carla is invited, enrols in her browser and reads her fingerprint
 * there; Anna compares it (the test plays the phone call) and approves in her key book,
 * Bram too (two advisers: threshold 2); the next report filed in the portal lists Carla
 * with her fingerprint, is sealed to her, and she reads it in her workspace.</li>
 * <li><b>Removal and re-keying.</b> Anna and Bram sign Carla's removal; Anna's browser
 * seals a new case key to the remaining recipients when she opens the case and writes a
 * message. Carla reaches the case no more, and her own browser, holding her key and her
 * old envelope (as someone with the database would give her), cannot open that
 * message.</li>
 * </ol>
 * Screenshots in target/screenshots/keybook/, axe-core on the new pages.
 */
class KeyBookEndToEndTest {

	private static final String CARLA_PASSPHRASE = "de wachtzin van carla collega";

	private static final String AFTER_REMOVAL = "Bericht na de verwijdering van Carla";

	@Test
	void insiderWhenAddingAReaderThenOnlyAdvisersApprovalMakesOneAndRemovalReKeys() throws Exception {
		MeldpuntSystem system = TestSystem.get();
		String workspace = system.caseServiceUrl() + "/workspace";
		String suffix = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
		DemoAdmin admin = new DemoAdmin(system.caseServiceUrl()).logIn();

		// 1. the evil admin: a twin name is refused, a look-alike enrolled outside a
		// browser stays pending
		HttpResponse<String> twin = admin.tryInvite("ADVISER", "Anna Adviseur", "twin-" + suffix + "@demo.meldpunt.nl");
		assertThat(twin.statusCode()).isEqualTo(409);
		assertThat(twin.body()).contains("display-name-taken");
		String mallory = "mallory-" + suffix + "@demo.meldpunt.nl";
		String malloryName = "Anna Adviser " + suffix;
		DemoAdmin.enrolOutsideTheBrowser(system.caseServiceUrl(), mallory,
				admin.invite("ADVISER", malloryName, mallory), "mallory's own passphrase");

		// 2. Carla is invited and enrols in her browser, which shows her fingerprint
		String carla = "carla-" + suffix + "@demo.meldpunt.nl";
		String carlaName = "Carla Collega " + suffix;
		JsonNode invited = admin.invitation("ADVISER", carlaName, carla);
		UUID carlaId = UUID.fromString(invited.get("accountId").asText());
		String carlaFingerprint;
		String carlaTotp;
		try (WorkspaceBrowser newcomer = new WorkspaceBrowser("carla-enrols", "keybook")) {
			newcomer.open(workspace + "/enrol");
			newcomer.type("enrol-email", carla);
			newcomer.type("enrol-code", invited.get("enrolmentCode").asText());
			newcomer.type("enrol-passphrase", CARLA_PASSPHRASE);
			newcomer.type("enrol-repeat", CARLA_PASSPHRASE);
			newcomer.click("enrol-submit");
			newcomer.waitVisible("totp-secret");
			carlaFingerprint = newcomer.find("key-fingerprint").getText();
			carlaTotp = newcomer.find("totp-secret").getText();
			assertThat(newcomer.find("enrol-keybook").getText()).contains("wacht op goedkeuring")
				.contains("telefonisch of persoonlijk");
			newcomer.screenshot("enrolled-pending");
			assertThat(newcomer.accessibilityViolations()).isEmpty();
		}

		try (WorkspaceBrowser anna = new WorkspaceBrowser("anna", "keybook");
				WorkspaceBrowser bram = new WorkspaceBrowser("bram", "keybook")) {
			anna.open(workspace);
			anna.logIn("adviser1@demo.meldpunt.nl");
			anna.waitCss("#inbox, #inbox-empty");
			openKeyBook(anna);
			assertThat(anna.find("pending").getText()).contains(malloryName).contains(carlaName);
			WebElement carlaDraft = draftAbout(anna, carlaName);
			assertThat(carlaDraft.findElement(By.cssSelector(".draft-fingerprint")).getText())
				.as("the fingerprint Carla read out on the phone")
				.isEqualTo(carlaFingerprint);
			anna.screenshot("drafts");
			assertThat(anna.accessibilityViolations()).isEmpty();
			carlaDraft.findElement(By.cssSelector("button[id^='approve-']")).click();
			anna.waitText("drafts", "Vergelijk eerst de vingerafdruk");
			draftAbout(anna, carlaName).findElement(By.cssSelector("input[type='checkbox']")).click();
			draftAbout(anna, carlaName).findElement(By.cssSelector("button[id^='approve-']")).click();
			anna.waitText("drafts", "U heeft deze wijziging goedgekeurd");

			bram.open(workspace);
			bram.logIn("adviser2@demo.meldpunt.nl");
			bram.waitCss("#inbox, #inbox-empty");
			openKeyBook(bram);
			WebElement forBram = draftAbout(bram, carlaName);
			forBram.findElement(By.cssSelector("input[type='checkbox']")).click();
			forBram.findElement(By.cssSelector("button[id^='approve-']")).click();
			bram.waitText("members", carlaName);
			assertThat(bram.find("members").getText()).doesNotContain(malloryName);
			assertThat(bram.find("pending").getText()).contains(malloryName).contains("wacht op goedkeuring");
			bram.screenshot("carla-approved");

			// the next report: Carla is listed with her fingerprint, the look-alike is
			// not
			String marker = "KB" + suffix.toUpperCase(Locale.ROOT);
			try (ReporterBrowser reporter = new ReporterBrowser("keybook/reporter")) {
				reporter.open(system.portalUrl() + "/o/demo");
				reporter.waitVisible("book-verified");
				reporter.screenshot("landing-safety-code");
				reporter.click("start");
				reporter.waitVisible("book-verified");
				String listed = reporter.find("recipients-list").getText();
				assertThat(listed).contains(carlaName + " – " + carlaFingerprint.substring(0, 9))
					.doesNotContain(malloryName);
				reporter.screenshot("form-recipients");
				assertThat(reporter.accessibilityViolations()).isEmpty();
				reporter.firstCategory();
				reporter.type("what", "Melding voor de nieuwe vertrouwenspersoon " + marker);
				reporter.click("submit");
				reporter.waitVisible("done");
			}
			UUID caseId = UUID.fromString(
					only(query("select case_id::text from key_envelope where recipient_id = ?", carlaId.toString())));
			List<String> sealedTo = query(
					"select a.email from key_envelope k join account a on a.id::text = k.recipient_id"
							+ " where k.case_id = ?",
					caseId);
			assertThat(sealedTo).containsExactlyInAnyOrder("adviser1@demo.meldpunt.nl", "adviser2@demo.meldpunt.nl",
					carla);
			assertThat(query("select recipient_id from key_envelope where case_id = ? and recipient_kind = 'REPORTER'",
					caseId))
				.hasSize(1);

			try (WorkspaceBrowser newcomer = new WorkspaceBrowser("carla", "keybook")) {
				newcomer.open(workspace);
				newcomer.logIn(carla, CARLA_PASSPHRASE, carlaTotp);
				newcomer.waitVisible("inbox");
				newcomer.all("a[data-case='" + caseId + "']").get(0).click();
				newcomer.waitText("report", marker);
				newcomer.screenshot("carla-reads-the-next-report");

				// 3. removal: Anna proposes, Anna and Bram sign
				openKeyBook(anna);
				anna.waitText("members", carlaName);
				anna.click("remove-" + carlaId);
				anna.waitText("drafts", "Verwijderen: " + carlaName);
				draftAbout(anna, "Verwijderen: " + carlaName).findElement(By.cssSelector("button[id^='approve-']"))
					.click();
				anna.waitText("drafts", "U heeft deze wijziging goedgekeurd");
				openKeyBook(bram);
				// the announcement of Carla's addition may still stand: only a new one
				// counts
				bram.script("document.getElementById('status').textContent = '';");
				draftAbout(bram, "Verwijderen: " + carlaName).findElement(By.cssSelector("button[id^='approve-']"))
					.click();
				bram.waitText("status", "staat nu in het sleutelboek");
				assertThat(bram.find("members").getText()).doesNotContain(carlaName);

				// Anna opens the case: her browser re-keys it, then she writes
				anna.all("#nav a[data-path='/workspace']").get(0).click();
				anna.waitVisible("inbox");
				anna.all("a[data-case='" + caseId + "']").get(0).click();
				anna.waitText("status", "nieuwe sleutel");
				anna.type("reply", AFTER_REMOVAL);
				anna.click("reply-submit");
				anna.waitText("conversation", AFTER_REMOVAL);
				anna.screenshot("rekeyed-and-replied");
				assertThat(query("select epoch::text from case_item where case_id = ? and author = 'ADVISER'", caseId))
					.containsExactly("1");

				// Carla: no case any more, and her key cannot open what was written after
				newcomer.open(workspace);
				newcomer.waitVisible("unlock-form");
				newcomer.type("unlock-passphrase", CARLA_PASSPHRASE);
				newcomer.click("unlock-submit");
				newcomer.waitVisible("inbox-empty");
				assertThat(openWithOldKey(newcomer, carlaId, caseId)).startsWith("refused");
				newcomer.screenshot("carla-removed");
			}

			// 4. rollback: a DBA deletes the removal entry. The shorter book still
			// verifies
			// (Carla would be a member again), but Anna's browser saw the longer one
			update("delete from key_book_entry e where e.book = e.organisation_id"
					+ " and e.organisation_id = (select id from organisation where slug = 'demo')"
					+ " and e.sequence = (select max(x.sequence) from key_book_entry x where x.book = e.book)");
			anna.all("#nav a[data-path='/workspace/keybook']").get(0).click();
			anna.waitText("keybook-problem", "niet de voortzetting");
			assertThat(anna.all("#safety-code")).isEmpty();
			anna.screenshot("rolled-back-book-refused");
		}
	}

	private static void openKeyBook(WorkspaceBrowser browser) {
		browser.all("#nav a[data-path='/workspace/keybook']").get(0).click();
		browser.waitVisible("safety-code");
	}

	/** The draft card whose text says {@code about}. */
	private static WebElement draftAbout(WorkspaceBrowser browser, String about) {
		browser.waitText("drafts", about);
		return browser.all("li.draft")
			.stream()
			.filter((card) -> card.getText().contains(about))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * In the removed adviser's own browser: her wrapped key (unlocked with her
	 * passphrase) opens her envelope of the original case key, which does not open the
	 * message written after the re-keying.
	 */
	private static String openWithOldKey(WorkspaceBrowser browser, UUID carlaId, UUID caseId) throws Exception {
		String wrapped = base64Url(bytes("select wrapped_private_key from account where id = ?", carlaId));
		String envelope = base64Url(
				bytes("select envelope from key_envelope where case_id = ? and recipient_id = ? and epoch = 0", caseId,
						carlaId.toString()));
		String organisationId = only(query("select organisation_id::text from case_file where id = ?", caseId));
		String itemId = only(query("select id::text from case_item where case_id = ? and author = 'ADVISER'", caseId));
		String ciphertext = base64Url(bytes("select ciphertext from case_item where id = ?", UUID.fromString(itemId)));
		Object result = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const [wrapped, passphrase, envelope, ciphertext, organisationId, caseId, itemId, me] = arguments;
				const bytes = (s) => Uint8Array.from(atob(s.replaceAll("-", "+").replaceAll("_", "/")
					+ "===".slice((s.length + 3) % 4)), (c) => c.charCodeAt(0));
				import("/meldpunt-crypto/v1/meldpunt-crypto.js").then(async (c) => {
					const keyPair = await c.unwrapPrivateKey(bytes(wrapped), passphrase);
					const old = await c.openCaseKey(bytes(envelope), keyPair,
						{ organisationId, caseId, recipientId: me });
					try {
						await c.openItem(old, bytes(ciphertext), { organisationId, caseId, itemId, kind: "MESSAGE" });
						done("opened");
					}
					catch (error) {
						done("refused: " + error.name);
					}
				}).catch((error) => done("error: " + error));
				""", wrapped, CARLA_PASSPHRASE, envelope, ciphertext, organisationId, caseId.toString(), itemId,
				carlaId.toString());
		return String.valueOf(result);
	}

	private static String base64Url(byte[] bytes) {
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static <T> T only(List<T> values) {
		assertThat(values).hasSize(1);
		return values.get(0);
	}

	/** What someone with the database sees: the first column of each row, as text. */
	private static List<String> query(String sql, Object... arguments) throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection connection = connect();
				PreparedStatement statement = prepared(connection, sql, arguments);
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

	/** What someone who can write the database does. */
	private static void update(String sql, Object... arguments) throws Exception {
		try (Connection connection = connect(); PreparedStatement statement = prepared(connection, sql, arguments)) {
			statement.executeUpdate();
		}
	}

	private static byte[] bytes(String sql, Object... arguments) throws Exception {
		try (Connection connection = connect();
				PreparedStatement statement = prepared(connection, sql, arguments);
				ResultSet result = statement.executeQuery()) {
			assertThat(result.next()).isTrue();
			return result.getBytes(1);
		}
	}

	private static PreparedStatement prepared(Connection connection, String sql, Object... arguments) throws Exception {
		PreparedStatement statement = connection.prepareStatement(sql);
		for (int i = 0; i < arguments.length; i++) {
			statement.setObject(i + 1, arguments[i]);
		}
		return statement;
	}

	private static Connection connect() throws Exception {
		var database = TestSystem.get().database();
		return DriverManager.getConnection(database.url(), database.user(), database.password());
	}

}

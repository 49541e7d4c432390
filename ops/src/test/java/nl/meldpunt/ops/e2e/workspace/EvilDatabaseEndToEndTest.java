package nl.meldpunt.ops.e2e.workspace;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import nl.meldpunt.crypto.KeyBook;
import nl.meldpunt.crypto.KeyBookApproval;
import nl.meldpunt.crypto.KeyBookChange;
import nl.meldpunt.crypto.KeyBookMember;
import nl.meldpunt.crypto.RecipientPrivateKey;
import nl.meldpunt.crypto.RecipientPublicKeys;
import nl.meldpunt.crypto.SigningKey;
import nl.meldpunt.ops.MeldpuntSystem;
import nl.meldpunt.ops.TestSystem;
import nl.meldpunt.ops.e2e.reporter.ReporterBrowser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evil DBA, who can write every table but holds no adviser's signing key, against the
 * reporter's browser in headless Chromium:
 * <ol>
 * <li>replaces an adviser's public key (in the account table and in the key book entry
 * that lists it): the form refuses to seal and says the list was forged or changed;</li>
 * <li>appends a forged entry adding a reader: refused likewise, and the token page of an
 * existing case says today's book cannot be checked;</li>
 * <li>rewrites the whole book with a genesis of their own, validly signed: a link with
 * the organisation's published safety code makes the landing page and the form refuse,
 * and the token page of the existing case says the book was rewritten since it was
 * sealed.</li>
 * </ol>
 * Nothing is filed meanwhile. The book is restored after each step (the whole system is
 * shared by the end-to-end tests, which run one after another).
 */
class EvilDatabaseEndToEndTest {

	@Test
	void dbaWhenWritingTheKeyBookThenTheReportersBrowserRefusesAndSaysWhy() throws Exception {
		MeldpuntSystem system = TestSystem.get();
		UUID organisation = UUID.fromString(first(query("select id::text from organisation where slug = 'demo'")));
		List<byte[]> honest = entries(organisation);
		String publishedCode = KeyBook.verify(organisation, honest).safetyCode().urlForm();
		String link = file(system, publishedCode);
		int cases = Integer.parseInt(first(query("select count(*)::text from case_file")));

		// 1. an adviser's key replaced where the service keeps it, and in the book
		UUID anna = UUID
			.fromString(first(query("select id::text from account where email = 'adviser1@demo.meldpunt.nl'")));
		byte[] annaKey = bytes("select public_key from account where id = ?", anna);
		byte[] dbaKey = RecipientPrivateKey.generate().publicKey().toBytes();
		try {
			update("update account set public_key = ? where id = ?", dbaKey, anna);
			update("update key_book_entry set bytes = ? where book = ? and sequence = 0",
					replaced(honest.get(0), annaKey, dbaKey), organisation);
			assertFormRefuses(system, "/o/demo/report", "vervalst of gewijzigd", "forged-key");
		}
		finally {
			update("update account set public_key = ? where id = ?", annaKey, anna);
			restore(organisation, honest);
		}

		// 2. a forged entry appended: a reader added with a signature nobody made
		try {
			KeyBook book = KeyBook.verify(organisation, honest);
			KeyBookMember mallory = KeyBookMember.adviser(UUID.randomUUID(), "Mallory Meelezer",
					new RecipientPublicKeys(RecipientPrivateKey.generate().publicKey(),
							SigningKey.generate().publicKey()));
			byte[] forged = book.propose(new KeyBookChange.RecipientAdded(mallory))
				.entry(List.of(KeyBookApproval.of(anna, new byte[64])));
			update("insert into key_book_entry (organisation_id, book, sequence, bytes) values (?, ?, ?, ?)",
					organisation, organisation, honest.size(), forged);
			assertFormRefuses(system, "/o/demo/report", "vervalst of gewijzigd", "forged-entry");
			assertTokenPageSays(link, "kon niet worden gecontroleerd", "forged-entry-token-page");
		}
		finally {
			restore(organisation, honest);
		}

		// 3. the whole book rewritten, validly signed by the DBA's own key
		try {
			SigningKey dbaSigning = SigningKey.generate();
			KeyBookMember dba = KeyBookMember.adviser(UUID.randomUUID(), "Anna Adviseur",
					new RecipientPublicKeys(RecipientPrivateKey.generate().publicKey(), dbaSigning.publicKey()));
			update("delete from key_book_entry where book = ?", organisation);
			update("insert into key_book_entry (organisation_id, book, sequence, bytes) values (?, ?, 0, ?)",
					organisation, organisation, KeyBook.genesis(organisation, dba, dbaSigning));
			try (ReporterBrowser reporter = new ReporterBrowser("evil-dba/rewritten-landing")) {
				reporter.open(system.portalUrl() + "/o/demo#k=" + publishedCode);
				reporter.waitText("book-problem", "gepubliceerde veiligheidscode");
				reporter.screenshot("landing-refuses");
				assertThat(reporter.accessibilityViolations()).isEmpty();
			}
			assertFormRefuses(system, "/o/demo/report#k=" + publishedCode, "gepubliceerde veiligheidscode",
					"rewritten");
			assertTokenPageSays(link, "herschreven", "rewritten-token-page");
		}
		finally {
			restore(organisation, honest);
		}
		assertThat(Integer.parseInt(first(query("select count(*)::text from case_file")))).as("nothing was filed")
			.isEqualTo(cases);
		// the honest book again: the token page says so
		assertTokenPageSays(link, "alleen gegroeid", "restored-token-page");
	}

	/** A report filed before the DBA acts, through a link with the published code. */
	private static String file(MeldpuntSystem system, String code) throws Exception {
		try (ReporterBrowser reporter = new ReporterBrowser("evil-dba/reporter")) {
			reporter.open(system.portalUrl() + "/o/demo/report#k=" + code);
			reporter.waitVisible("book-verified");
			reporter.firstCategory();
			reporter.type("what", "Een melding voordat de database werd aangepast");
			reporter.click("submit");
			reporter.waitVisible("done");
			return reporter.find("token-link").getAttribute("value");
		}
	}

	private static void assertFormRefuses(MeldpuntSystem system, String path, String why, String name) {
		try (ReporterBrowser reporter = new ReporterBrowser("evil-dba/" + name)) {
			reporter.open(system.portalUrl() + path);
			reporter.waitText("book-problem", why);
			assertThat(reporter.find("book-problem").getText()).startsWith("Uw melding is niet verstuurd");
			assertThat(reporter.find("submit").isEnabled()).isFalse();
			reporter.screenshot("form-refuses");
			assertThat(reporter.accessibilityViolations()).isEmpty();
		}
	}

	private static void assertTokenPageSays(String link, String text, String name) {
		try (ReporterBrowser reporter = new ReporterBrowser("evil-dba/" + name)) {
			reporter.open(link);
			reporter.waitVisible("case");
			reporter.waitText("book-status", text);
			reporter.screenshot("token-page");
		}
	}

	private static byte[] replaced(byte[] entry, byte[] from, byte[] to) {
		for (int i = 0; i + from.length <= entry.length; i++) {
			if (Arrays.equals(entry, i, i + from.length, from, 0, from.length)) {
				byte[] out = entry.clone();
				System.arraycopy(to, 0, out, i, to.length);
				return out;
			}
		}
		throw new AssertionError("the key is not in the entry");
	}

	private static void restore(UUID organisation, List<byte[]> honest) throws Exception {
		update("delete from key_book_entry where book = ?", organisation);
		for (int i = 0; i < honest.size(); i++) {
			update("insert into key_book_entry (organisation_id, book, sequence, bytes) values (?, ?, ?, ?)",
					organisation, organisation, i, honest.get(i));
		}
	}

	private static List<byte[]> entries(UUID organisation) throws Exception {
		List<byte[]> entries = new ArrayList<>();
		try (Connection connection = connect();
				PreparedStatement statement = connection
					.prepareStatement("select bytes from key_book_entry where book = ? order by sequence")) {
			statement.setObject(1, organisation);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					entries.add(result.getBytes(1));
				}
			}
		}
		return entries;
	}

	private static String first(List<String> rows) {
		assertThat(rows).isNotEmpty();
		return rows.get(0);
	}

	private static List<String> query(String sql) throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection connection = connect(); ResultSet result = connection.createStatement().executeQuery(sql)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

	private static byte[] bytes(String sql, Object argument) throws Exception {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setObject(1, argument);
			try (ResultSet result = statement.executeQuery()) {
				assertThat(result.next()).isTrue();
				return result.getBytes(1);
			}
		}
	}

	private static void update(String sql, Object... arguments) throws Exception {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < arguments.length; i++) {
				statement.setObject(i + 1, arguments[i]);
			}
			statement.executeUpdate();
		}
	}

	private static Connection connect() throws Exception {
		var database = TestSystem.get().database();
		return DriverManager.getConnection(database.url(), database.user(), database.password());
	}

}

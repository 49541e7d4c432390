package nl.meldpunt.portal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import nl.meldpunt.crypto.KeyBook;
import nl.meldpunt.crypto.KeyBookApproval;
import nl.meldpunt.crypto.KeyBookChange;
import nl.meldpunt.crypto.KeyBookDraft;
import nl.meldpunt.crypto.KeyBookMember;
import nl.meldpunt.crypto.RecipientPrivateKey;
import nl.meldpunt.crypto.RecipientPublicKeys;
import nl.meldpunt.crypto.SigningKey;
import nl.meldpunt.crypto.testing.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporter's browser verifies the key book before it seals, whatever the server
 * serves: a tampered entry, a forged signature, a missing entry, a rewritten history, an
 * approval by a removed adviser, a second approval by the same adviser, a listed key that
 * differs from the book, a safety code with a typo — each refused with a message in the
 * page's language, nothing sent. An adviser the server lists beside the book is never
 * sealed to. (The double serves what a writer of the database could make it serve.)
 */
class KeyBookBrowserTest extends PortalTest {

	@LocalServerPort
	int port;

	private HeadlessChromium browser;

	private UUID organisation;

	private List<byte[]> honest;

	@BeforeEach
	void start() {
		this.browser = new HeadlessChromium("keybook", "", HeadlessChromium.PHONE);
		this.organisation = caseService.organisationId("demo");
		this.honest = caseService.books("demo").organisation();
	}

	@AfterEach
	void stop() {
		caseService.tamper(null);
		this.browser.close();
	}

	@Test
	void formWhenTheBookOrTheListDoesNotVerifyThenRefusesToSealAndSaysWhy() throws Exception {
		int before = caseService.caseCount();
		refuses(withSecond(replaced(this.honest.get(1), "B. Bakker", "B. Backer")), "vervalst of gewijzigd",
				"tampered-entry");
		refuses(withSecond(withForgedApproval(this.honest.get(1))), "vervalst of gewijzigd", "forged-signature");
		refuses(List.of(this.honest.get(0), this.honest.get(2)), "er ontbreekt een regel", "missing-entry");
		refuses(rewritten(), "is herschreven", "rewritten-history");
		refuses(afterRemoval(true), "een verwijderde vertrouwenspersoon", "removed-approver");
		refuses(afterRemoval(false), "staat er dubbel in", "second-approval");
		caseService.tamper(new InMemoryCaseService.Tamper("demo", null, null,
				Map.of(caseService.adviserBId, RecipientPrivateKey.generate().publicKey().toBytes())));
		expectRefusal("/o/demo/report", "een andere sleutel", "listed-key-differs");
		caseService.tamper(null);
		expectRefusal("/o/demo/report#k=0000-0000-0000-0000-0000-0000", "tikfout", "safety-code-typo");
		assertThat(caseService.caseCount()).as("nothing was sent").isEqualTo(before);
	}

	@Test
	void formWhenTheServerListsSomeoneOutsideTheBookThenNeitherShownNorSealedTo() throws Exception {
		UUID mallory = UUID.randomUUID();
		caseService.tamper(new InMemoryCaseService.Tamper("demo", null,
				List.of(Map.of("id", mallory.toString(), "displayName", "A. Adviseur", "publicKey",
						InMemoryCaseService.encode(RecipientPrivateKey.generate().publicKey().toBytes()), "fingerprint",
						"0000 0000 0000 0000 0000 0000 0000 0000")),
				null));
		int before = caseService.caseCount();
		this.browser.open(url("/o/demo/report"));
		this.browser.waitVisible("book-verified");
		assertThat(this.browser.find("recipients-list").getText()).contains("A. Adviseur").contains("B. Bakker");
		assertThat(this.browser.all("input[name='exclude']")).hasSize(2);
		assertThat(this.browser.find("safety-code").getText())
			.isEqualTo(KeyBook.verify(this.organisation, this.honest).safetyCode().printable());
		this.browser.screenshot("listed-outsider");
		assertThat(this.browser.accessibilityViolations()).isEmpty();
		new Select(this.browser.find("category")).selectByValue("racism");
		this.browser.find("what").sendKeys("niet voor wie niet in het boek staat");
		this.browser.find("submit").click();
		this.browser.waitVisible("done");
		assertThat(caseService.caseCount()).isEqualTo(before + 1);
		UUID filed = caseService.caseIds()
			.stream()
			.filter((id) -> !caseService.caseWith(id).envelopes.containsKey(mallory.toString()))
			.findFirst()
			.orElseThrow();
		assertThat(caseService.caseWith(filed).envelopes.keySet()).containsExactlyInAnyOrder(
				caseService.adviserAId.toString(), caseService.adviserBId.toString(), "reporter");
	}

	private void refuses(List<byte[]> book, String why, String name) {
		caseService.tamper(new InMemoryCaseService.Tamper("demo", book, null, null));
		expectRefusal("/o/demo/report", why, name);
	}

	private void expectRefusal(String path, String why, String name) {
		// a new document each time: the same path with only another #fragment would not
		// load the page again
		this.browser.open("about:blank");
		this.browser.open(url(path));
		this.browser.waitText("book-problem", why);
		assertThat(this.browser.find("book-problem").getText()).startsWith("Uw melding is niet verstuurd");
		assertThat(this.browser.find("submit").isEnabled()).isFalse();
		this.browser.screenshot(name);
	}

	/** The honest book with another second entry. */
	private List<byte[]> withSecond(byte[] second) {
		return List.of(this.honest.get(0), second, this.honest.get(2));
	}

	/** Entry 1 with its approval's signature bytes changed: a forgery. */
	private static byte[] withForgedApproval(byte[] entry) {
		byte[] forged = entry.clone();
		forged[forged.length - 10] ^= 0x20;
		return forged;
	}

	private static byte[] replaced(byte[] entry, String from, String to) {
		byte[] needle = from.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i + needle.length <= entry.length; i++) {
			if (Arrays.equals(entry, i, i + needle.length, needle, 0, needle.length)) {
				byte[] out = entry.clone();
				System.arraycopy(to.getBytes(StandardCharsets.UTF_8), 0, out, i, needle.length);
				return out;
			}
		}
		throw new AssertionError(from + " is not in the entry");
	}

	/** Entry 1 replaced by another validly signed one: entry 2 no longer follows it. */
	private List<byte[]> rewritten() throws Exception {
		KeyBook genesis = KeyBook.verify(this.organisation, List.of(this.honest.get(0)));
		KeyBookDraft other = genesis.propose(new KeyBookChange.ThresholdChanged(1));
		byte[] entry = other.entry(List
			.of(genesis.approve(other, caseService.adviserAId, caseService.signingKey(caseService.adviserAId))));
		return List.of(this.honest.get(0), entry, this.honest.get(2));
	}

	/**
	 * A and B remove B; then a newcomer is added with A's approval and (removed) B's, or
	 * with A's approval twice.
	 */
	private List<byte[]> afterRemoval(boolean byRemovedApprover) throws Exception {
		UUID a = caseService.adviserAId;
		UUID b = caseService.adviserBId;
		KeyBook book = KeyBook.verify(this.organisation, this.honest);
		List<byte[]> entries = new ArrayList<>(this.honest);
		if (byRemovedApprover) {
			KeyBookDraft removal = book.propose(new KeyBookChange.RecipientRemoved(b));
			entries.add(removal.entry(List.of(book.approve(removal, a, caseService.signingKey(a)),
					book.approve(removal, b, caseService.signingKey(b)))));
			book = KeyBook.verify(this.organisation, entries);
		}
		KeyBookMember newcomer = KeyBookMember.adviser(UUID.randomUUID(), "C. Collega",
				new RecipientPublicKeys(RecipientPrivateKey.generate().publicKey(), SigningKey.generate().publicKey()));
		KeyBookDraft addition = book.propose(new KeyBookChange.RecipientAdded(newcomer));
		KeyBookApproval byA = book.approve(addition, a, caseService.signingKey(a));
		KeyBookApproval second = byRemovedApprover ? KeyBookApproval.of(b, new byte[64]) : byA;
		entries.add(addition.entry(List.of(byA, second)));
		return entries;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}

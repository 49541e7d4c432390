package nl.meldpunt.caseservice.workspace.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.meldpunt.caseservice.accounts.Account;
import nl.meldpunt.caseservice.accounts.Accounts;
import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.organisations.Categories;
import nl.meldpunt.caseservice.organisations.Hotlines;
import nl.meldpunt.caseservice.organisations.OrganisationUnits;
import nl.meldpunt.crypto.RecipientPublicKey;

/**
 * What a recipient's browser needs to act on a case besides the case itself: the public
 * keys of the possible recipients of a share (advisers for REASSIGN, hotlines for
 * REFER_EXTERNAL) and the codes of the closing classification. Read-only, own
 * organisation only, public keys only (never an e-mail address or a wrapped key). The
 * caller's own recipient id comes from the signed-in account, so the browser never takes
 * a binding id from a field stored next to a ciphertext.
 */
@RestController
class Directory {

	record Person(UUID id, String displayName, RecipientPublicKey publicKey, String fingerprint) {
	}

	record HotlineKey(UUID id, String name, RecipientPublicKey publicKey, String fingerprint) {
	}

	record Code(String code, Map<String, String> name) {
	}

	/**
	 * The caller as a recipient: key-envelope bindings name the hotline, not the handler.
	 */
	record Self(String recipientKind, UUID recipientId) {
	}

	record View(Self self, List<Person> advisers, List<HotlineKey> hotlines, List<Code> categories, List<Code> units) {
	}

	private final Accounts accounts;

	private final Hotlines hotlines;

	private final Categories categories;

	private final OrganisationUnits units;

	Directory(Accounts accounts, Hotlines hotlines, Categories categories, OrganisationUnits units) {
		this.accounts = accounts;
		this.hotlines = hotlines;
		this.categories = categories;
		this.units = units;
	}

	@GetMapping("/workspace/api/directory")
	@Transactional(readOnly = true)
	View directory(@AuthenticationPrincipal Caller caller) {
		UUID organisation = caller.organisationId();
		List<Person> advisers = this.accounts.enrolledAdvisers(organisation)
			.stream()
			.map((a) -> new Person(a.id(), a.displayName(), a.recipientKey(), a.recipientKey().fingerprint()))
			.toList();
		// the portal seals to the first enrolled handler of a hotline; so does a referral
		Map<UUID, Account> handlers = new LinkedHashMap<>();
		this.accounts.enrolledHotlineHandlers(organisation).forEach((h) -> handlers.putIfAbsent(h.hotlineId(), h));
		List<HotlineKey> hotlines = this.hotlines.findByOrganisationIdOrderByName(organisation)
			.stream()
			.filter((h) -> handlers.containsKey(h.id()))
			.map((h) -> new HotlineKey(h.id(), h.name(), handlers.get(h.id()).recipientKey(),
					handlers.get(h.id()).recipientKey().fingerprint()))
			.toList();
		List<Code> categories = this.categories.findByOrganisationIdOrderByPosition(organisation)
			.stream()
			.map((c) -> new Code(c.code(), Map.of("nl", c.nameNl(), "en", c.nameEn())))
			.toList();
		List<Code> units = this.units.findByOrganisationIdOrderByCode(organisation)
			.stream()
			.map((u) -> new Code(u.code(), Map.of("nl", u.nameNl(), "en", u.nameEn())))
			.toList();
		Account me = this.accounts.findById(caller.accountId()).orElseThrow();
		Self self = (me.hotlineId() != null) ? new Self("HOTLINE", me.hotlineId()) : new Self("ADVISER", me.id());
		return new View(self, advisers, hotlines, categories, units);
	}

}

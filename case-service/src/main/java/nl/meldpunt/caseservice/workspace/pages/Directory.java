package nl.meldpunt.caseservice.workspace.pages;

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

/**
 * What a recipient's browser needs to act on a case besides the case itself and the key
 * books: the hotlines' names and the codes of the closing classification. Whom a case can
 * be shared with, and their keys, the browser takes from the key books it verifies
 * ({@code /api/keybook}), never from here. The caller's own recipient id comes from the
 * signed-in account, so the browser never takes a binding id from a field stored next to
 * a ciphertext.
 */
@RestController
class Directory {

	record HotlineName(UUID id, String name) {
	}

	record Code(String code, Map<String, String> name) {
	}

	/**
	 * The caller as a recipient: its account id; a handler's hotline too (cases sealed
	 * before hotline books named the hotline in the binding).
	 */
	record Self(String recipientKind, UUID recipientId, UUID hotlineId) {
	}

	record View(Self self, List<HotlineName> hotlines, List<Code> categories, List<Code> units) {
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
		List<HotlineName> hotlines = this.hotlines.findByOrganisationIdOrderByName(organisation)
			.stream()
			.map((h) -> new HotlineName(h.id(), h.name()))
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
		Self self = new Self((me.hotlineId() != null) ? "HOTLINE" : "ADVISER", me.id(), me.hotlineId());
		return new View(self, hotlines, categories, units);
	}

}

package nl.meldpunt.caseservice.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.accounts.Account;
import nl.meldpunt.caseservice.accounts.Accounts;
import nl.meldpunt.caseservice.casefile.DueDates;
import nl.meldpunt.caseservice.casefile.Ciphertexts;
import nl.meldpunt.caseservice.casefile.SealedBytes;
import nl.meldpunt.caseservice.organisations.Categories;
import nl.meldpunt.caseservice.organisations.Hotline;
import nl.meldpunt.caseservice.organisations.Hotlines;
import nl.meldpunt.caseservice.organisations.Organisation;
import nl.meldpunt.caseservice.organisations.Organisations;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;

/** The public face of an organisation, as the portal shows it before filing. */
@Service
class PortalView {

	record Portal(UUID organisationId, String slug, String name, boolean acceptingReports, boolean accessCodeRequired,
			List<CategoryView> categories, List<AdviserView> advisers, List<HotlineView> hotlines,
			long maxAttachmentBytes, int acknowledgeWithinDays, int feedbackWithinMonths) {
	}

	record CategoryView(String code, Map<String, String> name) {
	}

	record AdviserView(UUID id, String displayName, String publicKey, String fingerprint) {
	}

	record HotlineView(UUID id, String name, Map<String, String> description, String contact, String publicKey,
			String fingerprint) {
	}

	private final Organisations organisations;

	private final Categories categories;

	private final Accounts accounts;

	private final Hotlines hotlines;

	PortalView(Organisations organisations, Categories categories, Accounts accounts, Hotlines hotlines) {
		this.organisations = organisations;
		this.categories = categories;
		this.accounts = accounts;
		this.hotlines = hotlines;
	}

	@Transactional(readOnly = true)
	public Portal of(String slug) {
		Organisation organisation = this.organisations.findBySlug(slug)
			.orElseThrow(() -> new Refusal(Problem.UNKNOWN_ORGANISATION, "There is no such organisation."));
		List<CategoryView> categories = this.categories.findByOrganisationIdOrderByPosition(organisation.id())
			.stream()
			.map((c) -> new CategoryView(c.code(), names(c.nameNl(), c.nameEn())))
			.toList();
		List<AdviserView> advisers = this.accounts.enrolledAdvisers(organisation.id())
			.stream()
			.map((a) -> new AdviserView(a.id(), a.displayName(), SealedBytes.of(a.publicKey()).base64Url(),
					Ciphertexts.fingerprint(a.publicKey())))
			.toList();
		Map<UUID, Account> handlers = new LinkedHashMap<>();
		this.accounts.enrolledHotlineHandlers(organisation.id()).forEach((h) -> handlers.putIfAbsent(h.hotlineId(), h));
		List<HotlineView> hotlines = this.hotlines.findByOrganisationIdOrderByName(organisation.id())
			.stream()
			.filter((h) -> handlers.containsKey(h.id()))
			.map((h) -> hotline(h, handlers.get(h.id())))
			.toList();
		return new Portal(organisation.id(), organisation.slug(), organisation.name(), !advisers.isEmpty(),
				organisation.accessCodeRequired(), categories, advisers, hotlines, organisation.maxAttachmentBytes(),
				DueDates.ACKNOWLEDGE_WITHIN_DAYS, DueDates.FEEDBACK_WITHIN_MONTHS);
	}

	private static HotlineView hotline(Hotline hotline, Account handler) {
		return new HotlineView(hotline.id(), hotline.name(), names(hotline.descriptionNl(), hotline.descriptionEn()),
				hotline.contact(), SealedBytes.of(handler.publicKey()).base64Url(),
				Ciphertexts.fingerprint(handler.publicKey()));
	}

	private static Map<String, String> names(String nl, String en) {
		Map<String, String> names = new LinkedHashMap<>();
		names.put("nl", nl);
		names.put("en", en);
		return names;
	}

}

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
import nl.meldpunt.caseservice.organisations.Categories;
import nl.meldpunt.caseservice.organisations.Hotline;
import nl.meldpunt.caseservice.organisations.Hotlines;
import nl.meldpunt.caseservice.organisations.Organisation;
import nl.meldpunt.caseservice.organisations.Organisations;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.internalapi.OrganisationPortal;

/** The public face of an organisation, as the portal shows it before filing. */
@Service
class PortalView {

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
	public OrganisationPortal of(String slug) {
		Organisation organisation = this.organisations.findBySlug(slug)
			.orElseThrow(() -> new Refusal(Problem.UNKNOWN_ORGANISATION, "There is no such organisation."));
		List<OrganisationPortal.Category> categories = this.categories
			.findByOrganisationIdOrderByPosition(organisation.id())
			.stream()
			.map((c) -> new OrganisationPortal.Category(c.code(), names(c.nameNl(), c.nameEn())))
			.toList();
		List<OrganisationPortal.Adviser> advisers = this.accounts.enrolledAdvisers(organisation.id())
			.stream()
			.map((a) -> new OrganisationPortal.Adviser(a.id(), a.displayName(), a.recipientKey(),
					a.recipientKey().fingerprint()))
			.toList();
		Map<UUID, Account> handlers = new LinkedHashMap<>();
		this.accounts.enrolledHotlineHandlers(organisation.id()).forEach((h) -> handlers.putIfAbsent(h.hotlineId(), h));
		List<OrganisationPortal.Hotline> hotlines = this.hotlines.findByOrganisationIdOrderByName(organisation.id())
			.stream()
			.filter((h) -> handlers.containsKey(h.id()))
			.map((h) -> hotline(h, handlers.get(h.id())))
			.toList();
		return new OrganisationPortal(organisation.id(), organisation.slug(), organisation.name(), !advisers.isEmpty(),
				organisation.accessCodeRequired(), categories, advisers, hotlines, organisation.maxAttachmentBytes(),
				DueDates.ACKNOWLEDGE_WITHIN_DAYS, DueDates.FEEDBACK_WITHIN_MONTHS);
	}

	private static OrganisationPortal.Hotline hotline(Hotline hotline, Account handler) {
		return new OrganisationPortal.Hotline(hotline.id(), hotline.name(),
				names(hotline.descriptionNl(), hotline.descriptionEn()), hotline.contact(), handler.recipientKey(),
				handler.recipientKey().fingerprint());
	}

	private static Map<String, String> names(String nl, String en) {
		Map<String, String> names = new LinkedHashMap<>();
		names.put("nl", nl);
		names.put("en", en);
		return names;
	}

}

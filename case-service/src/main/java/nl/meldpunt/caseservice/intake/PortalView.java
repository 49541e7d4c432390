package nl.meldpunt.caseservice.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.accounts.Account;
import nl.meldpunt.caseservice.accounts.Accounts;
import nl.meldpunt.caseservice.casefile.DueDates;
import nl.meldpunt.caseservice.keybook.KeyBooks;
import nl.meldpunt.caseservice.organisations.Categories;
import nl.meldpunt.caseservice.organisations.Hotline;
import nl.meldpunt.caseservice.organisations.Hotlines;
import nl.meldpunt.caseservice.organisations.Organisation;
import nl.meldpunt.caseservice.organisations.Organisations;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.KeyBook;
import nl.meldpunt.crypto.KeyBookMember;
import nl.meldpunt.internalapi.CryptoJson;
import nl.meldpunt.internalapi.OrganisationPortal;

/**
 * The public face of an organisation, as the portal shows it before filing: its key
 * book's entries as stored (the reporter's browser verifies them and seals only to their
 * members), and what the service reads in them. A stored book that no longer verifies
 * lists nobody here, yet its entries are still served, so that the browser can say why it
 * refuses to seal. Advisers and handlers are listed only while their accounts are active
 * (a disabled or removed account is never sealed to, and filing checks the same): the
 * browser seals to the verified members the page lists, so the server can leave a member
 * out but never add anyone.
 */
@Service
class PortalView {

	private final Organisations organisations;

	private final Categories categories;

	private final KeyBooks books;

	private final Hotlines hotlines;

	private final Accounts accounts;

	PortalView(Organisations organisations, Categories categories, KeyBooks books, Hotlines hotlines,
			Accounts accounts) {
		this.organisations = organisations;
		this.categories = categories;
		this.books = books;
		this.hotlines = hotlines;
		this.accounts = accounts;
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
		List<String> entries = encoded(this.books.entries(organisation.id(), Optional.empty()));
		Set<UUID> active = this.accounts.enrolledRecipients(organisation.id())
			.stream()
			.map(Account::id)
			.collect(Collectors.toSet());
		List<OrganisationPortal.Adviser> advisers = verified(organisation.id()).map(KeyBook::members)
			.orElse(List.of())
			.stream()
			.filter((member) -> active.contains(member.recipientId()))
			.map(PortalView::recipient)
			.toList();
		List<OrganisationPortal.Hotline> hotlines = this.hotlines.findByOrganisationIdOrderByName(organisation.id())
			.stream()
			.map((h) -> hotline(organisation.id(), h, active))
			.filter((h) -> !h.handlers().isEmpty())
			.toList();
		return new OrganisationPortal(organisation.id(), organisation.slug(), organisation.name(), !entries.isEmpty(),
				organisation.accessCodeRequired(), categories, advisers, hotlines, organisation.maxAttachmentBytes(),
				DueDates.ACKNOWLEDGE_WITHIN_DAYS, DueDates.FEEDBACK_WITHIN_MONTHS, entries);
	}

	private Optional<KeyBook> verified(UUID organisationId) {
		try {
			return this.books.organisationBook(organisationId);
		}
		catch (Refusal refusal) {
			return Optional.empty();
		}
	}

	private OrganisationPortal.Hotline hotline(UUID organisationId, Hotline hotline, Set<UUID> active) {
		List<OrganisationPortal.Adviser> handlers = this.books.hotlineMembers(organisationId, hotline.id())
			.stream()
			.filter((member) -> active.contains(member.recipientId()))
			.map(PortalView::recipient)
			.toList();
		return new OrganisationPortal.Hotline(hotline.id(), hotline.name(),
				names(hotline.descriptionNl(), hotline.descriptionEn()), hotline.contact(), handlers,
				encoded(this.books.entries(organisationId, Optional.of(hotline.id()))));
	}

	private static OrganisationPortal.Adviser recipient(KeyBookMember member) {
		return new OrganisationPortal.Adviser(member.recipientId(), member.displayName(), member.keys().encryptionKey(),
				member.fingerprint());
	}

	private static List<String> encoded(List<byte[]> entries) {
		return entries.stream().map(CryptoJson::encode).toList();
	}

	private static Map<String, String> names(String nl, String en) {
		Map<String, String> names = new LinkedHashMap<>();
		names.put("nl", nl);
		names.put("en", en);
		return names;
	}

}

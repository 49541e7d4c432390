package nl.meldpunt.caseservice.organisations;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates an organisation with the default list of statistical categories. */
@Service
public class OrganisationSetup {

	/** The default categories (code, Dutch, English), in the order shown. */
	static final List<List<String>> DEFAULT_CATEGORIES = List.of(
			List.of("racism", "Racisme of etniciteit", "Racism or ethnicity"),
			List.of("religion", "Religie of levensovertuiging", "Religion or belief"),
			List.of("gender", "Gender en seksuele intimidatie", "Gender and sexual harassment"),
			List.of("sexual-orientation", "Seksuele ori\u00ebntatie", "Sexual orientation"),
			List.of("disability", "Handicap of chronische ziekte", "Disability or chronic illness"),
			List.of("age", "Leeftijd", "Age"), List.of("bullying", "Pesten", "Bullying"),
			List.of("aggression", "Agressie en geweld", "Aggression and violence"),
			List.of("integrity", "Integriteit", "Integrity"), List.of("other", "Anders", "Other"));

	private final Organisations organisations;

	private final Categories categories;

	OrganisationSetup(Organisations organisations, Categories categories) {
		this.organisations = organisations;
		this.categories = categories;
	}

	/** Creates the organisation {@code slug}, or returns it when it already exists. */
	@Transactional
	public Organisation create(String slug, String name) {
		return this.organisations.findBySlug(slug).orElseGet(() -> {
			Organisation organisation = this.organisations.save(new Organisation(UUID.randomUUID(), slug, name));
			int position = 0;
			for (List<String> category : DEFAULT_CATEGORIES) {
				this.categories.save(
						new Category(organisation.id(), category.get(0), category.get(1), category.get(2), position++));
			}
			return organisation;
		});
	}

}

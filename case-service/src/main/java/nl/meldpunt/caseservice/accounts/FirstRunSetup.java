package nl.meldpunt.caseservice.accounts;

import java.io.PrintStream;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import nl.meldpunt.caseservice.organisations.Organisation;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;

/**
 * First run without demo data: started with {@code meldpunt.setup.organisation=<slug>},
 * {@code meldpunt.setup.organisation-name} and {@code meldpunt.setup.admin-email}, it
 * creates the organisation (with the default categories) and invites its first
 * administrator, printing the one-time enrolment code to the console. The administrator
 * enrols at {@code /enrol} and invites the advisers; the portal accepts reports once one
 * adviser has enrolled. Running it again changes nothing.
 */
@Component
@ConditionalOnProperty(name = "meldpunt.setup.organisation")
class FirstRunSetup implements ApplicationRunner {

	private final OrganisationSetup organisations;

	private final Accounts accounts;

	private final Enrolments enrolments;

	private final String slug;

	private final String name;

	private final String adminEmail;

	private final PrintStream console;

	FirstRunSetup(OrganisationSetup organisations, Accounts accounts, Enrolments enrolments, SetupProperties setup) {
		if (setup.adminEmail() == null || setup.adminEmail().isBlank()) {
			throw new IllegalStateException("First-run setup needs meldpunt.setup.admin-email as well");
		}
		this.organisations = organisations;
		this.accounts = accounts;
		this.enrolments = enrolments;
		this.slug = setup.organisation();
		this.name = (setup.organisationName() != null) ? setup.organisationName() : setup.organisation();
		this.adminEmail = setup.adminEmail();
		this.console = System.out;
	}

	@Override
	public void run(ApplicationArguments args) {
		Organisation organisation = this.organisations.create(this.slug, this.name);
		if (this.accounts.findByEmail(this.adminEmail.strip().toLowerCase(java.util.Locale.ROOT)).isPresent()) {
			this.console.println("[meldpunt] Setup: " + this.adminEmail + " already has an account; nothing to do.");
			return;
		}
		String code = this.enrolments.invite(organisation.id(), Role.ADMIN, "Administrator", this.adminEmail, null);
		this.console.println("Meldpunt setup: organisation '" + organisation.slug() + "' is ready.");
		this.console.println(
				"[meldpunt] Enrol the administrator " + this.adminEmail + " at /enrol with the one-time code: " + code);
	}

}

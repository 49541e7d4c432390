package nl.meldpunt.caseservice.accounts;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.meldpunt.caseservice.organisations.Organisation;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;

/**
 * First run without demo data: started with {@code meldpunt.setup.organisation=<slug>},
 * {@code meldpunt.setup.organisation-name} and {@code meldpunt.setup.admin-email}, it
 * creates the organisation (with the default categories) and invites its first
 * administrator. The one-time enrolment code is written to the controlling terminal
 * ({@code /dev/tty}) only, never to standard output, which the launcher and service
 * managers keep in log files; it expires after {@code meldpunt.setup.code-valid} (24 h).
 * Without a terminal no code is made or shown, and the console says how to get one.
 * Started again before the administrator enrolled, on a terminal, it replaces the code
 * with a new one (a lost or expired code is no dead end); after enrolment it changes
 * nothing.
 */
@Component
@ConditionalOnProperty(name = "meldpunt.setup.organisation")
class FirstRunSetup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstRunSetup.class);

	private final OrganisationSetup organisations;

	private final Accounts accounts;

	private final Enrolments enrolments;

	private final TransactionTemplate transactions;

	private final String slug;

	private final String name;

	private final String adminEmail;

	private final String terminal;

	private final Duration codeValid;

	FirstRunSetup(OrganisationSetup organisations, Accounts accounts, Enrolments enrolments,
			TransactionTemplate transactions, SetupProperties setup) {
		if (setup.adminEmail() == null || setup.adminEmail().isBlank()) {
			throw new IllegalStateException("First-run setup needs meldpunt.setup.admin-email as well");
		}
		this.organisations = organisations;
		this.accounts = accounts;
		this.enrolments = enrolments;
		this.transactions = transactions;
		this.slug = setup.organisation();
		this.name = (setup.organisationName() != null) ? setup.organisationName() : setup.organisation();
		this.adminEmail = setup.adminEmail().strip().toLowerCase(java.util.Locale.ROOT);
		this.terminal = setup.terminal();
		this.codeValid = setup.codeValid();
	}

	@Override
	public void run(ApplicationArguments args) {
		Organisation organisation = this.organisations.create(this.slug, this.name);
		log.info("[meldpunt] Setup: organisation '{}' is ready.", organisation.slug());
		Optional<Account> admin = this.accounts.findByEmail(this.adminEmail);
		if (admin.isPresent() && admin.get().isEnrolled()) {
			log.info("[meldpunt] Setup: {} has enrolled already; nothing to do.", this.adminEmail);
			return;
		}
		try (OutputStream tty = new FileOutputStream(this.terminal, true)) {
			Enrolments.Invited invited = this.transactions.execute((tx) -> admin
				.map((account) -> this.enrolments.reissue(this.accounts.findById(account.id()).orElseThrow(), null,
						this.codeValid))
				.orElseGet(() -> this.enrolments.invite(organisation.id(), Role.ADMIN, "Administrator", this.adminEmail,
						null, null, this.codeValid)));
			tty.write(instructions(invited.code()).getBytes(StandardCharsets.UTF_8));
			tty.flush();
			log.info("[meldpunt] Setup: the administrator's one-time enrolment code was shown on the terminal"
					+ " (not in any log); it is valid for {} hours.", this.codeValid.toHours());
		}
		catch (IOException ex) {
			// no controlling terminal (a service manager, a container): make no code at
			// all
			log.warn("[meldpunt] Setup: no terminal to show the administrator's one-time enrolment code on;"
					+ " start once more with the same setup options from a terminal to get one"
					+ " (it is never written to standard output or a log).");
		}
	}

	private String instructions(String code) {
		long hours = this.codeValid.toHours();
		return "\n  Meldpunt: enrol the administrator " + this.adminEmail
				+ " at /workspace/enrol with this one-time code" + " (valid " + hours
				+ " h, shown only here):\n  Meldpunt: schrijf de beheerder in op /workspace/enrol"
				+ " met deze eenmalige code (" + hours + " uur geldig, alleen hier getoond):\n\n      " + code + "\n\n";
	}

}

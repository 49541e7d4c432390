package nl.meldpunt.caseservice.accounts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.meldpunt.caseservice.organisations.Hotline;
import nl.meldpunt.caseservice.organisations.Hotlines;
import nl.meldpunt.caseservice.organisations.Organisation;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;
import nl.meldpunt.crypto.Enrolment;
import nl.meldpunt.crypto.RecipientPrivateKey;
import nl.meldpunt.internalapi.CryptoJson;

/**
 * Demo mode only ({@code meldpunt.demo=true}): seeds, idempotently, the organisation
 * {@code demo} with two advisers, an external hotline with a handler, a director and an
 * admin. Their key pairs are generated here with the crypto module and wrapped under
 * {@link #PASSPHRASE}, which is exactly what a browser would have sent at enrolment;
 * every demo account shares the TOTP secret {@link #TOTP_SECRET}. Never active outside
 * demo mode.
 */
@Component
@ConditionalOnProperty(name = "meldpunt.demo", havingValue = "true")
class DemoSeeder implements ApplicationRunner {

	static final String SLUG = "demo";

	/** The demo passphrase of every demo account (printed by the launcher). */
	static final String PASSPHRASE = "meldpunt-demo-passphrase";

	/** The demo TOTP secret (base32) of every demo account. */
	static final String TOTP_SECRET = "MELDPUNTDEMOTOTPSECRETFORDEMOXYZ";

	private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

	private final OrganisationSetup organisations;

	private final Hotlines hotlines;

	private final Accounts accounts;

	private final PasswordEncoder encoder;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DemoSeeder(OrganisationSetup organisations, Hotlines hotlines, Accounts accounts, PasswordEncoder encoder,
			TransactionTemplate transactions, Clock clock) {
		this.organisations = organisations;
		this.hotlines = hotlines;
		this.accounts = accounts;
		this.encoder = encoder;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Organisation demo = this.organisations.create(SLUG, "Demo-organisatie");
		UUID hotlineId = this.hotlines.findByOrganisationIdOrderByName(demo.id())
			.stream()
			.findFirst()
			.map(Hotline::id)
			.orElseGet(() -> this.hotlines
				.save(new Hotline(UUID.randomUUID(), demo.id(), "Meldpunt Discriminatie Regio (demo)",
						"Onafhankelijk regionaal antidiscriminatiebureau.",
						"Independent regional anti-discrimination bureau.", "0800-0000 (demo)"))
				.id());
		seed(demo, Role.ADVISER, "Anna Adviseur", "adviser1@demo.meldpunt.nl", null, false);
		seed(demo, Role.ADVISER, "Bram Vertrouwenspersoon", "adviser2@demo.meldpunt.nl", null, true);
		seed(demo, Role.HOTLINE, "Hanna Hotline", "hotline@demo.meldpunt.nl", hotlineId, false);
		seed(demo, Role.DIRECTOR, "Dirk Directeur", "director@demo.meldpunt.nl", null, false);
		seed(demo, Role.ADMIN, "Ada Beheerder", "admin@demo.meldpunt.nl", null, false);
		// "[meldpunt]" marks lines that the launcher also shows on the operator's console
		log.info("[meldpunt] Demo organisation '{}' is ready: its portal is /o/{}", SLUG, SLUG);
		log.info("[meldpunt] Demo accounts, all with passphrase '{}' and TOTP secret {}:", PASSPHRASE, TOTP_SECRET);
		log.info("[meldpunt]   adviser1@demo.meldpunt.nl (adviser), adviser2@demo.meldpunt.nl (back-up adviser),");
		log.info(
				"[meldpunt]   hotline@demo.meldpunt.nl (external hotline), director@demo.meldpunt.nl, admin@demo.meldpunt.nl");
	}

	private void seed(Organisation organisation, Role role, String name, String email, UUID hotlineId, boolean backup) {
		if (this.accounts.findByEmail(email).isPresent()) {
			return;
		}
		// slow on purpose (the passphrase KDF), so it runs outside the transaction
		RecipientPrivateKey key = RecipientPrivateKey.generate();
		Enrolment enrolment = key.wrap(PASSPHRASE);
		this.transactions.executeWithoutResult((tx) -> {
			Account account = new Account(UUID.randomUUID(), organisation.id(), role, name, email, hotlineId);
			account.markBackup(backup);
			account.enrol(this.encoder.encode(CryptoJson.encode(enrolment.loginSecret().toBytes())), TOTP_SECRET,
					key.publicKey().toBytes(), enrolment.wrappedKey().toBytes(), LocalDate.now(this.clock));
			this.accounts.save(account);
		});
	}

}

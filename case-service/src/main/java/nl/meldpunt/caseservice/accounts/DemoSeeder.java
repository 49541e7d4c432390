package nl.meldpunt.caseservice.accounts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
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
import nl.meldpunt.caseservice.keybook.Draft;
import nl.meldpunt.caseservice.keybook.KeyBooks;
import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.Enrolment;
import nl.meldpunt.crypto.KeyBook;
import nl.meldpunt.crypto.KeyBookApproval;
import nl.meldpunt.crypto.RecipientPrivateKey;
import nl.meldpunt.crypto.SigningKey;
import nl.meldpunt.crypto.WrappedPrivateKey;
import nl.meldpunt.crypto.WrappedSigningKey;
import nl.meldpunt.internalapi.CryptoJson;

/**
 * Demo mode only ({@code meldpunt.demo=true}): seeds, idempotently, the organisation
 * {@code demo} with two advisers, an external hotline with a handler, a director and an
 * admin. Their key pairs and signing keys are generated here with the crypto module and
 * wrapped under {@link #PASSPHRASE}, which is exactly what a browser would have sent at
 * enrolment; every demo account shares the TOTP secret {@link #TOTP_SECRET}. The key
 * books are signed here too, as the members' browsers would: Anna's genesis, Bram added
 * with Anna's approval, Hanna's hotline book, pinned with both advisers' approvals. (This
 * server-side signing is what the key book exists to rule out; it happens in demo mode
 * only, where every passphrase is public anyway.) Never active outside demo mode.
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

	private final KeyBookMembership membership;

	private final KeyBooks books;

	private final Clock clock;

	DemoSeeder(OrganisationSetup organisations, Hotlines hotlines, Accounts accounts, PasswordEncoder encoder,
			TransactionTemplate transactions, KeyBookMembership membership, KeyBooks books, Clock clock) {
		this.organisations = organisations;
		this.hotlines = hotlines;
		this.accounts = accounts;
		this.encoder = encoder;
		this.transactions = transactions;
		this.membership = membership;
		this.books = books;
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
		if (this.books.organisationBook(demo.id()).isEmpty()) {
			signBooks(demo.id());
		}
		// "[meldpunt]" marks lines that the launcher also shows on the operator's console
		log.info("[meldpunt] Demo organisation '{}' is ready: its portal is /o/{}", SLUG, SLUG);
		log.info("[meldpunt] Demo accounts, all with passphrase '{}' and TOTP secret {}:", PASSPHRASE, TOTP_SECRET);
		log.info("[meldpunt]   adviser1@demo.meldpunt.nl (adviser), adviser2@demo.meldpunt.nl (back-up adviser),");
		log.info(
				"[meldpunt]   hotline@demo.meldpunt.nl (external hotline), director@demo.meldpunt.nl, admin@demo.meldpunt.nl");
	}

	/**
	 * The demo key books, signed as the members' browsers would sign them: Anna starts
	 * the organisation's book, approves Bram; Hanna starts the hotline's book, whose pin
	 * both advisers approve (two advisers: the default threshold is 2).
	 */
	private void signBooks(UUID organisationId) {
		SigningKey anna = join("adviser1@demo.meldpunt.nl", true);
		SigningKey bram = join("adviser2@demo.meldpunt.nl", false);
		approveAll(organisationId, Map.of(id("adviser1@demo.meldpunt.nl"), anna));
		join("hotline@demo.meldpunt.nl", true);
		approveAll(organisationId,
				Map.of(id("adviser1@demo.meldpunt.nl"), anna, id("adviser2@demo.meldpunt.nl"), bram));
		log.info("[meldpunt] Demo key book signed: safety code {}",
				this.books.organisationBook(organisationId).orElseThrow().safetyCode().printable());
	}

	/** Adds a signing key to a demo account; it starts its book or is proposed to it. */
	private SigningKey join(String email, boolean first) {
		Account stored = this.accounts.findByEmail(email).orElseThrow();
		SigningKey key;
		byte[] wrapped;
		try {
			WrappedPrivateKey companion = WrappedPrivateKey.parse(stored.wrappedPrivateKey());
			// a demo account from before signing keys gets one; one that has it keeps it
			key = stored.hasSigningKey()
					? WrappedSigningKey.parse(stored.wrappedSigningKey()).unwrap(companion, PASSPHRASE)
					: SigningKey.generate();
			wrapped = key.wrap(companion, PASSPHRASE).toBytes();
		}
		catch (CryptoException ex) {
			throw new IllegalStateException("A demo key does not open with the demo passphrase", ex);
		}
		this.transactions.executeWithoutResult((tx) -> {
			Account account = this.accounts.findByEmail(email).orElseThrow();
			if (!account.hasSigningKey()) {
				account.addSigningKey(wrapped);
			}
			this.membership.joined(account,
					first ? KeyBook.genesis(account.organisationId(), account.asMember(), key) : null);
		});
		return key;
	}

	/** Every open draft of the organisation's book, approved by the given members. */
	private void approveAll(UUID organisationId, Map<UUID, SigningKey> approvers) {
		for (Draft draft : this.books.drafts(organisationId, Optional.empty())) {
			approvers.forEach((signer, key) -> this.transactions.executeWithoutResult((tx) -> {
				try {
					KeyBook book = this.books.organisationBook(organisationId).orElseThrow();
					KeyBookApproval approval = book.approve(draft.draft(), signer, key);
					this.books.approve(organisationId, draft.id(), signer, approval.signature());
				}
				catch (CryptoException ex) {
					throw new IllegalStateException("The demo key book could not be signed", ex);
				}
			}));
		}
	}

	private UUID id(String email) {
		return this.accounts.findByEmail(email).orElseThrow().id();
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

package nl.meldpunt.caseservice;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;

import nl.meldpunt.crypto.CaseKey;
import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.EnvelopeBinding;
import nl.meldpunt.crypto.ItemBinding;
import nl.meldpunt.crypto.ItemKind;
import nl.meldpunt.crypto.KeyBook;
import nl.meldpunt.crypto.KeyBookApproval;
import nl.meldpunt.crypto.KeyBookChange;
import nl.meldpunt.crypto.KeyBookDraft;
import nl.meldpunt.crypto.KeyBookMember;
import nl.meldpunt.crypto.KeyEnvelope;
import nl.meldpunt.crypto.RecipientPrivateKey;
import nl.meldpunt.crypto.RecipientPublicKeys;
import nl.meldpunt.crypto.ReporterToken;
import nl.meldpunt.crypto.SealedItem;
import nl.meldpunt.crypto.SigningKey;

import nl.meldpunt.caseservice.organisations.Organisation;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;

/**
 * Builds organisations, accounts and filings for tests. Every call makes fresh data with
 * random slugs, since tests share one database. An organisation comes with real key books
 * (signed here with each member's signing key, as their browsers would): its advisers in
 * the organisation's book, its hotline's handler in the hotline's book, pinned.
 */
public final class Fixtures {

	public static final String INTERNAL_SECRET = "test-internal-secret-0123456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The private key of every account and hotline the fixtures enrolled. */
	public static final Map<UUID, RecipientPrivateKey> KEYS = new ConcurrentHashMap<>();

	/** The signing key of every adviser and handler the fixtures enrolled. */
	public static final Map<UUID, SigningKey> SIGNING_KEYS = new ConcurrentHashMap<>();

	private final JdbcTemplate jdbc;

	private final OrganisationSetup setup;

	public Fixtures(JdbcTemplate jdbc, OrganisationSetup setup) {
		this.jdbc = jdbc;
		this.setup = setup;
	}

	/**
	 * An organisation with {@code advisers} enrolled advisers and one hotline with a
	 * handler.
	 */
	public Org organisation(int advisers) {
		String slug = "org-" + UUID.randomUUID().toString().substring(0, 8);
		Organisation organisation = this.setup.create(slug, "Test " + slug);
		List<UUID> adviserIds = new ArrayList<>();
		for (int i = 0; i < advisers; i++) {
			adviserIds.add(account(organisation.id(), "ADVISER", null, true));
		}
		UUID hotlineId = UUID.randomUUID();
		this.jdbc.update(
				"insert into hotline (id, organisation_id, name, description_nl, description_en, contact) values (?, ?, ?, ?, ?, ?)",
				hotlineId, organisation.id(), "Meldpunt Discriminatie", "Regionaal bureau", "Regional bureau",
				"0800-1234");
		UUID handlerId = account(organisation.id(), "HOTLINE", hotlineId, true);
		Org org = new Org(organisation.id(), slug, adviserIds, hotlineId, handlerId);
		if (advisers > 0) {
			signBooks(org);
		}
		return org;
	}

	/**
	 * The organisation's book (the first adviser's genesis, each next adviser approved by
	 * as many members as the threshold asks) and the hotline's (its handler's genesis),
	 * pinned with the advisers' approvals.
	 */
	private void signBooks(Org org) {
		try {
			UUID first = org.advisers().get(0);
			KeyBook book = KeyBook.verify(org.id(), List
				.of(append(org, org.id(), 0, KeyBook.genesis(org.id(), member(first, null), SIGNING_KEYS.get(first)))));
			for (UUID next : org.advisers().subList(1, org.advisers().size())) {
				book = approvedByMembers(org, book, new KeyBookChange.RecipientAdded(member(next, null)));
			}
			KeyBook hotline = KeyBook.verifyHotline(org.id(), org.hotlineId(),
					List.of(append(org, org.hotlineId(), 0, KeyBook.genesis(org.id(),
							member(org.handlerId(), org.hotlineId()), SIGNING_KEYS.get(org.handlerId())))));
			approvedByMembers(org, book, new KeyBookChange.HotlinePinned(org.hotlineId(), hotline.head()));
		}
		catch (CryptoException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Appends {@code change} to the organisation's book, signed by enough members. */
	public KeyBook approvedByMembers(Org org, KeyBook book, KeyBookChange change) throws CryptoException {
		KeyBookDraft draft = book.propose(change);
		List<KeyBookApproval> approvals = new ArrayList<>();
		for (KeyBookMember member : book.members().subList(0, book.threshold())) {
			approvals.add(book.approve(draft, member.recipientId(), SIGNING_KEYS.get(member.recipientId())));
		}
		byte[] entry = draft.entry(approvals);
		KeyBook longer = book.append(entry);
		append(org, org.id(), draft.sequence(), entry);
		return longer;
	}

	private byte[] append(Org org, UUID book, long sequence, byte[] entry) {
		this.jdbc.update("insert into key_book_entry (organisation_id, book, sequence, bytes) values (?, ?, ?, ?)",
				org.id(), book, (int) sequence, entry);
		return entry;
	}

	/** The key-book member an account of these fixtures is. */
	public KeyBookMember member(UUID accountId, UUID hotlineId) {
		String name = this.jdbc.queryForObject("select display_name from account where id = ?", String.class,
				accountId);
		RecipientPublicKeys keys = new RecipientPublicKeys(KEYS.get(accountId).publicKey(),
				SIGNING_KEYS.get(accountId).publicKey());
		return (hotlineId != null) ? KeyBookMember.hotlineHandler(accountId, hotlineId, name, keys)
				: KeyBookMember.adviser(accountId, name, keys);
	}

	/** An enrolled (or not) account with a random public key; returns its id. */
	public UUID account(UUID organisationId, String role, UUID hotlineId, boolean enrolled) {
		UUID id = UUID.randomUUID();
		boolean keys = enrolled && ("ADVISER".equals(role) || "HOTLINE".equals(role));
		RecipientPrivateKey key = keys ? RecipientPrivateKey.generate() : null;
		SigningKey signing = keys ? SigningKey.generate() : null;
		if (key != null) {
			KEYS.put(id, key);
			SIGNING_KEYS.put(id, signing);
		}
		this.jdbc.update(
				"insert into account (id, organisation_id, role, display_name, email, hotline_id, public_key, wrapped_private_key,"
						+ " wrapped_signing_key, enrolled_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				id, organisationId, role, role.charAt(0) + ". " + id.toString().substring(0, 6), id + "@example.org",
				hotlineId, keys ? key.publicKey().toBytes() : null, keys ? bytes(80) : null,
				keys ? wrappedSigningKeyOf(signing) : null, enrolled ? LocalDate.now() : null);
		return id;
	}

	/**
	 * A value with the structure of a wrapped signing key and this public key (the
	 * service checks the structure only; nobody unwraps fixtures' keys).
	 */
	public static byte[] wrappedSigningKeyOf(SigningKey signing) {
		byte[] wrapped = new byte[94];
		wrapped[0] = 0x01;
		wrapped[1] = 0x04;
		System.arraycopy(signing.publicKey().toBytes(), 0, wrapped, 2, 32);
		System.arraycopy(bytes(60), 0, wrapped, 34, 60);
		return wrapped;
	}

	public static byte[] bytes(int n) {
		byte[] bytes = new byte[n];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	public static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * A valid filing to the organisation's advisers (minus {@code excluded}), sealed for
	 * real.
	 */
	public static Map<String, Object> filing(Org org, String credential, List<UUID> excluded) {
		UUID caseId = UUID.randomUUID();
		UUID itemId = UUID.randomUUID();
		CaseKey caseKey = CaseKey.generate();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("caseId", caseId.toString());
		body.put("route", "ADVISERS");
		body.put("excludedAdviserIds", excluded.stream().map(UUID::toString).toList());
		body.put("mailboxCredential", credential);
		body.put("reporterPublicKey", b64(RecipientPrivateKey.generate().publicKey().toBytes()));
		body.put("report",
				Map.of("itemId", itemId.toString(), "ciphertext",
						b64(caseKey
							.seal("a report".getBytes(), new ItemBinding(org.id(), caseId, itemId, ItemKind.REPORT))
							.toBytes())));
		List<Map<String, String>> envelopes = new ArrayList<>();
		for (UUID adviser : org.advisers()) {
			if (!excluded.contains(adviser)) {
				envelopes.add(envelope("ADVISER", adviser.toString()));
			}
		}
		envelopes.add(envelope("REPORTER", "reporter"));
		body.put("keyEnvelopes", envelopes);
		body.put("language", "nl");
		return body;
	}

	/** A well-formed envelope (sealed to a throw-away key: the server cannot tell). */
	public static Map<String, String> envelope(String kind, String id) {
		return Map.of("recipientKind", kind, "recipientId", id, "envelope", b64(sealedEnvelope()));
	}

	public static byte[] sealedEnvelope() {
		return keyEnvelope().toBytes();
	}

	/** A well-formed key envelope, sealed to a throw-away key. */
	public static KeyEnvelope keyEnvelope() {
		return RecipientPrivateKey.generate()
			.publicKey()
			.seal(CaseKey.generate(), EnvelopeBinding.forReporter(UUID.randomUUID(), UUID.randomUUID()));
	}

	/** A well-formed sealed item, sealed with a throw-away key. */
	public static SealedItem item() {
		return CaseKey.generate()
			.seal("text".getBytes(),
					new ItemBinding(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), ItemKind.MESSAGE));
	}

	/** A well-formed sealed item of {@code kind}. */
	public static String sealedItem(UUID organisationId, UUID caseId, UUID itemId, ItemKind kind) {
		return b64(CaseKey.generate()
			.seal("text".getBytes(), new ItemBinding(organisationId, caseId, itemId, kind))
			.toBytes());
	}

	public static String credential() {
		return b64(ReporterToken.generate().mailboxCredential().toBytes());
	}

	/**
	 * A case row written directly (no API), received on {@code receivedOn}, in
	 * {@code state}, shared with the given advisers and the reporter.
	 */
	public UUID caseRow(Org org, List<UUID> advisers, String state, LocalDate receivedOn) {
		UUID id = UUID.randomUUID();
		this.jdbc.update(
				"insert into case_file (id, organisation_id, state, channel, credential_hash, reporter_public_key, language, received_on)"
						+ " values (?, ?, ?, 'INTERNAL_ADVISER', ?, ?, 'nl', ?)",
				id, org.id(), state, ReporterToken.generate().mailboxCredential().storageHash(), bytes(32), receivedOn);
		for (UUID adviser : advisers) {
			this.jdbc.update(
					"insert into key_envelope (case_id, organisation_id, recipient_kind, recipient_id, envelope, created_on)"
							+ " values (?, ?, 'ADVISER', ?, ?, ?)",
					id, org.id(), adviser.toString(), sealedEnvelope(), receivedOn);
		}
		this.jdbc.update(
				"insert into key_envelope (case_id, organisation_id, recipient_kind, recipient_id, envelope, created_on)"
						+ " values (?, ?, 'REPORTER', 'reporter', ?, ?)",
				id, org.id(), sealedEnvelope(), receivedOn);
		this.jdbc.update(
				"insert into timeline_entry (case_id, organisation_id, on_day, event, state) values (?, ?, ?, 'FILED', ?)",
				id, org.id(), receivedOn, state);
		return id;
	}

	/** What a test needs to know about its organisation. */
	public record Org(UUID id, String slug, List<UUID> advisers, UUID hotlineId, UUID handlerId) {
	}

}

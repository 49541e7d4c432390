package nl.meldpunt.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import nl.meldpunt.crypto.CaseKey;
import nl.meldpunt.crypto.EnvelopeBinding;
import nl.meldpunt.crypto.ItemBinding;
import nl.meldpunt.crypto.ItemKind;
import nl.meldpunt.crypto.KeyBook;
import nl.meldpunt.crypto.KeyBookChange;
import nl.meldpunt.crypto.KeyBookDraft;
import nl.meldpunt.crypto.KeyBookMember;
import nl.meldpunt.crypto.KeyEnvelope;
import nl.meldpunt.crypto.MailboxCredential;
import nl.meldpunt.crypto.RecipientPrivateKey;
import nl.meldpunt.crypto.RecipientPublicKeys;
import nl.meldpunt.crypto.SealedItem;
import nl.meldpunt.crypto.SigningKey;

/**
 * A test double of case-service's internal API (docs/CONTRACTS.md section 3), in memory,
 * on a real HTTP port. It checks what the contract says the real service checks (bearer
 * secret, recipients, access code, idempotency, structure of ciphertexts) so the portal
 * can be tested alone; it holds the advisers' private keys so a test can answer as an
 * adviser. Organisations: {@code demo} (two advisers, one hotline), {@code coded} (access
 * code {@code open-sesame}) and {@code closed} (not accepting reports). Each accepting
 * one has real key books, signed here as the members' browsers would: adviser A's
 * genesis, B approved by A, the hotline's handler in its own book, pinned by both. A test
 * can serve a tampered book or list instead ({@link #tamper}), as a writer of the
 * database could.
 */
public final class InMemoryCaseService implements AutoCloseable {

	public static final String SECRET = "test-internal-secret";

	private static final String PROBLEMS = "https://meldpunt.nl/problems/";

	private final ObjectMapper json = new ObjectMapper();

	private final HttpServer server;

	private final Map<String, Organisation> organisations = new LinkedHashMap<>();

	private final Map<UUID, StoredCase> cases = new ConcurrentHashMap<>();

	private final List<String> requestBodies = new CopyOnWriteArrayList<>();

	private final List<String> requestHeaders = new CopyOnWriteArrayList<>();

	public final RecipientPrivateKey adviserA = RecipientPrivateKey.generate();

	public final RecipientPrivateKey adviserB = RecipientPrivateKey.generate();

	public final RecipientPrivateKey hotline = RecipientPrivateKey.generate();

	public final UUID adviserAId = UUID.randomUUID();

	public final UUID adviserBId = UUID.randomUUID();

	public final UUID hotlineId = UUID.randomUUID();

	public final UUID hotlineHandlerId = UUID.randomUUID();

	private final Map<UUID, SigningKey> signingKeys = new ConcurrentHashMap<>();

	private final Map<String, Books> books = new ConcurrentHashMap<>();

	private volatile Tamper tamper = null;

	/** What a test makes the double serve instead of the honest portal view. */
	public record Tamper(String slug, List<byte[]> keyBook, List<Map<String, String>> extraAdvisers,
			Map<UUID, byte[]> listedKeys) {
	}

	/** The signed books of one organisation. */
	public record Books(List<byte[]> organisation, List<byte[]> hotline) {
	}

	private long maxAttachmentBytes = 52_428_800;

	private volatile boolean databaseDown;

	public InMemoryCaseService() throws IOException {
		this.organisations.put("demo", new Organisation(UUID.randomUUID(), "demo", "Gemeente Demo", true, null));
		this.organisations.put("coded",
				new Organisation(UUID.randomUUID(), "coded", "Stichting Code", true, "open-sesame"));
		this.organisations.put("closed", new Organisation(UUID.randomUUID(), "closed", "Nog Leeg BV", false, null));
		this.signingKeys.put(this.adviserAId, SigningKey.generate());
		this.signingKeys.put(this.adviserBId, SigningKey.generate());
		this.signingKeys.put(this.hotlineHandlerId, SigningKey.generate());
		for (Organisation organisation : this.organisations.values()) {
			if (organisation.accepting()) {
				this.books.put(organisation.slug(), signBooks(organisation.id()));
			}
		}
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/internal/v1/", this::handle);
		this.server.createContext("/actuator/health/readiness", this::readiness);
		this.server.setExecutor(Executors.newFixedThreadPool(8));
		this.server.start();
	}

	/**
	 * A started double; an {@link IOException} becomes unchecked for static initialisers.
	 */
	public static InMemoryCaseService started() {
		try {
			return new InMemoryCaseService();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The honest books of an organisation. */
	public Books books(String slug) {
		return this.books.get(slug);
	}

	/** Serves {@code tamper} from now on (null: the honest view again). */
	public void tamper(Tamper tamper) {
		this.tamper = tamper;
	}

	public SigningKey signingKey(UUID member) {
		return this.signingKeys.get(member);
	}

	public KeyBookMember member(UUID id) {
		if (id.equals(this.hotlineHandlerId)) {
			return KeyBookMember.hotlineHandler(id, this.hotlineId, "H. Hulp", keys(this.hotline, id));
		}
		return id.equals(this.adviserAId) ? KeyBookMember.adviser(id, "A. Adviseur", keys(this.adviserA, id))
				: KeyBookMember.adviser(id, "B. Bakker", keys(this.adviserB, id));
	}

	private RecipientPublicKeys keys(RecipientPrivateKey key, UUID id) {
		return new RecipientPublicKeys(key.publicKey(), this.signingKeys.get(id).publicKey());
	}

	private Books signBooks(UUID organisationId) {
		try {
			List<byte[]> entries = new ArrayList<>();
			entries
				.add(KeyBook.genesis(organisationId, member(this.adviserAId), this.signingKeys.get(this.adviserAId)));
			KeyBook book = KeyBook.verify(organisationId, entries);
			KeyBookDraft add = book.propose(new KeyBookChange.RecipientAdded(member(this.adviserBId)));
			entries.add(add.entry(List.of(book.approve(add, this.adviserAId, this.signingKeys.get(this.adviserAId)))));
			book = KeyBook.verify(organisationId, entries);
			List<byte[]> hotlineEntries = List.of(KeyBook.genesis(organisationId, member(this.hotlineHandlerId),
					this.signingKeys.get(this.hotlineHandlerId)));
			KeyBook hotlineBook = KeyBook.verifyHotline(organisationId, this.hotlineId, hotlineEntries);
			KeyBookDraft pin = book.propose(new KeyBookChange.HotlinePinned(this.hotlineId, hotlineBook.head()));
			entries.add(pin.entry(List.of(book.approve(pin, this.adviserAId, this.signingKeys.get(this.adviserAId)),
					book.approve(pin, this.adviserBId, this.signingKeys.get(this.adviserBId)))));
			KeyBook.verify(organisationId, entries);
			return new Books(List.copyOf(entries), hotlineEntries);
		}
		catch (nl.meldpunt.crypto.CryptoException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Plays a case service whose database is away: readiness 503, every internal call a
	 * 503 {@code database-unavailable}.
	 */
	public void databaseDown(boolean down) {
		this.databaseDown = down;
	}

	private void readiness(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = (this.databaseDown ? "{\"status\":\"DOWN\"}" : "{\"status\":\"UP\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(this.databaseDown ? 503 : 200, body.length);
			exchange.getResponseBody().write(body);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public UUID organisationId(String slug) {
		return this.organisations.get(slug).id();
	}

	public void maxAttachmentBytes(long bytes) {
		this.maxAttachmentBytes = bytes;
	}

	public int caseCount() {
		return this.cases.size();
	}

	public java.util.Set<UUID> caseIds() {
		return this.cases.keySet();
	}

	public StoredCase caseWith(UUID caseId) {
		return this.cases.get(caseId);
	}

	/** Everything the portal sent, bodies and headers, for zero-knowledge checks. */
	public String everythingReceived() {
		return String.join("\n", this.requestHeaders) + "\n" + String.join("\n", this.requestBodies);
	}

	/** Opens the report as adviser A would and returns its plaintext. */
	public String reportAsAdviser(StoredCase stored) throws Exception {
		CaseKey key = caseKeyOfAdviserA(stored);
		SealedItem report = SealedItem.parse(stored.items.get(0).ciphertext);
		return new String(key.open(report,
				new ItemBinding(stored.organisationId, stored.caseId, stored.items.get(0).itemId, ItemKind.REPORT)),
				StandardCharsets.UTF_8);
	}

	/** The plaintext of an attachment as adviser A would download it. */
	public byte[] attachmentAsAdviser(StoredCase stored, UUID attachmentId) throws Exception {
		StoredAttachment attachment = stored.attachments.get(attachmentId);
		List<SealedItem> chunks = new ArrayList<>();
		for (int i = 0; i < attachment.chunkCount; i++) {
			chunks.add(SealedItem.parse(attachment.chunks.get(i)));
		}
		return caseKeyOfAdviserA(stored).openAttachment(chunks,
				new nl.meldpunt.crypto.AttachmentBinding(stored.organisationId, stored.caseId, attachmentId));
	}

	/**
	 * Adviser A answers the reporter: the message is sealed with the case key, as a
	 * browser would.
	 */
	public void replyAsAdviser(StoredCase stored, String message) throws Exception {
		UUID itemId = UUID.randomUUID();
		SealedItem sealed = caseKeyOfAdviserA(stored).seal(message.getBytes(StandardCharsets.UTF_8),
				new ItemBinding(stored.organisationId, stored.caseId, itemId, ItemKind.MESSAGE));
		stored.items.add(new StoredItem(itemId, "MESSAGE", "ADVISER", sealed.toBytes()));
		stored.state = "WAITING_FOR_REPORTER";
		stored.timeline.add(Map.of("on", LocalDate.now().toString(), "event", "ASK_REPORTER", "state", stored.state));
	}

	private CaseKey caseKeyOfAdviserA(StoredCase stored) throws Exception {
		byte[] envelope = stored.envelopes.get(this.adviserAId.toString());
		return this.adviserA.open(KeyEnvelope.parse(envelope),
				EnvelopeBinding.forRecipient(stored.organisationId, stored.caseId, this.adviserAId));
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.requestHeaders.add(exchange.getRequestHeaders().toString());
			if (!("Bearer " + SECRET).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				problem(exchange, 401, "unauthorized");
				return;
			}
			if (this.databaseDown) {
				problem(exchange, 503, "database-unavailable");
				return;
			}
			String path = exchange.getRequestURI().getPath().substring("/internal/v1".length());
			String method = exchange.getRequestMethod();
			byte[] body = exchange.getRequestBody().readAllBytes();
			if (!path.contains("/chunks/")) {
				this.requestBodies.add(new String(body, StandardCharsets.UTF_8));
			}
			Matcher portal = Pattern.compile("/organisations/([^/]+)/portal").matcher(path);
			Matcher filing = Pattern.compile("/organisations/([^/]+)/cases").matcher(path);
			Matcher chunk = Pattern.compile("/mailbox/attachments/([^/]+)/chunks/(\\d+)").matcher(path);
			if (method.equals("GET") && portal.matches()) {
				portal(exchange, portal.group(1));
			}
			else if (method.equals("POST") && filing.matches()) {
				file(exchange, filing.group(1), this.json.readTree(body));
			}
			else if (path.startsWith("/mailbox")) {
				StoredCase stored = caseOf(exchange);
				if (stored == null) {
					problem(exchange, 404, "unknown-token");
				}
				else if (method.equals("GET") && path.equals("/mailbox")) {
					send(exchange, 200, mailbox(stored));
				}
				else if (method.equals("POST") && path.equals("/mailbox/messages")) {
					JsonNode message = this.json.readTree(body);
					stored.items.add(new StoredItem(UUID.fromString(message.get("itemId").asText()), "MESSAGE",
							"REPORTER", decode(message.get("ciphertext").asText())));
					if (stored.state.equals("WAITING_FOR_REPORTER")) {
						stored.state = "IN_CONSULTATION";
						stored.timeline.add(Map.of("on", LocalDate.now().toString(), "event", "REPORTER_ANSWERED",
								"state", stored.state));
					}
					send(exchange, 201,
							this.json.createObjectNode()
								.put("itemId", message.get("itemId").asText())
								.put("createdOn", LocalDate.now().toString()));
				}
				else if (method.equals("POST") && path.equals("/mailbox/attachments")) {
					JsonNode attachment = this.json.readTree(body);
					if (attachment.get("totalBytes").asLong() > this.maxAttachmentBytes) {
						problem(exchange, 413, "attachment-too-large");
						return;
					}
					UUID id = UUID.fromString(attachment.get("attachmentId").asText());
					stored.attachments.put(id, new StoredAttachment(decode(attachment.get("metaCiphertext").asText()),
							attachment.get("chunkCount").asInt(), attachment.get("totalBytes").asLong()));
					send(exchange, 201, this.json.createObjectNode().put("attachmentId", id.toString()));
				}
				else if (chunk.matches()) {
					StoredAttachment attachment = stored.attachments.get(UUID.fromString(chunk.group(1)));
					int index = Integer.parseInt(chunk.group(2));
					if (attachment == null || index >= attachment.chunkCount) {
						problem(exchange, 404, "not-found");
					}
					else if (method.equals("PUT")) {
						SealedItem.parse(body);
						attachment.chunks.put(index, body);
						exchange.sendResponseHeaders(204, -1);
					}
					else {
						byte[] bytes = attachment.chunks.get(index);
						exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
						exchange.sendResponseHeaders(200, bytes.length);
						exchange.getResponseBody().write(bytes);
					}
				}
				else if (method.equals("POST") && path.equals("/mailbox/withdraw")) {
					if (stored.state.equals("WITHDRAWN") || stored.state.equals("CLOSED")) {
						problem(exchange, 409, "illegal-transition");
						return;
					}
					stored.state = "WITHDRAWN";
					stored.timeline
						.add(Map.of("on", LocalDate.now().toString(), "event", "WITHDRAW", "state", "WITHDRAWN"));
					send(exchange, 200, this.json.createObjectNode().put("state", "WITHDRAWN"));
				}
				else {
					problem(exchange, 404, "not-found");
				}
			}
			else {
				problem(exchange, 404, "not-found");
			}
		}
		catch (Exception ex) {
			problem(exchange, 400, "malformed-ciphertext");
		}
	}

	private void portal(HttpExchange exchange, String slug) throws IOException {
		Organisation organisation = this.organisations.get(slug);
		if (organisation == null) {
			problem(exchange, 404, "unknown-organisation");
			return;
		}
		ObjectNode portal = this.json.createObjectNode()
			.put("organisationId", organisation.id().toString())
			.put("slug", slug)
			.put("name", organisation.name())
			.put("acceptingReports", organisation.accepting())
			.put("accessCodeRequired", organisation.accessCode() != null)
			.put("maxAttachmentBytes", this.maxAttachmentBytes)
			.put("acknowledgeWithinDays", 7)
			.put("feedbackWithinMonths", 3);
		ArrayNode categories = portal.putArray("categories");
		categories.addObject()
			.put("code", "racism")
			.putObject("name")
			.put("nl", "Racisme of etniciteit")
			.put("en", "Racism or ethnicity");
		categories.addObject()
			.put("code", "harassment")
			.putObject("name")
			.put("nl", "Seksuele intimidatie")
			.put("en", "Sexual harassment");
		Books honest = this.books.get(slug);
		Tamper served = (this.tamper != null && this.tamper.slug().equals(slug)) ? this.tamper : null;
		ArrayNode book = portal.putArray("keyBook");
		if (honest != null) {
			((served != null && served.keyBook() != null) ? served.keyBook() : honest.organisation())
				.forEach((entry) -> book.add(encode(entry)));
		}
		ArrayNode advisers = portal.putArray("advisers");
		if (honest != null) {
			for (UUID id : List.of(this.adviserAId, this.adviserBId)) {
				byte[] key = (served != null && served.listedKeys() != null && served.listedKeys().containsKey(id))
						? served.listedKeys().get(id) : member(id).keys().encryptionKey().toBytes();
				adviser(advisers, member(id), key);
			}
			if (served != null && served.extraAdvisers() != null) {
				served.extraAdvisers().forEach((extra) -> advisers.add(this.json.valueToTree(extra)));
			}
			ObjectNode hotline = portal.putArray("hotlines")
				.addObject()
				.put("id", this.hotlineId.toString())
				.put("name", "Antidiscriminatiebureau Regio")
				.put("contact", "088 123 4567, info@adb-regio.example");
			adviser(hotline.putArray("handlers"), member(this.hotlineHandlerId),
					member(this.hotlineHandlerId).keys().encryptionKey().toBytes());
			ArrayNode hotlineBook = hotline.putArray("keyBook");
			honest.hotline().forEach((entry) -> hotlineBook.add(encode(entry)));
			hotline.putObject("description")
				.put("nl", "Onafhankelijk bureau voor discriminatiemeldingen")
				.put("en", "Independent office for discrimination reports");
		}
		else {
			portal.putArray("hotlines");
		}
		send(exchange, 200, portal);
	}

	private void adviser(ArrayNode advisers, KeyBookMember member, byte[] publicKey) {
		advisers.addObject()
			.put("id", member.recipientId().toString())
			.put("displayName", member.displayName())
			.put("publicKey", encode(publicKey))
			.put("fingerprint", member.fingerprint());
	}

	private void file(HttpExchange exchange, String slug, JsonNode filing) throws Exception {
		Organisation organisation = this.organisations.get(slug);
		if (organisation == null) {
			problem(exchange, 404, "unknown-organisation");
			return;
		}
		if (!organisation.accepting()) {
			problem(exchange, 409, "not-accepting-reports");
			return;
		}
		if (organisation.accessCode() != null
				&& !organisation.accessCode().equals(filing.path("accessCode").asText(null))) {
			problem(exchange, 403, "wrong-access-code");
			return;
		}
		UUID caseId = UUID.fromString(filing.get("caseId").asText());
		String hash = MailboxCredential.fromBytes(decode(filing.get("mailboxCredential").asText())).storageHash();
		StoredCase existing = this.cases.get(caseId);
		if (existing != null) {
			if (existing.credentialHash.equals(hash)) {
				send(exchange, 200, filed(existing));
			}
			else {
				problem(exchange, 409, "case-id-taken");
			}
			return;
		}
		Set<String> expected = new HashSet<>();
		boolean hotlineRoute = "HOTLINE".equals(filing.get("route").asText());
		if (hotlineRoute) {
			expected.add(this.hotlineHandlerId.toString());
		}
		else {
			expected.add(this.adviserAId.toString());
			expected.add(this.adviserBId.toString());
			filing.path("excludedAdviserIds").forEach((id) -> expected.remove(id.asText()));
			if (expected.isEmpty()) {
				problem(exchange, 422, "all-advisers-excluded");
				return;
			}
		}
		expected.add("reporter");
		Map<String, byte[]> envelopes = new LinkedHashMap<>();
		for (JsonNode envelope : filing.get("keyEnvelopes")) {
			envelopes.put(envelope.get("recipientId").asText(),
					KeyEnvelope.parse(decode(envelope.get("envelope").asText())).toBytes());
		}
		if (!envelopes.keySet().equals(expected)) {
			problem(exchange, 422, "recipients-mismatch");
			return;
		}
		JsonNode report = filing.get("report");
		byte[] reportBytes = SealedItem.parse(decode(report.get("ciphertext").asText())).toBytes();
		StoredCase stored = new StoredCase(caseId, organisation.id(), hash, envelopes);
		stored.slug = slug;
		stored.hotline = hotlineRoute;
		stored.items
			.add(new StoredItem(UUID.fromString(report.get("itemId").asText()), "REPORT", "REPORTER", reportBytes));
		stored.timeline.add(Map.of("on", LocalDate.now().toString(), "event", "FILED", "state", "RECEIVED"));
		this.cases.put(caseId, stored);
		send(exchange, 201, filed(stored));
	}

	private ObjectNode filed(StoredCase stored) {
		return this.json.createObjectNode()
			.put("caseId", stored.caseId.toString())
			.put("state", stored.state)
			.put("open", !stored.state.equals("WITHDRAWN") && !stored.state.equals("CLOSED"))
			.put("receivedOn", LocalDate.now().toString())
			.put("acknowledgeBy", LocalDate.now().plusDays(7).toString());
	}

	private StoredCase caseOf(HttpExchange exchange) {
		String credential = exchange.getRequestHeaders().getFirst("X-Mailbox-Credential");
		if (credential == null) {
			return null;
		}
		try {
			String hash = MailboxCredential.fromBytes(decode(credential)).storageHash();
			return this.cases.values().stream().filter((c) -> c.credentialHash.equals(hash)).findFirst().orElse(null);
		}
		catch (Exception ex) {
			return null;
		}
	}

	private ObjectNode mailbox(StoredCase stored) {
		ObjectNode mailbox = this.json.createObjectNode()
			.put("caseId", stored.caseId.toString())
			.put("organisationId", stored.organisationId.toString())
			.put("state", stored.state)
			.put("open", !stored.state.equals("WITHDRAWN") && !stored.state.equals("CLOSED"))
			.put("receivedOn", LocalDate.now().toString())
			.put("acknowledgeBy", LocalDate.now().plusDays(7).toString())
			.put("reporterKeyEnvelope", encode(stored.envelopes.get("reporter")))
			.put("currentEpoch", 0);
		mailbox.putArray("reporterKeys")
			.addObject()
			.put("epoch", 0)
			.put("envelope", encode(stored.envelopes.get("reporter")));
		mailbox.putObject("organisation").put("slug", "demo").put("name", "Gemeente Demo");
		Books honest = this.books.get(stored.slug);
		Tamper served = (this.tamper != null && this.tamper.slug().equals(stored.slug)) ? this.tamper : null;
		ArrayNode book = mailbox.putArray("keyBook");
		((served != null && served.keyBook() != null) ? served.keyBook() : honest.organisation())
			.forEach((entry) -> book.add(encode(entry)));
		ArrayNode hotlineBook = mailbox.putArray("hotlineKeyBook");
		if (stored.hotline) {
			honest.hotline().forEach((entry) -> hotlineBook.add(encode(entry)));
		}
		ArrayNode timeline = mailbox.putArray("timeline");
		stored.timeline.forEach((entry) -> timeline.add(this.json.valueToTree(entry)));
		ArrayNode items = mailbox.putArray("items");
		for (StoredItem item : stored.items) {
			items.addObject()
				.put("itemId", item.itemId().toString())
				.put("kind", item.kind())
				.put("author", item.author())
				.put("createdOn", LocalDate.now().toString())
				.put("epoch", 0)
				.put("ciphertext", encode(item.ciphertext()));
		}
		ArrayNode attachments = mailbox.putArray("attachments");
		stored.attachments.forEach((id, attachment) -> attachments.addObject()
			.put("attachmentId", id.toString())
			.put("metaCiphertext", encode(attachment.meta))
			.put("chunkCount", attachment.chunkCount)
			.put("totalBytes", attachment.totalBytes)
			.put("author", "REPORTER")
			.put("createdOn", LocalDate.now().toString()));
		return mailbox;
	}

	private void problem(HttpExchange exchange, int status, String slug) throws IOException {
		ObjectNode problem = this.json.createObjectNode()
			.put("type", PROBLEMS + slug)
			.put("title", slug)
			.put("status", status)
			.put("detail", "English detail from case-service: " + slug);
		exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
		byte[] bytes = this.json.writeValueAsBytes(problem);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		byte[] bytes = this.json.writeValueAsBytes(body);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	public static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] decode(String text) {
		return Base64.getUrlDecoder().decode(text);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Organisation(UUID id, String slug, String name, boolean accepting, String accessCode) {
	}

	record StoredItem(UUID itemId, String kind, String author, byte[] ciphertext) {
	}

	/**
	 * One case as the double stores it: ciphertext, envelopes and the credential's hash.
	 */
	public static final class StoredCase {

		public final UUID caseId;

		public final UUID organisationId;

		final String credentialHash;

		public final Map<String, byte[]> envelopes;

		final List<StoredItem> items = new CopyOnWriteArrayList<>();

		public final Map<UUID, StoredAttachment> attachments = new ConcurrentHashMap<>();

		final List<Map<String, String>> timeline = new CopyOnWriteArrayList<>();

		volatile String state = "RECEIVED";

		volatile String slug = "demo";

		volatile boolean hotline;

		StoredCase(UUID caseId, UUID organisationId, String credentialHash, Map<String, byte[]> envelopes) {
			this.caseId = caseId;
			this.organisationId = organisationId;
			this.credentialHash = credentialHash;
			this.envelopes = envelopes;
		}

		public String state() {
			return this.state;
		}

		public List<String> itemKindsByAuthor() {
			return this.items.stream().map((item) -> item.author() + ":" + item.kind()).toList();
		}

	}

	/** A stored attachment: sealed meta and sealed chunks by index. */
	public static final class StoredAttachment {

		final byte[] meta;

		final int chunkCount;

		final long totalBytes;

		final Map<Integer, byte[]> chunks = new ConcurrentHashMap<>();

		StoredAttachment(byte[] meta, int chunkCount, long totalBytes) {
			this.meta = meta;
			this.chunkCount = chunkCount;
			this.totalBytes = totalBytes;
		}

	}

}

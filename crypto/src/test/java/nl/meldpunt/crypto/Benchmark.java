package nl.meldpunt.crypto;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.meldpunt.crypto.testing.HeadlessChromium;

/**
 * Prints throughput numbers; not a test. Run with
 * {@code ./mvnw -q -pl crypto -Pbenchmark test} (see crypto/README.md).
 */
public final class Benchmark {

	private static final long MEASURE_NANOS = 2_000_000_000L;

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		System.out.printf("Java %s, %d cores, %s, load average %.1f%n", Runtime.version(),
				Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		java();
		List<byte[]> book = keyBook();
		browser(book);
	}

	/**
	 * A book of 100 entries (the genesis, 49 advisers added, 50 threshold changes), every
	 * entry after the second with two approvals; prints how long verifying it takes.
	 */
	private static List<byte[]> keyBook() throws Exception {
		TestKeyBooks.Person first = TestKeyBooks.anna();
		TestKeyBooks.Person second = TestKeyBooks.bram();
		TestKeyBooks.Builder b = TestKeyBooks.Builder.organisation(first)
			.then(new KeyBookChange.RecipientAdded(second.adviser()), first);
		for (int i = 0; i < 48; i++) {
			TestKeyBooks.Person next = new TestKeyBooks.Person(UUID.randomUUID(), "Adviseur " + i,
					RecipientPrivateKey.generate(), SigningKey.generate());
			b.then(new KeyBookChange.RecipientAdded(next.adviser()), first, second);
		}
		for (int i = 0; i < 50; i++) {
			b.then(new KeyBookChange.ThresholdChanged((i % 2 == 0) ? 2 : 0), first, second);
		}
		List<byte[]> entries = b.entries;
		UUID organisation = TestKeyBooks.ORGANISATION;
		report("Java key book of " + entries.size() + " entries, verify",
				rate(() -> KeyBook.verify(organisation, entries)), "ops/s");
		KeyBook before = KeyBook.verify(organisation, entries.subList(0, entries.size() - 1));
		byte[] last = entries.get(entries.size() - 1);
		report("Java key book, append one entry (2 approvals)", rate(() -> before.append(last)), "ops/s");
		String code = b.book.safetyCode().printable();
		report("Java safety code parse + compare", rate(() -> b.book.requireContains(SafetyCode.parse(code))), "ops/s");
		return entries;
	}

	private static void java() throws Exception {
		SecureRandom random = new SecureRandom();
		CaseKey caseKey = CaseKey.generate();
		ItemBinding binding = new ItemBinding(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				ItemKind.MESSAGE);
		byte[] small = new byte[1024];
		byte[] large = new byte[10 * 1024 * 1024];
		random.nextBytes(small);
		random.nextBytes(large);
		SealedItem sealedSmall = caseKey.seal(small, binding);
		SealedItem sealedLarge = caseKey.seal(large, binding);
		report("Java item 1 KiB seal", rate(() -> caseKey.seal(small, binding)), "ops/s");
		report("Java item 1 KiB open", rate(() -> caseKey.open(sealedSmall, binding)), "ops/s");
		report("Java item 10 MiB seal", rate(() -> caseKey.seal(large, binding)), "ops/s");
		report("Java item 10 MiB open", rate(() -> caseKey.open(sealedLarge, binding)), "ops/s");
		AttachmentBinding attachment = new AttachmentBinding(binding.organisationId(), binding.caseId(),
				UUID.randomUUID());
		List<SealedItem> chunks = caseKey.sealAttachment(large, attachment);
		report("Java attachment 10 MiB (10 chunks) seal", rate(() -> caseKey.sealAttachment(large, attachment)),
				"ops/s");
		report("Java attachment 10 MiB (10 chunks) open", rate(() -> caseKey.openAttachment(chunks, attachment)),
				"ops/s");
		RecipientPrivateKey recipient = RecipientPrivateKey.generate();
		EnvelopeBinding envelopeBinding = EnvelopeBinding.forReporter(binding.organisationId(), binding.caseId());
		KeyEnvelope envelope = recipient.publicKey().seal(caseKey, envelopeBinding);
		report("Java key envelope seal", rate(() -> recipient.publicKey().seal(caseKey, envelopeBinding)), "ops/s");
		report("Java key envelope open", rate(() -> recipient.open(envelope, envelopeBinding)), "ops/s");
		byte[] envelopeBytes = envelope.toBytes();
		report("Java KeyEnvelope.parse (no key)", rate(() -> KeyEnvelope.parse(envelopeBytes)), "ops/s");
		ReporterToken token = ReporterToken.generate();
		report("Java token -> credential + key pair", rate(() -> {
			token.mailboxCredential();
			token.reporterKey();
		}), "ops/s");
		long start = System.nanoTime();
		recipient.wrap("passphrase");
		report("Java wrap private key, PBKDF2 600 000", (System.nanoTime() - start) / 1e6, "ms");
		start = System.nanoTime();
		recipient.wrap("passphrase", KdfParameters.Argon2id.recommended());
		report("Java wrap private key, Argon2id 19 MiB/2/1", (System.nanoTime() - start) / 1e6, "ms");
	}

	private static void browser(List<byte[]> book) throws Exception {
		if (!HeadlessChromium.available()) {
			System.out.println("Chromium: not found at " + HeadlessChromium.CHROMIUM + ", browser numbers skipped");
			return;
		}
		List<String> entries = book.stream()
			.map((entry) -> java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(entry))
			.toList();
		byte[] fixture = new ObjectMapper()
			.writeValueAsBytes(Map.of("organisationId", TestKeyBooks.ORGANISATION.toString(), "entries", entries));
		try (BrowserPages chromium = new BrowserPages(Map.of("/keybook-bench.json", fixture))) {
			JsonNode result = new ObjectMapper().readTree(chromium.run("/browser/bench.html", 300));
			result.fields()
				.forEachRemaining((field) -> System.out.printf(Locale.ROOT, "Chromium %-44s %s%n", field.getKey(),
						field.getValue().asText()));
		}
	}

	private static double rate(Operation operation) throws Exception {
		// warm up for a second so that the JIT has compiled the AES-GCM and X25519 paths
		long warmUp = System.nanoTime();
		while (System.nanoTime() - warmUp < MEASURE_NANOS / 2) {
			operation.run();
		}
		long count = 0;
		long start = System.nanoTime();
		long elapsed;
		do {
			operation.run();
			count++;
			elapsed = System.nanoTime() - start;
		}
		while (elapsed < MEASURE_NANOS);
		return count / (elapsed / 1e9);
	}

	private static void report(String name, double value, String unit) {
		System.out.printf(Locale.ROOT, "%-52s %12.1f %s%n", name, value, unit);
	}

	@FunctionalInterface
	private interface Operation {

		void run() throws Exception;

	}

}

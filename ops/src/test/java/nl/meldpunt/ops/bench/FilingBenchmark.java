package nl.meldpunt.ops.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.meldpunt.crypto.CaseKey;
import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.EnvelopeBinding;
import nl.meldpunt.crypto.ItemBinding;
import nl.meldpunt.crypto.ItemKind;
import nl.meldpunt.crypto.RecipientPublicKey;
import nl.meldpunt.crypto.ReporterToken;
import nl.meldpunt.ops.LaunchSettings;
import nl.meldpunt.ops.MeldpuntSystem;

/**
 * Filing throughput end to end: 32 concurrent clients post real, browser-shaped filings
 * (each sealed for the demo organisation's advisers and its own reporter key) to the
 * portal, which forwards them to the case service, which stores them in PostgreSQL. Then
 * it prints the system's memory. A program, not a test:
 * {@code ./mvnw -B -q -pl ops -am verify -DskipTests -Pfiling-benchmark}.
 *
 * <p>
 * Options (system properties): {@code bench.filings} (20000), {@code bench.clients} (32),
 * {@code bench.portal} (a running portal's URL instead of starting a fresh system).
 */
public final class FilingBenchmark {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private FilingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int filings = Integer.getInteger("bench.filings", 20_000);
		int clients = Integer.getInteger("bench.clients", 32);
		String portal = System.getProperty("bench.portal");
		MeldpuntSystem system = null;
		if (portal == null) {
			system = startFreshSystem();
			portal = system.portalUrl();
		}
		try {
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.executor(Executors.newFixedThreadPool(4))
				.build();
			JsonNode organisation = JSON.readTree(get(http, portal + "/api/o/demo"));
			System.out.printf("Sealing %d + %d warm-up filings for %d advisers …%n", filings, filings / 10,
					organisation.path("advisers").size());
			List<String> warmUp = seal(organisation, filings / 10);
			List<String> measured = seal(organisation, filings);

			run(http, portal, warmUp, clients);
			Result result = run(http, portal, measured, clients);
			System.out.printf("Filing: %d reports in %.2f s = %.0f reports/s with %d clients; errors: %d %s%n",
					result.count, result.seconds, result.count / result.seconds, clients, result.errors,
					result.errorsByStatus);
			System.out.printf("Latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", result.percentile(50),
					result.percentile(95), result.percentile(99), result.percentile(100));
			if (system != null) {
				SystemMemory.print(system);
			}
		}
		finally {
			if (system != null) {
				system.close();
			}
		}
	}

	private static MeldpuntSystem startFreshSystem() throws IOException {
		var data = Files.createTempDirectory("meldpunt-bench");
		System.setProperty("meldpunt.logs", data.resolve("logs").toString());
		LaunchSettings settings = new LaunchSettings(data,
				java.nio.file.Path.of("ops", "target", "apps").toAbsolutePath().toFile().isDirectory()
						? java.nio.file.Path.of("ops", "target", "apps").toAbsolutePath()
						: java.nio.file.Path.of("target", "apps").toAbsolutePath(),
				freePort(), freePort(), true, Optional.empty(), "");
		System.out.println("Starting a fresh system in demo mode …");
		return MeldpuntSystem.start(settings, (line) -> {
		});
	}

	private static List<String> seal(JsonNode organisation, int count) {
		UUID organisationId = UUID.fromString(organisation.path("organisationId").asText());
		List<Recipient> advisers = new ArrayList<>();
		for (JsonNode adviser : organisation.path("advisers")) {
			advisers.add(new Recipient(UUID.fromString(adviser.path("id").asText()),
					publicKey(adviser.path("publicKey").asText())));
		}
		byte[] report = "Wat er gebeurde: een melding van ongeveer twee kilobyte. ".repeat(36)
			.getBytes(StandardCharsets.UTF_8);
		return IntStream.range(0, count).parallel().mapToObj((i) -> filing(organisationId, advisers, report)).toList();
	}

	private static String filing(UUID organisationId, List<Recipient> advisers, byte[] report) {
		UUID caseId = UUID.randomUUID();
		UUID itemId = UUID.randomUUID();
		ReporterToken token = ReporterToken.generate();
		CaseKey caseKey = CaseKey.generate();
		StringBuilder json = new StringBuilder(4096);
		json.append("{\"caseId\":\"").append(caseId).append("\",\"route\":\"ADVISERS\",\"excludedAdviserIds\":[]");
		json.append(",\"mailboxCredential\":\"")
			.append(B64.encodeToString(token.mailboxCredential().toBytes()))
			.append('"');
		json.append(",\"reporterPublicKey\":\"")
			.append(B64.encodeToString(token.reporterKey().publicKey().toBytes()))
			.append('"');
		byte[] sealed = caseKey.seal(report, new ItemBinding(organisationId, caseId, itemId, ItemKind.REPORT))
			.toBytes();
		json.append(",\"report\":{\"itemId\":\"")
			.append(itemId)
			.append("\",\"ciphertext\":\"")
			.append(B64.encodeToString(sealed))
			.append("\"}");
		json.append(",\"keyEnvelopes\":[");
		for (Recipient adviser : advisers) {
			byte[] envelope = adviser.key
				.seal(caseKey, EnvelopeBinding.forRecipient(organisationId, caseId, adviser.id))
				.toBytes();
			json.append("{\"recipientKind\":\"ADVISER\",\"recipientId\":\"")
				.append(adviser.id)
				.append("\",\"envelope\":\"")
				.append(B64.encodeToString(envelope))
				.append("\"},");
		}
		byte[] own = token.reporterKey()
			.publicKey()
			.seal(caseKey, EnvelopeBinding.forReporter(organisationId, caseId))
			.toBytes();
		json.append("{\"recipientKind\":\"REPORTER\",\"recipientId\":\"reporter\",\"envelope\":\"")
			.append(B64.encodeToString(own))
			.append("\"}],\"language\":\"nl\"}");
		return json.toString();
	}

	private static Result run(HttpClient http, String portal, List<String> bodies, int clients) throws Exception {
		URI uri = URI.create(portal + "/api/o/demo/cases");
		AtomicInteger next = new AtomicInteger();
		long[] latencies = new long[bodies.size()];
		ConcurrentHashMap<Integer, AtomicInteger> errors = new ConcurrentHashMap<>();
		AtomicInteger shown = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			workers.add(pool.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < bodies.size()) {
					HttpRequest request = HttpRequest.newBuilder(uri)
						.header("Content-Type", "application/json")
						.timeout(Duration.ofSeconds(30))
						.POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
						.build();
					long sent = System.nanoTime();
					int status;
					String answer;
					try {
						HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
						status = response.statusCode();
						answer = response.body();
					}
					catch (IOException ex) {
						status = -1;
						answer = ex.toString();
					}
					latencies[i] = System.nanoTime() - sent;
					if (status != 201) {
						errors.computeIfAbsent(status, (s) -> new AtomicInteger()).incrementAndGet();
						if (shown.getAndIncrement() == 0) {
							System.out.println("First refusal (" + status + "): " + answer);
						}
					}
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		int errorCount = errors.values().stream().mapToInt(AtomicInteger::get).sum();
		return new Result(bodies.size(), seconds, errorCount, errors.toString(), latencies);
	}

	private static String get(HttpClient http, String url) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static RecipientPublicKey publicKey(String base64url) {
		try {
			return RecipientPublicKey.fromBytes(Base64.getUrlDecoder().decode(base64url));
		}
		catch (CryptoException ex) {
			throw new IllegalStateException("the portal served an invalid adviser key", ex);
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private record Recipient(UUID id, RecipientPublicKey key) {
	}

	private record Result(int count, double seconds, int errors, String errorsByStatus, long[] latencies) {

		double percentile(int p) {
			long[] sorted = this.latencies.clone();
			Arrays.sort(sorted);
			int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
			return sorted[Math.max(0, index)] / 1e6;
		}

	}

}

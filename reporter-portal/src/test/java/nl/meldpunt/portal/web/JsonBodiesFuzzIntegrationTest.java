package nl.meldpunt.portal.web;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import nl.meldpunt.internalapi.FilingRequest;
import nl.meldpunt.internalapi.NewAttachment;
import nl.meldpunt.internalapi.NewMessage;
import nl.meldpunt.internalapi.servlet.ReplayedRequest;
import nl.meldpunt.portal.PortalProperties;
import nl.meldpunt.portal.PortalTest;
import nl.meldpunt.portal.TestReports;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's one JSON edge ({@link JsonBodies}) under 100,000 generated bodies for each
 * parser at the reporter's edge: the filing, the mailbox message and the attachment
 * announcement. Each case is a valid body changed by a seeded generator: first, for a
 * pool of variants, values swapped for other types (null, huge and negative numbers,
 * 1e2000, 70,000-character and control-character strings, 500-element arrays, empty
 * objects), fields inserted or removed; then, per case, one to three byte mutations
 * (flip, cut, insert, repeat, truncate, 1-3,000 levels of nesting). The only outcomes
 * allowed are the documented ones: bound, or refused with 400 {@code invalid-request},
 * 400 {@code malformed-ciphertext} or 413 {@code request-too-large}; never another
 * exception. The cases are driven through the bean the application uses (no HTTP per
 * case); then a few hundred go over real HTTP and the portal must still file a valid
 * report and be healthy. Counts are printed.
 */
class JsonBodiesFuzzIntegrationTest extends PortalTest {

	private static final int CASES = 100_000;

	private static final int VARIANTS = 256;

	private static final int OVER_HTTP = 300;

	private static final long SEED = 20261126L;

	private static final Set<String> DOCUMENTED = Set.of("bound", "400 invalid-request", "400 malformed-ciphertext",
			"413 request-too-large");

	@Autowired
	JsonBodies bodies;

	@Autowired
	ObjectMapper json;

	@Autowired
	PortalProperties properties;

	@LocalServerPort
	int port;

	@Test
	void filingWhenFuzzedThenBoundOrRefusedAsDocumentedAndThePortalStillFilesOverHttp() throws Exception {
		TestReports reports = new TestReports(caseService);
		JsonNode valid = this.json.valueToTree(reports.filing("fuzz"));
		Map<String, Integer> outcomes = fuzz(valid, FilingRequest.class, SEED);
		assertThat(outcomes.keySet()).as("%s", outcomes).contains("bound", "400 invalid-request");

		HttpClient http = HttpClient.newHttpClient();
		Random random = new Random(SEED + 10);
		List<byte[]> variants = variants(valid, random);
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (int i = 0; i < OVER_HTTP; i++) {
			byte[] body = mutateBytes(variants.get(random.nextInt(variants.size())), random);
			HttpResponse<String> answer = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/o/demo/cases"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofByteArray(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			statuses.merge(answer.statusCode(), 1, Integer::sum);
			assertThat(answer.statusCode()).as("over HTTP, case %d", i).isIn(200, 201, 400, 409, 413, 422, 429);
			assertThat(answer.headers().firstValue("Content-Type").orElse("")).as("over HTTP, case %d", i)
				.satisfiesAnyOf((type) -> assertThat(type).isEmpty(),
						(type) -> assertThat(type).startsWith("application/problem+json"),
						(type) -> assertThat(type).startsWith("application/json"));
		}
		System.out.printf("filing over HTTP: %d cases, statuses %s%n", OVER_HTTP, statuses);
		TestReports fresh = new TestReports(caseService);
		HttpResponse<String> filed = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/o/demo/cases"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(fresh.filing("after"))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(filed.statusCode()).isIn(201, 429);
		HttpResponse<String> health = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/liveness"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(health.body()).contains("UP");
	}

	@Test
	void mailboxMessageWhenFuzzedThenBoundOrRefusedAsDocumented() throws Exception {
		TestReports reports = new TestReports(caseService);
		Map<String, Integer> outcomes = fuzz(this.json.valueToTree(reports.message("fuzz")), NewMessage.class,
				SEED + 1);
		assertThat(outcomes.keySet()).as("%s", outcomes).contains("bound", "400 invalid-request");
	}

	@Test
	void attachmentAnnouncementWhenFuzzedThenBoundOrRefusedAsDocumented() throws Exception {
		TestReports reports = new TestReports(caseService);
		ObjectNode attachment = JsonNodeFactory.instance.objectNode();
		attachment.put("attachmentId", UUID.randomUUID().toString());
		attachment.put("metaCiphertext", reports.message("meta").get("ciphertext").toString());
		attachment.put("chunkCount", 3);
		attachment.put("totalBytes", 2_500_000);
		Map<String, Integer> outcomes = fuzz(attachment, NewAttachment.class, SEED + 2);
		assertThat(outcomes.keySet()).as("%s", outcomes).contains("bound", "400 invalid-request");
	}

	/** Counts the outcomes by kind; fails on the first undocumented one. */
	private Map<String, Integer> fuzz(JsonNode valid, Class<?> type, long seed) throws Exception {
		long limit = RequestSizeLimit.jsonLimit(this.properties);
		Random random = new Random(seed);
		List<byte[]> variants = variants(valid, random);
		Map<String, Integer> outcomes = new TreeMap<>();
		long started = System.nanoTime();
		long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		for (int i = 0; i < CASES; i++) {
			byte[] variant = variants.get(random.nextInt(variants.size()));
			byte[] body = (i < variants.size()) ? variants.get(i) : mutateBytes(variant, random);
			String outcome = outcome(body, type, limit);
			if (!DOCUMENTED.contains(outcome)) {
				throw new AssertionError("case " + i + " of seed " + seed + ": " + outcome + " for "
						+ new String(body, 0, Math.min(body.length, 2000), StandardCharsets.UTF_8));
			}
			outcomes.merge(outcome, 1, Integer::sum);
		}
		System.out.printf("%s fuzz: %d cases in %d ms CPU (%d ms wall), outcomes %s%n", type.getSimpleName(), CASES,
				(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1_000_000,
				(System.nanoTime() - started) / 1_000_000, outcomes);
		// afterwards the same edge still binds the valid body
		assertThat(outcome(this.json.writeValueAsBytes(valid), type, limit)).isEqualTo("bound");
		return outcomes;
	}

	private String outcome(byte[] body, Class<?> type, long limit) {
		MockHttpServletRequest mock = new MockHttpServletRequest("POST", "/api/o/demo/cases");
		mock.setContentType("application/json");
		mock.setContent(body);
		// the mock's stream reads one byte per call; Tomcat's reads blocks, as the
		// replayed one does
		HttpServletRequest request = new ReplayedRequest(mock, body);
		try {
			this.bodies.read(request, type, limit);
			return "bound";
		}
		catch (PortalProblem problem) {
			return problem.status() + " " + problem.slug();
		}
		catch (RuntimeException ex) {
			return ex.toString();
		}
	}

	/**
	 * The valid body and {@link #VARIANTS} tree-level variants of it, serialised once.
	 */
	private List<byte[]> variants(JsonNode valid, Random random) throws Exception {
		List<byte[]> variants = new ArrayList<>();
		variants.add(this.json.writeValueAsBytes(valid));
		for (int i = 1; i < VARIANTS; i++) {
			JsonNode tree = valid.deepCopy();
			for (int k = 1 + random.nextInt(2); k > 0; k--) {
				tree = replaceValue(tree, random);
			}
			variants.add(this.json.writeValueAsBytes(tree));
		}
		return variants;
	}

	private static final List<Function<Random, JsonNode>> VALUES = List.of((r) -> JsonNodeFactory.instance.nullNode(),
			(r) -> JsonNodeFactory.instance.numberNode(r.nextLong()),
			(r) -> JsonNodeFactory.instance.numberNode(new BigDecimal("1e" + r.nextInt(2_000))),
			(r) -> JsonNodeFactory.instance.numberNode(-1), (r) -> JsonNodeFactory.instance.textNode(""),
			(r) -> JsonNodeFactory.instance.booleanNode(r.nextBoolean()), (r) -> JsonNodeFactory.instance.arrayNode(),
			(r) -> JsonNodeFactory.instance.objectNode(),
			(r) -> JsonNodeFactory.instance.textNode("a".repeat(r.nextInt(70_000))),
			(r) -> JsonNodeFactory.instance.textNode("\u0000\uFFFF\uD800"),
			(r) -> JsonNodeFactory.instance.textNode("AAAA" + "-_".repeat(r.nextInt(40))),
			(r) -> JsonNodeFactory.instance.textNode(new UUID(r.nextLong(), r.nextLong()).toString()),
			(r) -> JsonNodeFactory.instance.textNode("ADVISERS"), (r) -> JsonNodeFactory.instance.textNode("HOTLINE"),
			(r) -> {
				ArrayNode many = JsonNodeFactory.instance.arrayNode();
				for (int k = r.nextInt(500); k > 0; k--) {
					many.add(new UUID(r.nextLong(), r.nextLong()).toString());
				}
				return many;
			});

	/** One value somewhere in the tree (or the tree itself) swapped for another. */
	private static JsonNode replaceValue(JsonNode tree, Random random) {
		List<JsonNode> containers = new ArrayList<>();
		collect(tree, containers);
		JsonNode replacement = VALUES.get(random.nextInt(VALUES.size())).apply(random);
		if (containers.isEmpty() || random.nextInt(50) == 0) {
			return replacement;
		}
		JsonNode container = containers.get(random.nextInt(containers.size()));
		if (container instanceof ObjectNode object) {
			List<String> names = new ArrayList<>();
			object.fieldNames().forEachRemaining(names::add);
			if (names.isEmpty() || random.nextInt(10) == 0) {
				object.set("extra" + random.nextInt(3), replacement);
			}
			else if (random.nextInt(8) == 0) {
				object.remove(names.get(random.nextInt(names.size())));
			}
			else {
				object.set(names.get(random.nextInt(names.size())), replacement);
			}
		}
		else if (container instanceof ArrayNode array) {
			if (array.isEmpty() || random.nextBoolean()) {
				array.add(replacement);
			}
			else {
				array.set(random.nextInt(array.size()), replacement);
			}
		}
		return tree;
	}

	private static void collect(JsonNode node, List<JsonNode> containers) {
		if (node.isContainerNode()) {
			containers.add(node);
			for (Iterator<JsonNode> children = node.elements(); children.hasNext();) {
				collect(children.next(), containers);
			}
		}
	}

	private static final byte[] ALPHABET = "{}[]\":,\\0123456789.eE+-truefalsnl \t\n\u00ff\u0000/\u00e9"
		.getBytes(StandardCharsets.ISO_8859_1);

	/** One to three byte-level changes. */
	private static byte[] mutateBytes(byte[] bytes, Random random) {
		for (int m = 1 + random.nextInt(3); m > 0; m--) {
			bytes = mutateOnce(bytes, random);
		}
		return bytes;
	}

	private static byte[] mutateOnce(byte[] bytes, Random random) {
		if (bytes.length == 0) {
			return "{".getBytes(StandardCharsets.US_ASCII);
		}
		int at = random.nextInt(bytes.length);
		int length = 1 + random.nextInt(Math.min(64, bytes.length - at));
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
		switch (random.nextInt(6)) {
			case 0 -> {
				byte[] copy = bytes.clone();
				copy[at] = random.nextBoolean() ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte) random.nextInt();
				return copy;
			}
			case 1 -> {
				out.write(bytes, 0, at);
				out.write(bytes, at + length, bytes.length - at - length);
			}
			case 2 -> {
				out.write(bytes, 0, at);
				for (int k = 0; k < length; k++) {
					out.write(ALPHABET[random.nextInt(ALPHABET.length)]);
				}
				out.write(bytes, at, bytes.length - at);
			}
			case 3 -> {
				out.write(bytes, 0, at + length);
				out.write(bytes, at, bytes.length - at);
			}
			case 4 -> out.write(bytes, 0, at);
			default -> {
				out.write(bytes, 0, at);
				for (int k = 1 + random.nextInt(3000); k > 0; k--) {
					out.write('[');
				}
				out.write(bytes, at, bytes.length - at);
			}
		}
		return out.toByteArray();
	}

}

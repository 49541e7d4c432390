package nl.meldpunt.ops.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code wrk} as the load generator (a few hundredths of a millisecond of CPU
 * per request, where a Java client costs more than half a millisecond): each connection
 * posts pre-sealed, unique filings read from a file, one a line; a Lua script counts the
 * answers by status. Should a run outlast the file, the filings come round again and are
 * counted as repeats (200), never as new ones.
 */
final class WrkLoad {

	private static final String SCRIPT = """
			local bodies = {}
			local idx = 0
			c201, c200, cother = 0, 0, 0
			local counter = 0
			local threads = {}
			function setup(thread)
			  thread:set("id", counter)
			  counter = counter + 1
			  table.insert(threads, thread)
			end
			function init(args)
			  local n, total = 0, tonumber(args[2])
			  for line in io.lines(args[1]) do
			    if n % total == id then table.insert(bodies, line) end
			    n = n + 1
			  end
			  wrk.method = "POST"
			  wrk.headers["Content-Type"] = "application/json"
			  if args[3] ~= nil and args[3] ~= "" then wrk.headers["Authorization"] = "Bearer " .. args[3] end
			end
			function request()
			  idx = idx % #bodies + 1
			  return wrk.format(nil, nil, nil, bodies[idx])
			end
			function response(status, headers, body)
			  if status == 201 then c201 = c201 + 1 elseif status == 200 then c200 = c200 + 1 else cother = cother + 1 end
			end
			function done(summary, latency, requests)
			  local a, b, o = 0, 0, 0
			  for _, t in ipairs(threads) do a = a + t:get("c201"); b = b + t:get("c200"); o = o + t:get("cother") end
			  local e = summary.errors
			  io.write(string.format("RESULT us=%d c201=%d c200=%d other=%d socket=%d timeout=%d p50=%d p95=%d p99=%d max=%d\\n",
			    summary.duration, a, b, o, e.connect + e.read + e.write, e.timeout,
			    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
			end
			""";

	private static final Pattern RESULT = Pattern.compile(
			"RESULT us=(\\d+) c201=(\\d+) c200=(\\d+) other=(\\d+) socket=(\\d+) timeout=(\\d+) p50=(\\d+) p95=(\\d+) p99=(\\d+) max=(\\d+)");

	/**
	 * One run's outcome.
	 *
	 * @param seconds measured time
	 * @param created answers 201
	 * @param repeats answers 200 (a filing sent again)
	 * @param refused other statuses
	 * @param socketErrors connect, read, write errors and timeouts
	 * @param p50 latency in ms
	 */
	record Outcome(double seconds, long created, long repeats, long refused, long socketErrors, double p50, double p95,
			double p99, double max) {

		long acknowledged() {
			return this.created + this.repeats;
		}

		long errors() {
			return this.refused + this.socketErrors;
		}

		double perSecond() {
			return acknowledged() / this.seconds;
		}

	}

	private WrkLoad() {
	}

	/** Writes {@code bodies} to a file, one a line, for {@link #run}. */
	static Path write(Path folder, String name, List<String> bodies) throws IOException {
		Path file = folder.resolve(name + ".jsonl");
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (String body : bodies) {
				out.write(body);
				out.write('\n');
			}
		}
		return file;
	}

	static Outcome run(Path folder, String url, Path bodies, String bearer, int connections, Duration duration)
			throws IOException, InterruptedException {
		Path script = folder.resolve("filings.lua");
		if (!Files.exists(script)) {
			Files.writeString(script, SCRIPT);
		}
		int threads = 2;
		List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections,
				"-d" + duration.toSeconds() + "s", "--timeout", "10s", "-s", script.toString(), url, "--",
				bodies.toString(), Integer.toString(threads), (bearer != null) ? bearer : ""));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		// the secret reaches wrk as an argument: a benchmark on a throw-away system only
		Map<String, String> env = builder.environment();
		env.remove("JAVA_TOOL_OPTIONS");
		Process wrk = builder.start();
		String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (wrk.waitFor() != 0) {
			throw new IOException("wrk failed: " + output);
		}
		Matcher m = RESULT.matcher(output);
		if (!m.find()) {
			throw new IOException("no result from wrk: " + output);
		}
		return new Outcome(Long.parseLong(m.group(1)) / 1e6, Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
				Long.parseLong(m.group(4)), Long.parseLong(m.group(5)) + Long.parseLong(m.group(6)),
				Long.parseLong(m.group(7)) / 1e3, Long.parseLong(m.group(8)) / 1e3, Long.parseLong(m.group(9)) / 1e3,
				Long.parseLong(m.group(10)) / 1e3);
	}

}

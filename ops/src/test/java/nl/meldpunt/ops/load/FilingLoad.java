package nl.meldpunt.ops.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients filing through the portal until told to stop (or a hard time limit passes):
 * each files one sealed report after another and remembers every answer. A filing whose
 * answer was 201 (or 200, the same filing accepted earlier) is <em>acknowledged</em>: the
 * reporter was shown a token link for it, so it must survive whatever happens next.
 * Failed filings are not retried (a reporter would retry with the same case id; the
 * idempotency is tested elsewhere).
 *
 * <p>
 * Reusable against any intake (one filing per transaction today, batched later): it only
 * speaks the portal's public API.
 */
public final class FilingLoad implements AutoCloseable {

	private final String portalUrl;

	private final DemoFilings filings;

	private final ExecutorService pool;

	private final HttpClient http;

	private final List<Future<?>> clients = new ArrayList<>();

	private final AtomicBoolean stop = new AtomicBoolean();

	private final Map<UUID, Integer> answers = new ConcurrentHashMap<>();

	private final Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();

	private final AtomicLong acknowledged = new AtomicLong();

	private final long deadline;

	private FilingLoad(String portalUrl, DemoFilings filings, int clients, Duration limit) {
		this.portalUrl = portalUrl;
		this.filings = filings;
		this.pool = Executors.newFixedThreadPool(clients);
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(Executors.newFixedThreadPool(4, (r) -> {
				Thread thread = new Thread(r, "filing-load-http");
				thread.setDaemon(true);
				return thread;
			}))
			.build();
		this.deadline = System.nanoTime() + limit.toNanos();
	}

	/** Starts the clients; they file until {@link #stop()} or the time limit. */
	public static FilingLoad start(String portalUrl, int clients, Duration limit)
			throws IOException, InterruptedException {
		return start(portalUrl, DemoFilings.forPortal(portalUrl), clients, limit);
	}

	/** Waits until the portal serves the demo organisation (after a restart). */
	public static void awaitPortal(String portalUrl, Duration timeout) throws InterruptedException {
		long until = System.nanoTime() + timeout.toNanos();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		while (true) {
			try {
				HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(portalUrl + "/api/o/demo"))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.discarding());
				if (answer.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			if (System.nanoTime() > until) {
				throw new AssertionError("the portal did not serve /api/o/demo within " + timeout.toSeconds() + " s");
			}
			Thread.sleep(500);
		}
	}

	/** Starts the clients with these filings. */
	public static FilingLoad start(String portalUrl, DemoFilings filings, int clients, Duration limit) {
		FilingLoad load = new FilingLoad(portalUrl, filings, clients, limit);
		for (int i = 0; i < clients; i++) {
			load.clients.add(load.pool.submit(load::file));
		}
		return load;
	}

	private void file() {
		URI uri = URI.create(this.portalUrl + "/api/o/demo/cases");
		while (!this.stop.get() && System.nanoTime() < this.deadline) {
			DemoFilings.Filing filing = this.filings.next();
			HttpRequest request = HttpRequest.newBuilder(uri)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString(filing.body()))
				.build();
			int status;
			try {
				status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			}
			catch (IOException ex) {
				status = -1;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			this.answers.put(filing.caseId(), status);
			this.byStatus.computeIfAbsent(status, (s) -> new AtomicInteger()).incrementAndGet();
			if (status == 201 || status == 200) {
				this.acknowledged.incrementAndGet();
			}
			else {
				// the system is down or restarting: wait as a person would, do not spin
				sleep(1000);
			}
		}
	}

	/** Waits until this many filings in all were acknowledged; false on time-out. */
	public boolean awaitAcknowledged(long count, Duration timeout) throws InterruptedException {
		long until = System.nanoTime() + timeout.toNanos();
		while (this.acknowledged.get() < count) {
			if (System.nanoTime() > until || allClientsDone()) {
				return false;
			}
			Thread.sleep(50);
		}
		return true;
	}

	public long acknowledgedCount() {
		return this.acknowledged.get();
	}

	/** Stops the clients and waits for the filings in flight to be answered. */
	public void stop() throws InterruptedException {
		this.stop.set(true);
		this.pool.shutdown();
		this.pool.awaitTermination(2, TimeUnit.MINUTES);
	}

	/** Every filing acknowledged (201 or 200). */
	public Set<UUID> acknowledged() {
		Set<UUID> ids = ConcurrentHashMap.newKeySet();
		this.answers.forEach((id, status) -> {
			if (status == 201 || status == 200) {
				ids.add(id);
			}
		});
		return ids;
	}

	/** How many key envelopes each filing carries. */
	public int envelopesPerFiling() {
		return this.filings.envelopesPerFiling();
	}

	public int sent() {
		return this.answers.size();
	}

	/** Answers by HTTP status (-1: no answer), for the printout. */
	public Map<Integer, AtomicInteger> byStatus() {
		return this.byStatus;
	}

	private boolean allClientsDone() {
		return this.clients.stream().allMatch(Future::isDone);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

}

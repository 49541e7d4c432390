package nl.meldpunt.caseservice.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import nl.meldpunt.caseservice.casefile.CaseFile;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.internalapi.FilingRequest;

/**
 * Group commit for filings: request threads put their filing in a queue and wait; a few
 * writer threads each take what has arrived (up to the batch size, waiting at most the
 * configured time for more) and have {@link CaseIntake} check and store it in one
 * transaction. Every filing is answered only after the commit that stored it, so nothing
 * is acknowledged that is not durable.
 *
 * <p>
 * A batch whose transaction fails has stored nothing; then each of its filings is tried
 * again alone, so every one gets the answer it would have had on its own (a refusal, a
 * repeat, or an error) and none is lost. The queue is bounded by the server's request
 * threads: each waits for its own filing.
 */
@Component
class IntakeBatches implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IntakeBatches.class);

	/** A filing in the queue, and the request waiting for it. */
	private record Waiting(CaseIntake.Pending pending, CompletableFuture<CaseFile.Filed> answer) {
	}

	private final CaseIntake intake;

	private final IntakeSettings settings;

	private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();

	private final List<Thread> writers = new ArrayList<>();

	private volatile boolean running;

	IntakeBatches(CaseIntake intake, IntakeSettings settings) {
		this.intake = intake;
		this.settings = settings;
	}

	/**
	 * Files one report; returns once it is committed (or was stored before), throws the
	 * {@link Refusal} it earned otherwise.
	 */
	CaseFile.Filed file(String slug, FilingRequest request) {
		if (!this.running) {
			throw new Refusal(Problem.INTERNAL_ERROR, "The service is stopping; send the report again.");
		}
		CompletableFuture<CaseFile.Filed> answer = new CompletableFuture<>();
		this.queue.add(new Waiting(new CaseIntake.Pending(slug, request), answer));
		try {
			return answer.get(this.settings.answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new Refusal(Problem.INTERNAL_ERROR,
					"Filing took too long; send the report again (it is never stored twice).");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Refusal(Problem.INTERNAL_ERROR, "Filing was interrupted; send the report again.");
		}
	}

	private void write() {
		List<Waiting> batch = new ArrayList<>(this.settings.batchSize());
		while (this.running || !this.queue.isEmpty()) {
			try {
				Waiting first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				collect(batch);
				answer(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// answer() answers everyone; this is a last guard so that a writer never
				// dies and leaves requests waiting
				log.error("Filing writer failed", ex);
				batch.forEach((waiting) -> waiting.answer().completeExceptionally(ex));
			}
			finally {
				batch.clear();
			}
		}
	}

	/** Adds what has arrived, waiting at most {@code maxWait} for the batch to fill. */
	private void collect(List<Waiting> batch) throws InterruptedException {
		int size = this.settings.batchSize();
		this.queue.drainTo(batch, size - batch.size());
		long deadline = System.nanoTime() + this.settings.maxWait().toNanos();
		while (batch.size() < size) {
			long left = deadline - System.nanoTime();
			Waiting next = (left > 0) ? this.queue.poll(left, TimeUnit.NANOSECONDS) : null;
			if (next == null) {
				return;
			}
			batch.add(next);
			this.queue.drainTo(batch, size - batch.size());
		}
	}

	private void answer(List<Waiting> batch) {
		List<CaseIntake.Outcome> outcomes;
		try {
			outcomes = this.intake.fileAll(batch.stream().map(Waiting::pending).toList());
		}
		catch (RuntimeException ex) {
			if (batch.size() > 1) {
				// nothing of the batch was stored: each filing on its own
				log.warn("A batch of {} filings failed ({}); filing each alone", batch.size(),
						ex.getClass().getSimpleName());
			}
			batch.forEach(this::alone);
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			complete(batch.get(i), outcomes.get(i));
		}
	}

	/**
	 * One filing in its own transaction. A duplicate key means the same filing raced with
	 * itself (a retry on a slow network, in another writer's batch): once that batch has
	 * committed the second attempt finds it and answers like any repeat.
	 */
	private void alone(Waiting waiting) {
		List<CaseIntake.Pending> one = List.of(waiting.pending());
		try {
			CaseIntake.Outcome outcome;
			try {
				outcome = this.intake.fileAll(one).get(0);
			}
			catch (DataIntegrityViolationException ex) {
				try {
					outcome = this.intake.fileAll(one).get(0);
				}
				catch (DataIntegrityViolationException again) {
					outcome = new CaseIntake.Outcome(null,
							new Refusal(Problem.CASE_ID_TAKEN, "This case id is already in use."));
				}
			}
			complete(waiting, outcome);
		}
		catch (RuntimeException ex) {
			waiting.answer().completeExceptionally(ex);
		}
	}

	private static void complete(Waiting waiting, CaseIntake.Outcome outcome) {
		if (outcome.refusal() != null) {
			waiting.answer().completeExceptionally(outcome.refusal());
		}
		else {
			waiting.answer().complete(outcome.filed());
		}
	}

	@Override
	public void start() {
		this.running = true;
		for (int i = 0; i < this.settings.writers(); i++) {
			Thread writer = new Thread(this::write, "filing-writer-" + i);
			writer.start();
			this.writers.add(writer);
		}
	}

	/** Stops taking filings, writes those already queued, then ends the writers. */
	@Override
	public void stop() {
		this.running = false;
		for (Thread writer : this.writers) {
			try {
				writer.join(this.settings.answerTimeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		this.writers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Started before and stopped after the web server (and its graceful shutdown):
	 * requests still in flight while it drains need the writers.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

}

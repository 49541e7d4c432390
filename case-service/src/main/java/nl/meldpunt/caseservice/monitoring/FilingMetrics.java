package nl.meldpunt.caseservice.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import nl.meldpunt.caseservice.casefile.CasesFiled;

/**
 * {@code meldpunt_filings_total}: new cases, counted once their transaction committed (a
 * repeated filing is no new case). The event's organisation and case are not used.
 */
@Component
class FilingMetrics {

	private final Counter filings;

	FilingMetrics(MeterRegistry registry) {
		this.filings = Counter.builder("meldpunt.filings").description("New cases filed").register(registry);
	}

	/** A batch of the intake: every case in it is new (repeats are not in it). */
	@TransactionalEventListener
	void on(CasesFiled filed) {
		this.filings.increment(filed.cases().size());
	}

}

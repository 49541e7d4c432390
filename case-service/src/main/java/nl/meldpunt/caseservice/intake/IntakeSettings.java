package nl.meldpunt.caseservice.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How filings are batched ({@code meldpunt.intake.*}). Filings that arrive together are
 * written in one transaction and each is answered after its commit (group commit).
 *
 * @param batchSize the most filings in one transaction
 * @param maxWait how long a writer waits for more filings once it has one; zero writes
 * whatever has arrived at once
 * @param writers transactions writing batches at the same time
 * @param answerTimeout how long a request waits for its batch before it is answered with
 * an error (the filing may still be stored; the browser's retry is then a repeat)
 */
@ConfigurationProperties("meldpunt.intake")
record IntakeSettings(@DefaultValue("64") int batchSize, @DefaultValue("1ms") Duration maxWait,
		@DefaultValue("2") int writers, @DefaultValue("30s") Duration answerTimeout) {

	IntakeSettings {
		if (batchSize < 1 || writers < 1 || maxWait.isNegative() || answerTimeout.isNegative()
				|| answerTimeout.isZero()) {
			throw new IllegalArgumentException("meldpunt.intake: batch-size and writers at least 1, max-wait"
					+ " not negative, answer-timeout positive");
		}
	}

}

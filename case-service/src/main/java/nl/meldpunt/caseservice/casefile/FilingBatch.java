package nl.meldpunt.caseservice.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;

/**
 * Filings written together in one transaction ({@link CaseFile#startFiling}, then
 * {@link CaseFile#store}). It knows the cases stored earlier under the batch's case ids
 * and credentials, and every filing added to it, so that a retried filing, inside the
 * batch or across batches, is answered as a repeat and stores nothing, and a case id or
 * credential of somebody else's case is refused before anything is written. Not
 * thread-safe: one writer fills and stores it.
 */
public final class FilingBatch {

	/** What the batch knows of a case: stored earlier, or added to this batch. */
	record Known(UUID caseId, UUID organisationId, String credentialHash, CaseState state, LocalDate receivedOn) {

		CaseFile.Filed filed(boolean created) {
			return new CaseFile.Filed(this.caseId, this.state, this.receivedOn, DueDates.acknowledgeBy(this.receivedOn),
					created);
		}

	}

	private final LocalDate today;

	private final Map<UUID, Known> byId = new HashMap<>();

	private final Map<String, UUID> byCredential = new HashMap<>();

	private final List<NewFiling> added = new ArrayList<>();

	FilingBatch(LocalDate today, List<Known> earlier) {
		this.today = today;
		earlier.forEach(this::remember);
	}

	/**
	 * The earlier filing of the same case by the same reporter of the same organisation
	 * (a retry), empty when the case is new; refused when the case id or the credential
	 * belongs to another case.
	 */
	public Optional<CaseFile.Filed> repeatOf(UUID caseId, UUID organisationId, String credentialHash) {
		Known known = this.byId.get(caseId);
		if (known != null) {
			if (known.organisationId().equals(organisationId) && known.credentialHash().equals(credentialHash)) {
				return Optional.of(known.filed(false));
			}
			throw taken();
		}
		if (this.byCredential.containsKey(credentialHash)) {
			throw taken();
		}
		return Optional.empty();
	}

	/**
	 * Adds a filing intake has checked (and found no repeat of); it is written with the
	 * batch, in {@link CaseState#RECEIVED}.
	 */
	public CaseFile.Filed add(NewFiling filing) {
		if (this.byId.containsKey(filing.caseId()) || this.byCredential.containsKey(filing.credentialHash())) {
			throw new IllegalStateException("ask repeatOf first: the case or its credential is in the batch already");
		}
		Known known = new Known(filing.caseId(), filing.organisationId(), filing.credentialHash(), CaseState.RECEIVED,
				this.today);
		remember(known);
		this.added.add(filing);
		return known.filed(true);
	}

	/** How many filings the batch will write. */
	public int size() {
		return this.added.size();
	}

	LocalDate today() {
		return this.today;
	}

	List<NewFiling> added() {
		return Collections.unmodifiableList(this.added);
	}

	private void remember(Known known) {
		this.byId.put(known.caseId(), known);
		this.byCredential.put(known.credentialHash(), known.caseId());
	}

	private static Refusal taken() {
		return new Refusal(Problem.CASE_ID_TAKEN, "This case id is already in use.");
	}

}

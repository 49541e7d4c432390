package nl.meldpunt.caseservice.casefile;

import java.util.List;

/**
 * Published once per intake batch, in its transaction, with one {@link CaseFiled} for
 * every case the batch stored (never for a repeat), so that listeners can write their
 * rows for the whole batch at once.
 */
public record CasesFiled(List<CaseFiled> cases) {

	public CasesFiled {
		cases = List.copyOf(cases);
	}

}

package nl.meldpunt.caseservice.statistics;

/**
 * The three groups of cases a release counts. Each is fixed once its quarter has ended,
 * so that a published figure of an ended period never has to change: a case closing later
 * is counted in the quarter it closes in, never by revising the quarter it was filed in.
 */
enum Population {

	/** Cases filed in the quarter (by the channel chosen at filing). */
	RECEIVED,
	/** Cases closed in the quarter, with the adviser's classification. */
	CLOSED,
	/** Cases still open on the last day of the quarter. */
	OPEN

}

package nl.meldpunt.caseservice.casefile;

import java.util.Objects;

/**
 * One attempt to fire an event, with what its guards need: the reporter's consent or a
 * legal duty (referrals), the classification (closing) and the new key envelope (sharing
 * with an adviser or a hotline).
 */
public record Transition(CaseEvent event, Actor actor, boolean consentGiven, String legalDutyReason, Closing closing,
		Share share) {

	/** What closing records: codes and enums only, never free text. */
	public record Closing(String category, String unit, Track track, Outcome outcome) {
	}

	/** The case key sealed by the acting browser to the new recipient. */
	public record Share(Recipient recipient, SealedBytes envelope) {

		public Share {
			Objects.requireNonNull(recipient);
			Objects.requireNonNull(envelope);
		}

	}

	public Transition {
		Objects.requireNonNull(event);
		Objects.requireNonNull(actor);
		if (legalDutyReason != null && legalDutyReason.isBlank()) {
			legalDutyReason = null;
		}
	}

	public static Transition of(CaseEvent event, Actor actor) {
		return new Transition(event, actor, false, null, null, null);
	}

}

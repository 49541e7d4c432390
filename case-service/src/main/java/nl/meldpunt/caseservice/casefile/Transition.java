package nl.meldpunt.caseservice.casefile;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One attempt to fire an event, with what its guards need: the legal duty named (a
 * referral the reporter did not consent to on their page; a code, its explanation is a
 * sealed internal note), the classification (closing) and the new key envelope (sharing
 * with an adviser or a hotline). The reporter's consent is never part of the attempt: the
 * guard looks it up.
 */
public record Transition(CaseEvent event, Actor actor, LegalDuty legalDuty, Closing closing, Share share) {

	/** What closing records: codes and enums only, never free text. */
	public record Closing(String category, String unit, Track track, Outcome outcome) {
	}

	/**
	 * Every key of the case sealed by the acting browser to the new recipients: one
	 * adviser (REASSIGN), or every current handler of a hotline (REFER_EXTERNAL).
	 *
	 * @param kind adviser or hotline
	 * @param target the adviser's account, or the hotline
	 * @param envelopes each key of the case sealed to each new recipient
	 */
	public record Share(RecipientKind kind, UUID target, List<SealedKey> envelopes) {

		public Share {
			Objects.requireNonNull(kind);
			Objects.requireNonNull(target);
			envelopes = List.copyOf(envelopes);
		}

	}

	public Transition {
		Objects.requireNonNull(event);
		Objects.requireNonNull(actor);
	}

	public static Transition of(CaseEvent event, Actor actor) {
		return new Transition(event, actor, null, null, null);
	}

}

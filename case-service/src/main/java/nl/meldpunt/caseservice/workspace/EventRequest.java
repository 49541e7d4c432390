package nl.meldpunt.caseservice.workspace;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import nl.meldpunt.caseservice.casefile.Actor;
import nl.meldpunt.caseservice.casefile.CaseEvent;
import nl.meldpunt.caseservice.casefile.KeyRef;
import nl.meldpunt.caseservice.casefile.LegalDuty;
import nl.meldpunt.caseservice.casefile.Outcome;
import nl.meldpunt.caseservice.casefile.Recipient;
import nl.meldpunt.caseservice.casefile.RecipientKind;
import nl.meldpunt.caseservice.casefile.SealedKey;
import nl.meldpunt.caseservice.casefile.Track;
import nl.meldpunt.caseservice.casefile.Transition;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.KeyEnvelope;
import nl.meldpunt.crypto.KeyPurpose;
import nl.meldpunt.internalapi.Limits;

/**
 * One click in the workspace: the event and what its guards need. {@code share} carries
 * every key of the case as the acting browser sealed it to the new adviser (REASSIGN) or
 * to each handler of the hotline (REFER_EXTERNAL), after checking them against the key
 * book. (An older client's single {@code envelope}, of the original key, still reassigns
 * a case that has no other key.) There is no consent field: the reporter gives consent on
 * their own page, and the procedure looks it up; an adviser can only name a legal duty.
 */
record EventRequest(@NotNull CaseEvent event, LegalDuty legalDuty, @Valid Closing closing, @Valid Share share) {

	record Closing(@NotBlank @Size(max = 40) String category, @Size(max = 40) String unit, Track track,
			Outcome outcome) {
	}

	/**
	 * @param recipientKind ADVISER or HOTLINE
	 * @param recipientId the adviser's account, or the hotline
	 * @param envelope an older client's envelope of the original key (adviser only)
	 * @param envelopes each key sealed to each new recipient
	 */
	record Share(@NotNull RecipientKind recipientKind, @NotNull UUID recipientId, KeyEnvelope envelope,
			@Size(max = Limits.MAX_KEY_ENVELOPES * 8) List<@NotNull @Valid Envelope> envelopes) {
	}

	/**
	 * @param recipientId the new recipient (an adviser's or handler's account)
	 * @param purpose which key
	 * @param epoch its epoch
	 * @param envelope the key sealed to that recipient
	 */
	record Envelope(@NotNull UUID recipientId, @NotNull KeyPurpose purpose,
			@NotNull @Min(0) @Max(Limits.MAX_EPOCH) Integer epoch, @NotNull KeyEnvelope envelope) {
	}

	Transition toTransition(Actor actor) {
		if (this.event == CaseEvent.WITHDRAW || this.event == CaseEvent.REPORTER_ANSWERED
				|| this.event == CaseEvent.ANSWER_TIMED_OUT) {
			// only the reporter or the service fire these; the machine refuses them for
			// advisers
			return Transition.of(this.event, actor);
		}
		Transition.Share sealed = null;
		if (this.share != null) {
			if (this.share.recipientKind() == RecipientKind.REPORTER) {
				throw Refusal.invalid("share.recipientKind", "must be ADVISER or HOTLINE");
			}
			sealed = new Transition.Share(this.share.recipientKind(), this.share.recipientId(), envelopes());
		}
		Transition.Closing closing = (this.closing != null) ? new Transition.Closing(this.closing.category(),
				this.closing.unit(), this.closing.track(), this.closing.outcome()) : null;
		return new Transition(this.event, actor, this.legalDuty, closing, sealed);
	}

	private List<SealedKey> envelopes() {
		if (this.share.envelopes() == null || this.share.envelopes().isEmpty()) {
			if (this.share.envelope() == null || this.share.recipientKind() != RecipientKind.ADVISER) {
				throw Refusal.invalid("share.envelopes", "must hold every key of the case for each new recipient");
			}
			return List.of(SealedKey.original(Recipient.adviser(this.share.recipientId()), this.share.envelope()));
		}
		return this.share.envelopes()
			.stream()
			.map((e) -> new SealedKey((this.share.recipientKind() == RecipientKind.HOTLINE)
					? Recipient.handler(e.recipientId()) : Recipient.adviser(e.recipientId()),
					new KeyRef(e.purpose(), e.epoch()), e.envelope()))
			.toList();
	}

}

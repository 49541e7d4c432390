package nl.meldpunt.caseservice.workspace;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import nl.meldpunt.caseservice.casefile.Actor;
import nl.meldpunt.caseservice.casefile.CaseEvent;
import nl.meldpunt.caseservice.casefile.Outcome;
import nl.meldpunt.caseservice.casefile.Recipient;
import nl.meldpunt.caseservice.casefile.RecipientKind;
import nl.meldpunt.caseservice.casefile.SealedBytes;
import nl.meldpunt.caseservice.casefile.Track;
import nl.meldpunt.caseservice.casefile.Transition;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.KeyEnvelope;

/**
 * One click in the workspace: the event and what its guards need. {@code share} carries
 * the case key the acting browser sealed to the new adviser (REASSIGN) or hotline
 * (REFER_EXTERNAL). There is no consent field: the reporter gives consent on their own
 * page, and the procedure looks it up; an adviser can only name a legal duty.
 */
record EventRequest(@NotNull CaseEvent event, @Size(max = 500) String legalDutyReason, @Valid Closing closing,
		@Valid Share share) {

	record Closing(@NotBlank @Size(max = 40) String category, @Size(max = 40) String unit, Track track,
			Outcome outcome) {
	}

	record Share(@NotNull RecipientKind recipientKind, @NotBlank @Size(max = 36) String recipientId,
			@NotNull KeyEnvelope envelope) {
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
			sealed = new Transition.Share(new Recipient(this.share.recipientKind(), this.share.recipientId()),
					SealedBytes.of(this.share.envelope().toBytes()));
		}
		Transition.Closing closing = (this.closing != null) ? new Transition.Closing(this.closing.category(),
				this.closing.unit(), this.closing.track(), this.closing.outcome()) : null;
		return new Transition(this.event, actor, this.legalDutyReason, closing, sealed);
	}

}

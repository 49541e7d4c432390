package nl.meldpunt.caseservice.workspace;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import nl.meldpunt.caseservice.accounts.Accounts;
import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.accounts.Role;
import nl.meldpunt.caseservice.casefile.Actor;
import nl.meldpunt.caseservice.casefile.CaseEvent;
import nl.meldpunt.caseservice.casefile.CaseFile;
import nl.meldpunt.caseservice.casefile.CaseState;
import nl.meldpunt.caseservice.casefile.ItemKind;
import nl.meldpunt.caseservice.casefile.KeyRef;
import nl.meldpunt.caseservice.casefile.SealedKey;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.SealedItem;
import nl.meldpunt.internalapi.NewAttachment;

/**
 * What a recipient (adviser or hotline handler) does with a case: the signed-in caller
 * becomes an {@link Actor} of their organisation, {@link CaseFile} does the rest (a case
 * of another organisation, or one the caller is not a recipient of, does not exist for
 * them).
 */
@Service
class Workspace {

	private final CaseFile caseFile;

	private final Accounts accounts;

	Workspace(CaseFile caseFile, Accounts accounts) {
		this.caseFile = caseFile;
		this.accounts = accounts;
	}

	/**
	 * The caller as an actor of the procedure (a hotline handler acts for the hotline).
	 */
	Actor actor(Caller caller) {
		if (caller.is(Role.HOTLINE)) {
			UUID hotlineId = this.accounts.findById(caller.accountId()).orElseThrow().hotlineId();
			return Actor.hotlineHandler(caller.accountId(), hotlineId, caller.organisationId());
		}
		if (caller.is(Role.ADVISER)) {
			return Actor.adviser(caller.accountId(), caller.organisationId());
		}
		throw new Refusal(Problem.FORBIDDEN, "You are not allowed to do this.");
	}

	CaseDetail open(Caller caller, UUID caseId) {
		return CaseDetail.of(this.caseFile.open(actor(caller), caseId));
	}

	LocalDate write(Caller caller, UUID caseId, UUID itemId, ItemKind kind, KeyRef key, SealedItem ciphertext) {
		return this.caseFile.write(actor(caller), caseId, itemId, kind, key, ciphertext);
	}

	KeyRef addKey(Caller caller, UUID caseId, KeyRef key, List<SealedKey> envelopes) {
		return this.caseFile.addKey(actor(caller), caseId, key, envelopes);
	}

	LocalDate propose(Caller caller, UUID caseId, UUID itemId, CaseEvent event, UUID hotlineId, SealedItem ciphertext,
			Integer epoch) {
		return this.caseFile.propose(actor(caller), caseId, itemId, event, hotlineId, ciphertext, epoch);
	}

	LocalDate recordMinutes(Caller caller, UUID caseId, UUID itemId, SealedItem ciphertext, Integer epoch) {
		return this.caseFile.recordMinutes(actor(caller), caseId, itemId, ciphertext, epoch);
	}

	void seen(Caller caller, UUID caseId) {
		this.caseFile.markSeen(actor(caller), caseId);
	}

	CaseState fire(Caller caller, UUID caseId, EventRequest request) {
		return this.caseFile.fire(caseId, request.toTransition(actor(caller)));
	}

	void attach(Caller caller, UUID caseId, NewAttachment attachment) {
		this.caseFile.attach(actor(caller), caseId, attachment.attachmentId(), attachment.metaCiphertext(),
				attachment.chunkCount(), attachment.totalBytes(), attachment.epoch());
	}

	void putChunk(Caller caller, UUID caseId, UUID attachmentId, int n, byte[] bytes) {
		this.caseFile.putChunk(actor(caller), caseId, attachmentId, n, bytes);
	}

	SealedItem chunk(Caller caller, UUID caseId, UUID attachmentId, int n) {
		return this.caseFile.chunk(actor(caller), caseId, attachmentId, n);
	}

}

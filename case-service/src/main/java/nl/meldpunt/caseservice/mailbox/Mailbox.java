package nl.meldpunt.caseservice.mailbox;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.casefile.Actor;
import nl.meldpunt.caseservice.casefile.CaseEvent;
import nl.meldpunt.caseservice.casefile.CaseFile;
import nl.meldpunt.caseservice.casefile.CaseView;
import nl.meldpunt.caseservice.casefile.Decision;
import nl.meldpunt.caseservice.casefile.ItemKind;
import nl.meldpunt.caseservice.casefile.KeyRef;
import nl.meldpunt.caseservice.casefile.Transition;
import nl.meldpunt.caseservice.keybook.KeyBooks;
import nl.meldpunt.caseservice.organisations.Hotlines;
import nl.meldpunt.caseservice.organisations.Organisation;
import nl.meldpunt.caseservice.organisations.Organisations;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.MailboxCredential;
import nl.meldpunt.crypto.SealedItem;
import nl.meldpunt.internalapi.CryptoJson;
import nl.meldpunt.internalapi.MailboxView;
import nl.meldpunt.internalapi.NewAttachment;
import nl.meldpunt.internalapi.NewDecision;
import nl.meldpunt.internalapi.NewMessage;
import nl.meldpunt.internalapi.Withdrawal;

/**
 * What a reporter can do with the token: the credential becomes the reporter's
 * {@link Actor}, {@link CaseFile} does the rest. The reporter is known only by the
 * credential's hash; a wrong credential and an unknown one look the same.
 */
@Service
class Mailbox {

	private final CaseFile caseFile;

	private final Organisations organisations;

	private final Hotlines hotlines;

	private final KeyBooks books;

	Mailbox(CaseFile caseFile, Organisations organisations, Hotlines hotlines, KeyBooks books) {
		this.caseFile = caseFile;
		this.organisations = organisations;
		this.hotlines = hotlines;
		this.books = books;
	}

	@Transactional
	public MailboxView open(String credential) {
		CaseView kase = this.caseFile.open(reporter(credential), null);
		Organisation organisation = this.organisations.getReferenceById(kase.organisationId());
		MailboxView.Hotline hotline = (kase.hotlineId() != null) ? hotline(kase.hotlineId()) : null;
		List<String> hotlineBook = (kase.hotlineId() != null)
				? encoded(this.books.entries(kase.organisationId(), Optional.of(kase.hotlineId()))) : List.of();
		return MailboxViews.of(kase, new MailboxView.Organisation(organisation.slug(), organisation.name()), hotline,
				encoded(this.books.entries(kase.organisationId(), Optional.empty())), hotlineBook, this::hotline);
	}

	private static List<String> encoded(List<byte[]> entries) {
		return entries.stream().map(CryptoJson::encode).toList();
	}

	private MailboxView.Hotline hotline(UUID hotlineId) {
		return this.hotlines.findById(hotlineId)
			.map((h) -> new MailboxView.Hotline(h.id(), h.name(), h.contact()))
			.orElse(null);
	}

	public LocalDate decide(String credential, UUID proposalItemId, NewDecision decision) {
		return this.caseFile.decide(reporter(credential), proposalItemId, decision.itemId(),
				Decision.valueOf(decision.decision().name()), decision.ciphertext(), decision.epoch());
	}

	public LocalDate requestMeeting(String credential, NewMessage request) {
		return this.caseFile.requestMeeting(reporter(credential), request.itemId(), request.ciphertext(),
				request.epoch());
	}

	public LocalDate write(String credential, NewMessage message) {
		return this.caseFile.write(reporter(credential), null, message.itemId(), ItemKind.MESSAGE,
				(message.epoch() != null) ? KeyRef.caseKey(message.epoch()) : null, message.ciphertext());
	}

	public void attach(String credential, NewAttachment attachment) {
		this.caseFile.attach(reporter(credential), null, attachment.attachmentId(), attachment.metaCiphertext(),
				attachment.chunkCount(), attachment.totalBytes(), attachment.epoch());
	}

	public void putChunk(String credential, UUID attachmentId, int n, byte[] bytes) {
		this.caseFile.putChunk(reporter(credential), null, attachmentId, n, bytes);
	}

	public SealedItem chunk(String credential, UUID attachmentId, int n) {
		return this.caseFile.chunk(reporter(credential), null, attachmentId, n);
	}

	public Withdrawal withdraw(String credential) {
		return new Withdrawal(
				MailboxViews.state(this.caseFile.fire(null, Transition.of(CaseEvent.WITHDRAW, reporter(credential)))));
	}

	/**
	 * The reporter holding this credential; a malformed one is as unknown as a wrong one.
	 */
	private static Actor reporter(String credential) {
		byte[] bytes = CryptoJson.decode(credential);
		try {
			if (bytes != null) {
				return Actor.reporter(MailboxCredential.fromBytes(bytes).storageHash());
			}
		}
		catch (CryptoException ex) {
			// answered below like an unknown credential
		}
		throw Refusal.unknownToken();
	}

}

package nl.meldpunt.caseservice.mailbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.audit.AuditLog;
import nl.meldpunt.caseservice.casefile.Actor;
import nl.meldpunt.caseservice.casefile.Attachments;
import nl.meldpunt.caseservice.casefile.Author;
import nl.meldpunt.caseservice.casefile.Case;
import nl.meldpunt.caseservice.casefile.CaseEvent;
import nl.meldpunt.caseservice.casefile.CaseItems;
import nl.meldpunt.caseservice.casefile.CaseLifecycle;
import nl.meldpunt.caseservice.casefile.CaseState;
import nl.meldpunt.caseservice.casefile.Cases;
import nl.meldpunt.caseservice.casefile.Ciphertexts;
import nl.meldpunt.caseservice.casefile.ItemKind;
import nl.meldpunt.caseservice.casefile.KeyEnvelopes;
import nl.meldpunt.caseservice.casefile.Recipient;
import nl.meldpunt.caseservice.casefile.SealedBytes;
import nl.meldpunt.caseservice.casefile.Timeline;
import nl.meldpunt.caseservice.casefile.Transition;
import nl.meldpunt.caseservice.organisations.Hotlines;
import nl.meldpunt.caseservice.organisations.Organisation;
import nl.meldpunt.caseservice.organisations.Organisations;
import nl.meldpunt.caseservice.web.Refusal;

/**
 * What a reporter can do with the token: read the case, write messages, add attachments,
 * withdraw. The reporter is known only by the credential's hash; a wrong credential and
 * an unknown one look the same.
 */
@Service
class Mailbox {

	private final Cases cases;

	private final Organisations organisations;

	private final Hotlines hotlines;

	private final KeyEnvelopes envelopes;

	private final CaseItems items;

	private final Attachments attachments;

	private final Timeline timeline;

	private final CaseLifecycle lifecycle;

	private final AuditLog audit;

	private final Clock clock;

	Mailbox(Cases cases, Organisations organisations, Hotlines hotlines, KeyEnvelopes envelopes, CaseItems items,
			Attachments attachments, Timeline timeline, CaseLifecycle lifecycle, AuditLog audit, Clock clock) {
		this.cases = cases;
		this.organisations = organisations;
		this.hotlines = hotlines;
		this.envelopes = envelopes;
		this.items = items;
		this.attachments = attachments;
		this.timeline = timeline;
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public MailboxView open(String credential) {
		Case kase = caseOf(credential);
		Organisation organisation = this.organisations.getReferenceById(kase.organisationId());
		MailboxView.HotlineView hotline = (kase.hotlineId() != null) ? this.hotlines.findById(kase.hotlineId())
			.map((h) -> new MailboxView.HotlineView(h.name(), h.contact()))
			.orElse(null) : null;
		String envelope = this.envelopes.find(kase.id(), Recipient.reporter())
			.map(SealedBytes::base64Url)
			.orElseThrow();
		audit(kase, "MAILBOX_READ");
		return new MailboxView(kase.id(), kase.organisationId(),
				new MailboxView.OrganisationView(organisation.slug(), organisation.name()), kase.state(),
				kase.receivedOn(), kase.acknowledgeBy(), kase.feedbackBy(), hotline, envelope,
				this.timeline.of(kase.id()),
				this.items.of(kase.id(), false).stream().map(MailboxView.ItemView::of).toList(),
				this.attachments.of(kase.id()).stream().map(MailboxView.AttachmentView::of).toList());
	}

	@Transactional
	public LocalDate write(String credential, UUID itemId, String ciphertext) {
		Case kase = openCaseOf(credential);
		SealedBytes sealed = Ciphertexts.item("ciphertext", SealedBytes.fromBase64Url(ciphertext));
		if (this.items.find(itemId).isPresent()) {
			throw new Refusal(HttpStatus.CONFLICT, "item-id-taken", "This item id is already in use.");
		}
		LocalDate today = LocalDate.now(this.clock);
		this.items.store(kase.organisationId(),
				new CaseItems.Item(itemId, kase.id(), ItemKind.MESSAGE, Author.REPORTER, null, today, sealed));
		audit(kase, "MESSAGE_WRITTEN");
		if (kase.state() == CaseState.WAITING_FOR_REPORTER) {
			this.lifecycle.fire(kase, Transition.of(CaseEvent.REPORTER_ANSWERED, Actor.reporter()));
		}
		return today;
	}

	@Transactional
	public void attach(String credential, UUID attachmentId, String metaCiphertext, int chunkCount, long totalBytes) {
		Case kase = openCaseOf(credential);
		Organisation organisation = this.organisations.getReferenceById(kase.organisationId());
		if (totalBytes > organisation.maxAttachmentBytes()) {
			throw new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "attachment-too-large",
					"The attachment is larger than this organisation allows.");
		}
		SealedBytes meta = Ciphertexts.item("metaCiphertext", SealedBytes.fromBase64Url(metaCiphertext));
		if (this.attachments.find(kase.id(), attachmentId).isPresent()) {
			throw new Refusal(HttpStatus.CONFLICT, "item-id-taken", "This attachment id is already in use.");
		}
		this.attachments.create(kase.organisationId(), new Attachments.Attachment(attachmentId, kase.id(),
				Author.REPORTER, meta, chunkCount, totalBytes, LocalDate.now(this.clock)));
		audit(kase, "ATTACHMENT_ADDED");
	}

	@Transactional
	public void putChunk(String credential, UUID attachmentId, int n, byte[] bytes) {
		Case kase = openCaseOf(credential);
		Attachments.Attachment attachment = attachmentOf(kase, attachmentId, n);
		if (attachment.author() != Author.REPORTER) {
			throw Refusal.notFound("unknown-attachment", "There is no such attachment.");
		}
		this.attachments.putChunk(kase.organisationId(), attachment, n,
				Ciphertexts.item("chunk", SealedBytes.of(bytes)));
	}

	@Transactional
	public SealedBytes chunk(String credential, UUID attachmentId, int n) {
		Case kase = caseOf(credential);
		attachmentOf(kase, attachmentId, n);
		SealedBytes chunk = this.attachments.chunk(attachmentId, n)
			.orElseThrow(() -> Refusal.notFound("unknown-chunk", "This chunk has not been uploaded."));
		audit(kase, "ATTACHMENT_READ");
		return chunk;
	}

	@Transactional
	public CaseState withdraw(String credential) {
		Case kase = caseOf(credential);
		return this.lifecycle.fire(kase, Transition.of(CaseEvent.WITHDRAW, Actor.reporter()));
	}

	private Attachments.Attachment attachmentOf(Case kase, UUID attachmentId, int n) {
		Attachments.Attachment attachment = this.attachments.find(kase.id(), attachmentId)
			.orElseThrow(() -> Refusal.notFound("unknown-attachment", "There is no such attachment."));
		if (n < 0 || n >= attachment.chunkCount()) {
			throw Refusal.invalid("n", "must be between 0 and " + (attachment.chunkCount() - 1));
		}
		return attachment;
	}

	private Case caseOf(String credential) {
		String hash = Ciphertexts.credentialHash(SealedBytes.fromBase64Url(credential));
		if (hash == null) {
			throw Refusal.unknownToken();
		}
		return this.cases.findByCredentialHash(hash).orElseThrow(Refusal::unknownToken);
	}

	private Case openCaseOf(String credential) {
		Case kase = caseOf(credential);
		if (!kase.isOpen()) {
			throw new Refusal(HttpStatus.CONFLICT, "case-closed", "This case is closed.");
		}
		return kase;
	}

	private void audit(Case kase, String action) {
		this.audit.record(kase.organisationId(), Actor.Kind.REPORTER.name(), null, action, kase.id(), null);
	}

}

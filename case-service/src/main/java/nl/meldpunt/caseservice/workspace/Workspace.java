package nl.meldpunt.caseservice.workspace;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.accounts.Accounts;
import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.accounts.Role;
import nl.meldpunt.caseservice.audit.AuditLog;
import nl.meldpunt.caseservice.casefile.Actor;
import nl.meldpunt.caseservice.casefile.Attachments;
import nl.meldpunt.caseservice.casefile.Author;
import nl.meldpunt.caseservice.casefile.Case;
import nl.meldpunt.caseservice.casefile.CaseItems;
import nl.meldpunt.caseservice.casefile.CaseLifecycle;
import nl.meldpunt.caseservice.casefile.CaseState;
import nl.meldpunt.caseservice.casefile.Cases;
import nl.meldpunt.caseservice.casefile.Ciphertexts;
import nl.meldpunt.caseservice.casefile.Exclusions;
import nl.meldpunt.caseservice.casefile.ItemKind;
import nl.meldpunt.caseservice.casefile.KeyEnvelopes;
import nl.meldpunt.caseservice.casefile.Recipient;
import nl.meldpunt.caseservice.casefile.SealedBytes;
import nl.meldpunt.caseservice.casefile.Timeline;
import nl.meldpunt.caseservice.casefile.Transition;
import nl.meldpunt.caseservice.organisations.Organisations;
import nl.meldpunt.caseservice.web.Refusal;

import org.springframework.http.HttpStatus;

/**
 * What a recipient (adviser or hotline handler) does with a case. Every call first
 * resolves the case for this caller: a case of another organisation, or one the caller is
 * not a recipient of, does not exist for them.
 */
@Service
class Workspace {

	private final Cases cases;

	private final Accounts accounts;

	private final KeyEnvelopes envelopes;

	private final Exclusions exclusions;

	private final CaseItems items;

	private final Attachments attachments;

	private final Timeline timeline;

	private final CaseLifecycle lifecycle;

	private final AuditLog audit;

	private final Clock clock;

	private final Organisations organisations;

	Workspace(Cases cases, Accounts accounts, KeyEnvelopes envelopes, Exclusions exclusions, CaseItems items,
			Attachments attachments, Timeline timeline, CaseLifecycle lifecycle, AuditLog audit, Clock clock,
			Organisations organisations) {
		this.organisations = organisations;
		this.cases = cases;
		this.accounts = accounts;
		this.envelopes = envelopes;
		this.exclusions = exclusions;
		this.items = items;
		this.attachments = attachments;
		this.timeline = timeline;
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The caller as an actor of the procedure (a hotline handler acts for the hotline).
	 */
	Actor actor(Caller caller) {
		if (caller.is(Role.HOTLINE)) {
			UUID hotlineId = this.accounts.findById(caller.accountId()).orElseThrow().hotlineId();
			return Actor.hotlineHandler(caller.accountId(), hotlineId);
		}
		if (caller.is(Role.ADVISER)) {
			return Actor.adviser(caller.accountId());
		}
		throw new Refusal(HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this.");
	}

	@Transactional
	public CaseDetail open(Caller caller, UUID caseId) {
		Actor actor = actor(caller);
		Case kase = caseFor(caller, actor, caseId);
		SealedBytes envelope = this.envelopes.find(kase.id(), actor.asRecipient()).orElseThrow();
		audit(caller, kase, "CASE_READ");
		return new CaseDetail(kase.id(), kase.organisationId(), kase.state(), kase.channel(), kase.receivedOn(),
				kase.acknowledgeBy(), kase.feedbackBy(), kase.closedOn(), kase.mayBeReferred(),
				this.lifecycle.eventsFrom(kase.state()), envelope.base64Url(),
				SealedBytes.of(kase.reporterPublicKey()).base64Url(),
				this.envelopes.recipients(kase.id()).stream().map((r) -> r.kind() + ":" + r.id()).sorted().toList(),
				this.exclusions.of(kase.id()).stream().sorted().toList(), this.timeline.of(kase.id()),
				this.items.of(kase.id(), true)
					.stream()
					.map((i) -> new CaseDetail.Item(i.itemId(), i.kind(), i.author(), i.authorAccountId(),
							i.createdOn(), i.ciphertext().base64Url()))
					.toList(),
				this.attachments.of(kase.id())
					.stream()
					.map((a) -> new CaseDetail.Attachment(a.attachmentId(), a.metaCiphertext().base64Url(),
							a.chunkCount(), a.totalBytes(), a.author(), a.createdOn()))
					.toList());
	}

	@Transactional
	public LocalDate write(Caller caller, UUID caseId, UUID itemId, ItemKind kind, String ciphertext) {
		Actor actor = actor(caller);
		Case kase = caseFor(caller, actor, caseId);
		if (kind == ItemKind.REPORT) {
			throw Refusal.invalid("kind", "must be MESSAGE or NOTE");
		}
		if (!kase.isOpen() && kind == ItemKind.MESSAGE) {
			throw new Refusal(HttpStatus.CONFLICT, "case-closed", "This case is closed.");
		}
		SealedBytes sealed = Ciphertexts.item("ciphertext", SealedBytes.fromBase64Url(ciphertext));
		if (this.items.find(itemId).isPresent()) {
			throw new Refusal(HttpStatus.CONFLICT, "item-id-taken", "This item id is already in use.");
		}
		LocalDate today = LocalDate.now(this.clock);
		Author author = (actor.kind() == Actor.Kind.HOTLINE) ? Author.HOTLINE : Author.ADVISER;
		this.items.store(kase.organisationId(),
				new CaseItems.Item(itemId, kase.id(), kind, author, caller.accountId(), today, sealed));
		audit(caller, kase, (kind == ItemKind.NOTE) ? "NOTE_WRITTEN" : "MESSAGE_WRITTEN");
		return today;
	}

	@Transactional
	public CaseState fire(Caller caller, UUID caseId, EventRequest request) {
		Actor actor = actor(caller);
		Case kase = caseFor(caller, actor, caseId);
		return this.lifecycle.fire(kase, request.toTransition(actor));
	}

	@Transactional
	public void attach(Caller caller, UUID caseId, UUID attachmentId, String metaCiphertext, int chunkCount,
			long totalBytes) {
		Actor actor = actor(caller);
		Case kase = caseFor(caller, actor, caseId);
		if (!kase.isOpen()) {
			throw new Refusal(HttpStatus.CONFLICT, "case-closed", "This case is closed.");
		}
		long limit = this.organisations.getReferenceById(kase.organisationId()).maxAttachmentBytes();
		if (totalBytes > limit) {
			throw new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "attachment-too-large",
					"The attachment is larger than this organisation allows.");
		}
		SealedBytes meta = Ciphertexts.item("metaCiphertext", SealedBytes.fromBase64Url(metaCiphertext));
		if (this.attachments.find(kase.id(), attachmentId).isPresent()) {
			throw new Refusal(HttpStatus.CONFLICT, "item-id-taken", "This attachment id is already in use.");
		}
		Author author = (actor.kind() == Actor.Kind.HOTLINE) ? Author.HOTLINE : Author.ADVISER;
		this.attachments.create(kase.organisationId(), new Attachments.Attachment(attachmentId, kase.id(), author, meta,
				chunkCount, totalBytes, LocalDate.now(this.clock)));
		audit(caller, kase, "ATTACHMENT_ADDED");
	}

	@Transactional
	public void putChunk(Caller caller, UUID caseId, UUID attachmentId, int n, byte[] bytes) {
		Actor actor = actor(caller);
		Case kase = caseFor(caller, actor, caseId);
		Attachments.Attachment attachment = this.attachments.find(kase.id(), attachmentId)
			.filter((a) -> a.author() != Author.REPORTER)
			.orElseThrow(() -> Refusal.notFound("unknown-attachment", "There is no such attachment."));
		if (n < 0 || n >= attachment.chunkCount()) {
			throw Refusal.invalid("n", "must be between 0 and " + (attachment.chunkCount() - 1));
		}
		this.attachments.putChunk(kase.organisationId(), attachment, n,
				Ciphertexts.item("chunk", SealedBytes.of(bytes)));
	}

	@Transactional
	public SealedBytes chunk(Caller caller, UUID caseId, UUID attachmentId, int n) {
		Actor actor = actor(caller);
		Case kase = caseFor(caller, actor, caseId);
		this.attachments.find(kase.id(), attachmentId)
			.orElseThrow(() -> Refusal.notFound("unknown-attachment", "There is no such attachment."));
		SealedBytes chunk = this.attachments.chunk(attachmentId, n)
			.orElseThrow(() -> Refusal.notFound("unknown-chunk", "This chunk has not been uploaded."));
		audit(caller, kase, "ATTACHMENT_READ");
		return chunk;
	}

	private Case caseFor(Caller caller, Actor actor, UUID caseId) {
		Recipient self = actor.asRecipient();
		return this.cases.findByIdAndOrganisationId(caseId, caller.organisationId())
			.filter((kase) -> this.envelopes.find(kase.id(), self).isPresent())
			.orElseThrow(() -> Refusal.notFound("unknown-case", "There is no such case."));
	}

	private void audit(Caller caller, Case kase, String action) {
		this.audit.record(kase.organisationId(), caller.role().name(), caller.accountId().toString(), action, kase.id(),
				null);
	}

}

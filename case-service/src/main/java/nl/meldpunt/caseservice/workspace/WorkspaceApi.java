package nl.meldpunt.caseservice.workspace;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.casefile.CaseEvent;
import nl.meldpunt.caseservice.casefile.CaseFile;
import nl.meldpunt.caseservice.casefile.CaseState;
import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.ItemKind;
import nl.meldpunt.caseservice.casefile.KeyRef;
import nl.meldpunt.caseservice.casefile.Recipient;
import nl.meldpunt.caseservice.casefile.RecipientKind;
import nl.meldpunt.caseservice.casefile.SealedKey;
import nl.meldpunt.caseservice.web.RequestBodies;
import nl.meldpunt.crypto.KeyEnvelope;
import nl.meldpunt.crypto.KeyPurpose;
import nl.meldpunt.crypto.SealedItem;
import nl.meldpunt.internalapi.Limits;
import nl.meldpunt.internalapi.NewAttachment;

/**
 * The advisers' JSON API: inbox, case, messages and notes, proposals and minutes for the
 * reporter, procedure steps, files.
 */
@RestController
@RequestMapping("/api/cases")
class WorkspaceApi {

	/**
	 * @param purpose and {@code epoch}: the key that sealed it (absent: the current key
	 * of the kind's purpose; any other than the current one is refused)
	 */
	record NewItem(@NotNull UUID itemId, @NotNull ItemKind kind, @NotNull SealedItem ciphertext, KeyPurpose purpose,
			@Min(0) @Max(Limits.MAX_EPOCH) Integer epoch) {

		KeyRef key() {
			return (this.purpose != null && this.epoch != null) ? new KeyRef(this.purpose, this.epoch) : null;
		}

	}

	/**
	 * A new key of the case, sealed by the caller's browser (re-keying, first staff key).
	 */
	record NewKey(@NotNull KeyPurpose purpose, @NotNull @Min(0) @Max(Limits.MAX_EPOCH) Integer epoch,
			@NotEmpty @Size(max = Limits.MAX_KEY_ENVELOPES) List<@NotNull @Valid Envelope> envelopes) {
	}

	record Envelope(@NotNull RecipientKind recipientKind, @NotNull @Pattern(
			regexp = "reporter|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") String recipientId,
			@NotNull KeyEnvelope envelope) {
	}

	record Written(UUID itemId, LocalDate createdOn) {
	}

	/**
	 * A referral put to the reporter: the step, the hotline where it is a referral to
	 * one, and the reason, sealed.
	 */
	record NewProposal(@NotNull UUID itemId, @NotNull CaseEvent event, UUID hotlineId, @NotNull SealedItem ciphertext,
			@Min(0) @Max(Limits.MAX_EPOCH) Integer epoch) {
	}

	/** Minutes of a meeting or call, sealed (with the case key of {@code epoch}). */
	record NewMinutes(@NotNull UUID itemId, @NotNull SealedItem ciphertext,
			@Min(0) @Max(Limits.MAX_EPOCH) Integer epoch) {
	}

	record Moved(CaseState state, Set<CaseEvent> legalEvents) {
	}

	private final Inbox inbox;

	private final Workspace workspace;

	private final CaseFile caseFile;

	WorkspaceApi(Inbox inbox, Workspace workspace, CaseFile caseFile) {
		this.inbox = inbox;
		this.workspace = workspace;
		this.caseFile = caseFile;
	}

	@GetMapping
	List<Inbox.Entry> inbox(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) CaseState state,
			@RequestParam(required = false) Inbox.Urgency urgency, @RequestParam(required = false) Channel channel,
			@RequestParam(defaultValue = "false") boolean news, @RequestParam(required = false) String q) {
		return this.inbox.of(this.workspace.actor(caller), new Inbox.Filter(state, urgency, channel, news, q));
	}

	@GetMapping("/{caseId}")
	CaseDetail open(@AuthenticationPrincipal Caller caller, @PathVariable UUID caseId) {
		return this.workspace.open(caller, caseId);
	}

	@PostMapping("/{caseId}/items")
	@ResponseStatus(HttpStatus.CREATED)
	Written write(@AuthenticationPrincipal Caller caller, @PathVariable UUID caseId, @Valid @RequestBody NewItem item) {
		return new Written(item.itemId(),
				this.workspace.write(caller, caseId, item.itemId(), item.kind(), item.key(), item.ciphertext()));
	}

	@PostMapping("/{caseId}/keys")
	@ResponseStatus(HttpStatus.CREATED)
	KeyRef addKey(@AuthenticationPrincipal Caller caller, @PathVariable UUID caseId, @Valid @RequestBody NewKey key) {
		KeyRef ref = new KeyRef(key.purpose(), key.epoch());
		return this.workspace.addKey(caller, caseId, ref,
				key.envelopes()
					.stream()
					.map((e) -> new SealedKey(new Recipient(e.recipientKind(), e.recipientId()), ref, e.envelope()))
					.toList());
	}

	@PostMapping("/{caseId}/proposals")
	@ResponseStatus(HttpStatus.CREATED)
	Written propose(@AuthenticationPrincipal Caller caller, @PathVariable UUID caseId,
			@Valid @RequestBody NewProposal proposal) {
		return new Written(proposal.itemId(), this.workspace.propose(caller, caseId, proposal.itemId(),
				proposal.event(), proposal.hotlineId(), proposal.ciphertext(), proposal.epoch()));
	}

	@PostMapping("/{caseId}/minutes")
	@ResponseStatus(HttpStatus.CREATED)
	Written recordMinutes(@AuthenticationPrincipal Caller caller, @PathVariable UUID caseId,
			@Valid @RequestBody NewMinutes minutes) {
		return new Written(minutes.itemId(),
				this.workspace.recordMinutes(caller, caseId, minutes.itemId(), minutes.ciphertext(), minutes.epoch()));
	}

	/** The caller has seen everything the reporter sent (clears the inbox marker). */
	@PutMapping("/{caseId}/seen")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void seen(@AuthenticationPrincipal Caller caller, @PathVariable UUID caseId) {
		this.workspace.seen(caller, caseId);
	}

	@PostMapping("/{caseId}/events")
	Moved fire(@AuthenticationPrincipal Caller caller, @PathVariable UUID caseId,
			@Valid @RequestBody EventRequest request) {
		CaseState state = this.workspace.fire(caller, caseId, request);
		return new Moved(state, this.caseFile.legalEvents(state));
	}

	@PostMapping("/{caseId}/attachments")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, UUID> attach(@AuthenticationPrincipal Caller caller, @PathVariable UUID caseId,
			@Valid @RequestBody NewAttachment attachment) {
		this.workspace.attach(caller, caseId, attachment);
		return Map.of("attachmentId", attachment.attachmentId());
	}

	@PutMapping(path = "/{caseId}/attachments/{attachmentId}/chunks/{n}",
			consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void putChunk(@AuthenticationPrincipal Caller caller, @PathVariable UUID caseId, @PathVariable UUID attachmentId,
			@PathVariable int n, HttpServletRequest request) throws IOException {
		this.workspace.putChunk(caller, caseId, attachmentId, n,
				RequestBodies.readBounded(request, Limits.MAX_CHUNK_BODY_BYTES));
	}

	@GetMapping(path = "/{caseId}/attachments/{attachmentId}/chunks/{n}",
			produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	byte[] chunk(@AuthenticationPrincipal Caller caller, @PathVariable UUID caseId, @PathVariable UUID attachmentId,
			@PathVariable int n) {
		return this.workspace.chunk(caller, caseId, attachmentId, n).toBytes();
	}

}

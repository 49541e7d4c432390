package nl.meldpunt.portal.followup;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.servlet.http.HttpServletResponse;
import nl.meldpunt.portal.PortalProperties;
import nl.meldpunt.portal.caseservice.CaseServiceClient;
import nl.meldpunt.portal.web.JsonBodies;
import nl.meldpunt.portal.web.PortalProblem;
import nl.meldpunt.portal.web.RequestSizeLimit;
import nl.meldpunt.portal.web.RateLimits;
import nl.meldpunt.crypto.SealedItem;
import nl.meldpunt.internalapi.Limits;
import nl.meldpunt.internalapi.MailboxView;
import nl.meldpunt.internalapi.NewAttachment;
import nl.meldpunt.internalapi.NewDecision;
import nl.meldpunt.internalapi.NewMessage;
import nl.meldpunt.internalapi.Withdrawal;
import nl.meldpunt.internalapi.Written;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser API of a reporter coming back with the token link: read the case, reply,
 * decide on proposals and minutes, ask for a meeting, add files, withdraw. The credential
 * travels in a header, never in a URL, so it cannot end up in an access log or a Referer.
 * <p>
 * The case, decision, meeting and withdrawal answers are the internal API's records,
 * returned as read (every field written, absent ones as {@code null}, so the browser sees
 * the case service's JSON); messages and attachments forward the case service's bytes
 * (see {@link CaseServiceClient}).
 */
@RestController
class MailboxApi {

	private static final String CREDENTIAL = CaseServiceClient.CREDENTIAL_HEADER;

	private final CaseServiceClient caseService;

	private final RateLimits rateLimits;

	private final PortalProperties properties;

	private final JsonBodies bodies;

	private final long limit;

	MailboxApi(CaseServiceClient caseService, RateLimits rateLimits, PortalProperties properties, JsonBodies bodies) {
		this.caseService = caseService;
		this.rateLimits = rateLimits;
		this.properties = properties;
		this.bodies = bodies;
		this.limit = RequestSizeLimit.jsonLimit(properties);
	}

	@GetMapping("/api/mailbox")
	MailboxView mailbox(@RequestHeader(name = CREDENTIAL, required = false) String credential) {
		return this.caseService.mailbox(use(credential));
	}

	@PostMapping("/api/mailbox/messages")
	ResponseEntity<byte[]> message(@RequestHeader(name = CREDENTIAL, required = false) String credential,
			HttpServletRequest request) {
		String checked = use(credential);
		JsonBodies.Checked<NewMessage> message = this.bodies.read(request, NewMessage.class, this.limit);
		requireItemSize(message.value().ciphertext());
		return passOnBytes(this.caseService.postMessage(checked, message.bytes()));
	}

	@PostMapping("/api/mailbox/proposals/{proposalItemId}/decision")
	ResponseEntity<Written> decide(@RequestHeader(name = CREDENTIAL, required = false) String credential,
			@PathVariable UUID proposalItemId, @Valid @RequestBody NewDecision decision) {
		String checked = use(credential);
		requireItemSize(decision.ciphertext());
		return passOn(this.caseService.decide(checked, proposalItemId, decision));
	}

	@PostMapping("/api/mailbox/meetings")
	ResponseEntity<Written> requestMeeting(@RequestHeader(name = CREDENTIAL, required = false) String credential,
			@Valid @RequestBody NewMessage request) {
		String checked = use(credential);
		requireItemSize(request.ciphertext());
		return passOn(this.caseService.requestMeeting(checked, request));
	}

	@PostMapping("/api/mailbox/attachments")
	ResponseEntity<byte[]> attachment(@RequestHeader(name = CREDENTIAL, required = false) String credential,
			HttpServletRequest request) {
		String checked = use(credential);
		JsonBodies.Checked<NewAttachment> attachment = this.bodies.read(request, NewAttachment.class, this.limit);
		if (attachment.value().totalBytes() > this.properties.maxAttachmentBytes()) {
			throw new PortalProblem(413, "attachment-too-large", List.of("totalBytes"));
		}
		return passOnBytes(this.caseService.announceAttachment(checked, attachment.bytes()));
	}

	@PutMapping(path = "/api/mailbox/attachments/{attachmentId}/chunks/{index}",
			consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	ResponseEntity<Void> putChunk(@RequestHeader(name = CREDENTIAL, required = false) String credential,
			@PathVariable UUID attachmentId, @PathVariable int index, HttpServletRequest request) throws IOException {
		String checked = use(credential);
		checkIndex(index);
		long length = request.getContentLengthLong();
		if (length <= 0) {
			throw new PortalProblem(411, "invalid-request", List.of("Content-Length"));
		}
		if (length > this.properties.maxChunkBytes()) {
			throw new PortalProblem(413, "chunk-too-large");
		}
		// streamed through; a body with a declared length ends there (Tomcat delimits it)
		try (InputStream chunk = request.getInputStream()) {
			this.caseService.putChunk(checked, attachmentId.toString(), index, chunk, length);
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/mailbox/attachments/{attachmentId}/chunks/{index}")
	void getChunk(@RequestHeader(name = CREDENTIAL, required = false) String credential,
			@PathVariable UUID attachmentId, @PathVariable int index, HttpServletResponse response) throws IOException {
		String checked = use(credential);
		checkIndex(index);
		response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
		this.caseService.getChunk(checked, attachmentId.toString(), index, response.getOutputStream());
	}

	@PostMapping("/api/mailbox/withdraw")
	ResponseEntity<Withdrawal> withdraw(@RequestHeader(name = CREDENTIAL, required = false) String credential) {
		return passOn(this.caseService.withdraw(use(credential)));
	}

	private String use(String credential) {
		this.rateLimits.mailbox();
		return Credential.checked(credential);
	}

	/** One sealed message, decision or request fits the portal's item limit. */
	private void requireItemSize(SealedItem ciphertext) {
		if (ciphertext.length() > this.properties.maxItemBytes()) {
			throw new PortalProblem(413, "message-too-large", List.of("ciphertext"));
		}
	}

	private static void checkIndex(int index) {
		if (index < 0 || index >= Limits.MAX_CHUNKS) {
			throw PortalProblem.invalid(List.of("index"));
		}
	}

	private static ResponseEntity<byte[]> passOnBytes(ResponseEntity<byte[]> answer) {
		return ResponseEntity.status(answer.getStatusCode())
			.contentType(MediaType.APPLICATION_JSON)
			.body(answer.getBody());
	}

	private static <T> ResponseEntity<T> passOn(ResponseEntity<T> answer) {
		return ResponseEntity.status(answer.getStatusCode()).body(answer.getBody());
	}

}

package nl.meldpunt.caseservice.mailbox;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.meldpunt.caseservice.web.RequestBodies;
import nl.meldpunt.internalapi.AnnouncedAttachment;
import nl.meldpunt.internalapi.InternalApi;
import nl.meldpunt.internalapi.Limits;
import nl.meldpunt.internalapi.NewAttachment;
import nl.meldpunt.internalapi.NewDecision;
import nl.meldpunt.internalapi.MailboxView;
import nl.meldpunt.internalapi.NewMessage;
import nl.meldpunt.internalapi.Withdrawal;
import nl.meldpunt.internalapi.Written;

/**
 * The reporter's calls of the internal API (CONTRACTS.md 3). Every answer is a record of
 * {@code nl.meldpunt.internalapi}, the type the portal reads it into.
 */
@RestController
@RequestMapping("/internal/v1/mailbox")
class MailboxApi {

	static final String CREDENTIAL = InternalApi.CREDENTIAL_HEADER;

	private final Mailbox mailbox;

	MailboxApi(Mailbox mailbox) {
		this.mailbox = mailbox;
	}

	@GetMapping
	MailboxView open(@RequestHeader(name = CREDENTIAL, required = false) String credential) {
		return this.mailbox.open(credential);
	}

	@PostMapping("/messages")
	ResponseEntity<Written> write(@RequestHeader(name = CREDENTIAL, required = false) String credential,
			@Valid @RequestBody NewMessage message) {
		LocalDate on = this.mailbox.write(credential, message);
		return ResponseEntity.status(HttpStatus.CREATED).body(new Written(message.itemId(), on));
	}

	@PostMapping("/proposals/{proposalItemId}/decision")
	ResponseEntity<Written> decide(@RequestHeader(name = CREDENTIAL, required = false) String credential,
			@PathVariable UUID proposalItemId, @Valid @RequestBody NewDecision decision) {
		LocalDate on = this.mailbox.decide(credential, proposalItemId, decision);
		return ResponseEntity.status(HttpStatus.CREATED).body(new Written(decision.itemId(), on));
	}

	@PostMapping("/meetings")
	ResponseEntity<Written> requestMeeting(@RequestHeader(name = CREDENTIAL, required = false) String credential,
			@Valid @RequestBody NewMessage request) {
		LocalDate on = this.mailbox.requestMeeting(credential, request);
		return ResponseEntity.status(HttpStatus.CREATED).body(new Written(request.itemId(), on));
	}

	@PostMapping("/attachments")
	ResponseEntity<AnnouncedAttachment> attach(@RequestHeader(name = CREDENTIAL, required = false) String credential,
			@Valid @RequestBody NewAttachment attachment) {
		this.mailbox.attach(credential, attachment);
		return ResponseEntity.status(HttpStatus.CREATED).body(new AnnouncedAttachment(attachment.attachmentId()));
	}

	@PutMapping(path = "/attachments/{id}/chunks/{n}", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	ResponseEntity<Void> putChunk(@RequestHeader(name = CREDENTIAL, required = false) String credential,
			@PathVariable UUID id, @PathVariable int n, HttpServletRequest request) throws IOException {
		this.mailbox.putChunk(credential, id, n, RequestBodies.readBounded(request, Limits.MAX_CHUNK_BODY_BYTES));
		return ResponseEntity.noContent().build();
	}

	@GetMapping(path = "/attachments/{id}/chunks/{n}", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	byte[] chunk(@RequestHeader(name = CREDENTIAL, required = false) String credential, @PathVariable UUID id,
			@PathVariable int n) {
		return this.mailbox.chunk(credential, id, n).toBytes();
	}

	@PostMapping("/withdraw")
	Withdrawal withdraw(@RequestHeader(name = CREDENTIAL, required = false) String credential) {
		return this.mailbox.withdraw(credential);
	}

}

package nl.meldpunt.portal.followup;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import nl.meldpunt.crypto.AttachmentBinding;
import nl.meldpunt.crypto.ReporterToken;
import nl.meldpunt.portal.InMemoryCaseService;
import nl.meldpunt.portal.PortalTest;
import nl.meldpunt.portal.TestReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class MailboxApiIntegrationTest extends PortalTest {

	@Autowired
	TestRestTemplate http;

	private TestReports reports;

	@BeforeEach
	void file() {
		this.reports = new TestReports(caseService);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		assertThat(this.http
			.exchange("/api/o/demo/cases", HttpMethod.POST, new HttpEntity<>(this.reports.filing("report"), headers),
					JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(201);
	}

	private <T> ResponseEntity<T> call(HttpMethod method, String path, String credential, Object body, Class<T> type) {
		HttpHeaders headers = new HttpHeaders();
		if (credential != null) {
			headers.set("X-Mailbox-Credential", credential);
		}
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
		if (body instanceof byte[]) {
			headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
		}
		else if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		return this.http.exchange(path, method, new HttpEntity<>(body, headers), type);
	}

	@Test
	void mailboxWhenCredentialKnownThenTheCaseWithCiphertext() {
		JsonNode mailbox = call(HttpMethod.GET, "/api/mailbox", this.reports.credential(), null, JsonNode.class)
			.getBody();
		assertThat(mailbox.get("caseId").asText()).isEqualTo(this.reports.caseId.toString());
		assertThat(mailbox.get("state").asText()).isEqualTo("RECEIVED");
		assertThat(mailbox.get("reporterKeyEnvelope").asText()).isNotBlank();
	}

	/**
	 * The portal reads the case service's answer into the contract's record and writes it
	 * back with every field, absent ones as null, though its mapper leaves out nulls
	 * elsewhere: the browser sees the case service's JSON.
	 */
	@Test
	void mailboxWhenReadIntoTheContractThenEveryFieldWrittenAbsentOnesAsNull() {
		JsonNode mailbox = call(HttpMethod.GET, "/api/mailbox", this.reports.credential(), null, JsonNode.class)
			.getBody();
		assertThat(mailbox.has("hotline")).isTrue();
		assertThat(mailbox.get("hotline").isNull()).isTrue();
		assertThat(mailbox.get("feedbackBy").isNull()).isTrue();
		assertThat(mailbox.get("proposals").isArray()).isTrue();
		assertThat(mailbox.get("items").get(0).get("ciphertext").asText()).matches("[A-Za-z0-9_-]+");
		assertThat(mailbox.get("reporterKeys").get(0).get("envelope").asText())
			.isEqualTo(mailbox.get("reporterKeyEnvelope").asText());
	}

	@Test
	void mailboxWhenTokenUnknownWrongOrMalformedThenTheSameAnswer() {
		String unknown = InMemoryCaseService.encode(ReporterToken.generate().mailboxCredential().toBytes());
		byte[] flipped = java.util.Base64.getUrlDecoder().decode(this.reports.credential());
		flipped[0] ^= 1;
		String wrong = InMemoryCaseService.encode(flipped);
		ResponseEntity<String> a = call(HttpMethod.GET, "/api/mailbox", unknown, null, String.class);
		ResponseEntity<String> b = call(HttpMethod.GET, "/api/mailbox", wrong, null, String.class);
		ResponseEntity<String> c = call(HttpMethod.GET, "/api/mailbox", "not-a-credential", null, String.class);
		ResponseEntity<String> d = call(HttpMethod.GET, "/api/mailbox", null, null, String.class);
		assertThat(a.getStatusCode().value()).isEqualTo(404);
		assertThat(a.getBody()).contains("https://meldpunt.nl/problems/unknown-token")
			.contains("We find no report for this link or code");
		assertThat(Arrays.asList(b, c, d)).allSatisfy((other) -> {
			assertThat(other.getStatusCode()).isEqualTo(a.getStatusCode());
			assertThat(other.getBody()).isEqualTo(a.getBody());
			assertThat(other.getHeaders().getContentType()).isEqualTo(a.getHeaders().getContentType());
		});
	}

	@Test
	void messageWhenValidThenStoredAsCiphertext() {
		String marker = "MSG-" + UUID.randomUUID();
		ResponseEntity<JsonNode> sent = call(HttpMethod.POST, "/api/mailbox/messages", this.reports.credential(),
				this.reports.message(marker), JsonNode.class);
		assertThat(sent.getStatusCode().value()).isEqualTo(201);
		assertThat(caseService.everythingReceived()).doesNotContain(marker);
	}

	@Test
	void messageWhenCiphertextMalformedThen400() {
		ResponseEntity<JsonNode> refused = call(HttpMethod.POST, "/api/mailbox/messages", this.reports.credential(),
				Map.of("itemId", UUID.randomUUID().toString(), "ciphertext", "A".repeat(60)), JsonNode.class);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().get("type").asText()).endsWith("/malformed-ciphertext");
	}

	@Test
	void attachmentWhenOverThePortalLimitThen413BeforeTheCaseService() {
		ResponseEntity<JsonNode> refused = call(HttpMethod.POST, "/api/mailbox/attachments", this.reports.credential(),
				attachment(UUID.randomUUID(), 60, 60L * 1024 * 1024), JsonNode.class);
		assertThat(refused.getStatusCode().value()).isEqualTo(413);
		assertThat(refused.getBody().get("type").asText()).endsWith("/attachment-too-large");
		assertThat(refused.getBody().get("detail").asText()).startsWith("This file is larger than allowed");
	}

	@Test
	void attachmentWhenOverTheOrganisationLimitThen413FromTheCaseServiceTranslated() {
		caseService.maxAttachmentBytes(1000);
		try {
			ResponseEntity<JsonNode> refused = call(HttpMethod.POST, "/api/mailbox/attachments",
					this.reports.credential(), attachment(UUID.randomUUID(), 1, 2000), JsonNode.class);
			assertThat(refused.getStatusCode().value()).isEqualTo(413);
			assertThat(refused.getBody().get("detail").asText()).doesNotContain("English detail from case-service");
		}
		finally {
			caseService.maxAttachmentBytes(52_428_800);
		}
	}

	@Test
	void chunksWhenUploadedThenStreamedThroughAndReadBack() throws Exception {
		UUID attachmentId = UUID.randomUUID();
		byte[] content = new byte[1_500_000];
		new java.util.Random(7).nextBytes(content);
		var chunks = this.reports.caseKey.sealAttachment(content,
				new AttachmentBinding(this.reports.organisationId, this.reports.caseId, attachmentId));
		assertThat(call(HttpMethod.POST, "/api/mailbox/attachments", this.reports.credential(),
				attachment(attachmentId, chunks.size(), content.length), JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(201);
		for (int i = 0; i < chunks.size(); i++) {
			ResponseEntity<String> put = call(HttpMethod.PUT,
					"/api/mailbox/attachments/" + attachmentId + "/chunks/" + i, this.reports.credential(),
					chunks.get(i).toBytes(), String.class);
			assertThat(put.getStatusCode().value()).isEqualTo(204);
		}
		ResponseEntity<byte[]> back = call(HttpMethod.GET, "/api/mailbox/attachments/" + attachmentId + "/chunks/1",
				this.reports.credential(), null, byte[].class);
		assertThat(back.getBody()).isEqualTo(chunks.get(1).toBytes());
		assertThat(caseService.attachmentAsAdviser(caseService.caseWith(this.reports.caseId), attachmentId))
			.isEqualTo(content);
	}

	@Test
	void chunkWhenLargerThanTheLimitThen413() {
		ResponseEntity<JsonNode> refused = call(HttpMethod.PUT,
				"/api/mailbox/attachments/" + UUID.randomUUID() + "/chunks/0", this.reports.credential(),
				new byte[1_300_000], JsonNode.class);
		assertThat(refused.getStatusCode().value()).isEqualTo(413);
		assertThat(refused.getBody().get("type").asText()).endsWith("/chunk-too-large");
	}

	@Test
	void withdrawWhenOpenThenWithdrawnAndWhenRepeatedThen409() {
		ResponseEntity<JsonNode> first = call(HttpMethod.POST, "/api/mailbox/withdraw", this.reports.credential(), null,
				JsonNode.class);
		assertThat(first.getBody().get("state").asText()).isEqualTo("WITHDRAWN");
		ResponseEntity<JsonNode> second = call(HttpMethod.POST, "/api/mailbox/withdraw", this.reports.credential(),
				null, JsonNode.class);
		assertThat(second.getStatusCode().value()).isEqualTo(409);
		assertThat(second.getBody().get("detail").asText()).startsWith("This is no longer possible");
	}

	private static Map<String, Object> attachment(UUID id, int chunks, long bytes) {
		return Map.of(
				"attachmentId", id.toString(), "metaCiphertext", InMemoryCaseService.encode(new byte[] { 1, 1, 1, 1, 1,
						1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 }),
				"chunkCount", chunks, "totalBytes", bytes);
	}

}

package nl.meldpunt.caseservice.mailbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.Fixtures.Org;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;
import nl.meldpunt.crypto.ItemKind;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailboxApiIntegrationTest {

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	Org org;

	String credential;

	UUID caseId;

	@BeforeEach
	void filedCase() {
		this.org = new Fixtures(this.jdbc, this.setup).organisation(1);
		this.credential = Fixtures.credential();
		Map<String, Object> filing = Fixtures.filing(this.org, this.credential, List.of());
		this.caseId = UUID.fromString((String) filing.get("caseId"));
		ResponseEntity<JsonNode> filed = this.http.exchange("/internal/v1/organisations/" + this.org.slug() + "/cases",
				HttpMethod.POST, new HttpEntity<>(filing, headers(null)), JsonNode.class);
		assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void openWhenCredentialKnownThenCaseWithEnvelopeTimelineAndReport() {
		ResponseEntity<JsonNode> response = call(HttpMethod.GET, "", this.credential, null);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode body = response.getBody();
		assertThat(body.get("caseId").asText()).isEqualTo(this.caseId.toString());
		assertThat(body.get("organisation").get("slug").asText()).isEqualTo(this.org.slug());
		assertThat(body.get("state").asText()).isEqualTo("RECEIVED");
		assertThat(body.get("reporterKeyEnvelope").asText()).isNotEmpty();
		assertThat(body.get("timeline").get(0).get("event").asText()).isEqualTo("FILED");
		assertThat(body.get("items")).hasSize(1);
		assertThat(body.get("items").get(0).get("kind").asText()).isEqualTo("REPORT");
		assertThat(body.get("items").get(0).get("author").asText()).isEqualTo("REPORTER");
		assertThat(body.get("acknowledgeBy").asText()).isNotEmpty();
	}

	@Test
	void openWhenCredentialUnknownOrMalformedOrMissingThenSame404() {
		for (String credential : new String[] { Fixtures.credential(), "short", null }) {
			ResponseEntity<JsonNode> response = call(HttpMethod.GET, "", credential, null);
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(response.getBody().get("type").asText()).isEqualTo("https://meldpunt.nl/problems/unknown-token");
		}
	}

	@Test
	void writeWhenValidThen201AndVisibleInMailbox() {
		UUID itemId = UUID.randomUUID();
		ResponseEntity<JsonNode> written = call(HttpMethod.POST, "/messages", this.credential,
				Map.of("itemId", itemId.toString(), "ciphertext",
						Fixtures.sealedItem(this.org.id(), this.caseId, itemId, ItemKind.MESSAGE)));
		assertThat(written.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(written.getBody().get("itemId").asText()).isEqualTo(itemId.toString());
		assertThat(call(HttpMethod.GET, "", this.credential, null).getBody().get("items")).hasSize(2);
	}

	@Test
	void writeWhenCiphertextMalformedThen400AndNothingStored() {
		UUID itemId = UUID.randomUUID();
		ResponseEntity<JsonNode> written = call(HttpMethod.POST, "/messages", this.credential,
				Map.of("itemId", itemId.toString(), "ciphertext", Fixtures.b64(new byte[40])));
		assertThat(written.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(written.getBody().get("type").asText()).endsWith("/malformed-ciphertext");
		assertThat(this.jdbc.queryForObject("select count(*) from case_item where id = ?", Integer.class, itemId))
			.isZero();
	}

	@Test
	void attachWhenWithinLimitThenChunksRoundTripInAnyOrder() {
		UUID attachmentId = UUID.randomUUID();
		ResponseEntity<JsonNode> created = call(HttpMethod.POST, "/attachments", this.credential,
				Map.of("attachmentId", attachmentId.toString(), "metaCiphertext",
						Fixtures.sealedItem(this.org.id(), this.caseId, attachmentId, ItemKind.ATTACHMENT_META),
						"chunkCount", 2, "totalBytes", 1_500_000));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		List<byte[]> chunks = chunks(attachmentId, 1_500_000);
		byte[] chunk0 = chunks.get(0);
		byte[] chunk1 = chunks.get(1);
		String base = "/attachments/" + attachmentId + "/chunks/";
		assertThat(putChunk(base + 1, chunk1).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(putChunk(base + 0, chunk0).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(putChunk(base + 0, chunk0).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(putChunk(base + 0, chunk1).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(putChunk(base + 2, chunk1).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<byte[]> read = this.http.exchange("/internal/v1/mailbox" + base + 1, HttpMethod.GET,
				new HttpEntity<>(headers(this.credential)), byte[].class);
		assertThat(read.getBody()).isEqualTo(chunk1);
		JsonNode mailbox = call(HttpMethod.GET, "", this.credential, null).getBody();
		assertThat(mailbox.get("attachments").get(0).get("chunkCount").asInt()).isEqualTo(2);
	}

	@Test
	void attachWhenOverOrganisationLimitThen413() {
		this.jdbc.update("update organisation set max_attachment_bytes = 1000 where id = ?", this.org.id());
		UUID attachmentId = UUID.randomUUID();
		ResponseEntity<JsonNode> created = call(HttpMethod.POST, "/attachments", this.credential,
				Map.of("attachmentId", attachmentId.toString(), "metaCiphertext",
						Fixtures.sealedItem(this.org.id(), this.caseId, attachmentId, ItemKind.ATTACHMENT_META),
						"chunkCount", 1, "totalBytes", 1001));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(created.getBody().get("type").asText()).endsWith("/attachment-too-large");
		assertThat(
				this.jdbc.queryForObject("select count(*) from attachment where id = ?", Integer.class, attachmentId))
			.isZero();
	}

	@Test
	void attachWhenTheCaseHasAsManyAttachmentsAsItMayThen409AndNothingStored() {
		for (int i = 0; i < nl.meldpunt.internalapi.Limits.MAX_ATTACHMENTS_PER_CASE; i++) {
			this.jdbc.update(
					"insert into attachment (id, case_id, organisation_id, author, meta_ciphertext, chunk_count,"
							+ " total_bytes, created_on) values (?, ?, ?, 'REPORTER', ?, 1, 1, current_date)",
					UUID.randomUUID(), this.caseId, this.org.id(), new byte[40]);
		}
		UUID attachmentId = UUID.randomUUID();
		ResponseEntity<JsonNode> refused = call(HttpMethod.POST, "/attachments", this.credential,
				Map.of("attachmentId", attachmentId.toString(), "metaCiphertext",
						Fixtures.sealedItem(this.org.id(), this.caseId, attachmentId, ItemKind.ATTACHMENT_META),
						"chunkCount", 1, "totalBytes", 1));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refused.getBody().get("type").asText()).endsWith("/too-many-attachments");
		assertThat(
				this.jdbc.queryForObject("select count(*) from attachment where id = ?", Integer.class, attachmentId))
			.isZero();
	}

	@Test
	void internalApiWhenBodyOverItsLimitThen413ProblemDeclaredOrNot() {
		byte[] big = new byte[nl.meldpunt.internalapi.Limits.MAX_BODY_BYTES + 1];
		java.util.Arrays.fill(big, (byte) ' ');
		big[0] = '{';
		for (String path : List.of("/internal/v1/mailbox/messages",
				"/internal/v1/organisations/" + this.org.slug() + "/cases")) {
			HttpHeaders headers = headers(this.credential);
			headers.setContentType(MediaType.APPLICATION_JSON);
			// declared: refused before it is read
			ResponseEntity<JsonNode> declared = this.http.exchange(path, HttpMethod.POST,
					new HttpEntity<>(big, headers), JsonNode.class);
			assertThat(declared.getStatusCode()).as(path).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
			assertThat(declared.getBody().get("type").asText()).as(path).endsWith("/request-too-large");
			// streamed without a length: cut off where it passes the limit
			ResponseEntity<JsonNode> streamed = this.http.exchange(path, HttpMethod.POST,
					new HttpEntity<org.springframework.core.io.Resource>(
							new org.springframework.core.io.InputStreamResource(new java.io.ByteArrayInputStream(big)),
							headers),
					JsonNode.class);
			assertThat(streamed.getStatusCode()).as(path).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
			assertThat(streamed.getBody().get("type").asText()).as(path).endsWith("/request-too-large");
		}
	}

	@Test
	void chunkWhenLargerThanAnnouncedThen413() {
		UUID attachmentId = UUID.randomUUID();
		call(HttpMethod.POST, "/attachments", this.credential,
				Map.of("attachmentId", attachmentId.toString(), "metaCiphertext",
						Fixtures.sealedItem(this.org.id(), this.caseId, attachmentId, ItemKind.ATTACHMENT_META),
						"chunkCount", 1, "totalBytes", 1));
		byte[] big = chunks(attachmentId, 500).get(0);
		assertThat(putChunk("/attachments/" + attachmentId + "/chunks/0", big).getStatusCode())
			.isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
	}

	@Test
	void withdrawWhenOpenThenWithdrawnAndAgainRefused() {
		ResponseEntity<JsonNode> withdrawn = call(HttpMethod.POST, "/withdraw", this.credential, null);
		assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(withdrawn.getBody().get("state").asText()).isEqualTo("WITHDRAWN");
		ResponseEntity<JsonNode> again = call(HttpMethod.POST, "/withdraw", this.credential, null);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody().get("type").asText()).endsWith("/illegal-transition");
		JsonNode timeline = call(HttpMethod.GET, "", this.credential, null).getBody().get("timeline");
		assertThat(timeline.get(1).get("event").asText()).isEqualTo("WITHDRAW");
	}

	@Test
	void openFlagWhenWithdrawnThenFalseAndNothingMoreCanBeAdded() {
		assertThat(call(HttpMethod.GET, "", this.credential, null).getBody().get("open").asBoolean()).isTrue();
		call(HttpMethod.POST, "/withdraw", this.credential, null);
		assertThat(call(HttpMethod.GET, "", this.credential, null).getBody().get("open").asBoolean()).isFalse();
		UUID itemId = UUID.randomUUID();
		ResponseEntity<JsonNode> written = call(HttpMethod.POST, "/messages", this.credential,
				Map.of("itemId", itemId.toString(), "ciphertext",
						Fixtures.sealedItem(this.org.id(), this.caseId, itemId, ItemKind.MESSAGE)));
		assertThat(written.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(written.getBody().get("type").asText()).endsWith("/case-closed");
	}

	/**
	 * What a DBA can do to a stored ciphertext: flipping its bits leaves it a sealed item
	 * that the reporter's browser cannot open (its tag fails there); breaking its
	 * structure makes the case service refuse to serve it as one, with a problem that
	 * carries neither the bytes nor a stack trace.
	 */
	@Test
	void openWhenADbaBrokeAStoredCiphertextsStructureThen500WithoutItsBytes() {
		byte[] damaged = new byte[40];
		java.util.Arrays.fill(damaged, (byte) 7);
		this.jdbc.update("update case_item set ciphertext = ? where case_id = ?", damaged, this.caseId);
		ResponseEntity<String> response = this.http.exchange("/internal/v1/mailbox", HttpMethod.GET,
				new HttpEntity<>(headers(this.credential)), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(response.getBody()).contains("https://meldpunt.nl/problems/")
			.doesNotContain(Fixtures.b64(damaged))
			.doesNotContain("Exception")
			.doesNotContain("at nl.meldpunt");
	}

	private List<byte[]> chunks(UUID attachmentId, int size) {
		return nl.meldpunt.crypto.CaseKey.generate()
			.sealAttachment(new byte[size],
					new nl.meldpunt.crypto.AttachmentBinding(this.org.id(), this.caseId, attachmentId))
			.stream()
			.map(nl.meldpunt.crypto.SealedItem::toBytes)
			.toList();
	}

	private ResponseEntity<JsonNode> call(HttpMethod method, String path, String credential, Object body) {
		return this.http.exchange("/internal/v1/mailbox" + path, method,
				new HttpEntity<>((body != null) ? new HashMap<>((Map<?, ?>) body) : null, headers(credential)),
				JsonNode.class);
	}

	private ResponseEntity<JsonNode> putChunk(String path, byte[] bytes) {
		HttpHeaders headers = headers(this.credential);
		headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
		return this.http.exchange("/internal/v1/mailbox" + path, HttpMethod.PUT, new HttpEntity<>(bytes, headers),
				JsonNode.class);
	}

	private static HttpHeaders headers(String credential) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(Fixtures.INTERNAL_SECRET);
		if (credential != null) {
			headers.set("X-Mailbox-Credential", credential);
		}
		return headers;
	}

}

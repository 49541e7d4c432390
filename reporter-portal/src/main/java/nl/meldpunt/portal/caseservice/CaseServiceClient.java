package nl.meldpunt.portal.caseservice;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.meldpunt.internalapi.InternalApi;
import nl.meldpunt.internalapi.MailboxView;
import nl.meldpunt.internalapi.NewDecision;
import nl.meldpunt.internalapi.NewMessage;
import nl.meldpunt.internalapi.OrganisationPortal;
import nl.meldpunt.internalapi.Withdrawal;
import nl.meldpunt.internalapi.Written;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriUtils;

/**
 * The portal's side of the internal API (docs/CONTRACTS.md section 3). Every reporter
 * operation goes through here; the portal itself stores nothing. Attachment chunks are
 * streamed through, never buffered whole.
 * <p>
 * Answers the portal reads are read straight into the records of
 * {@code nl.meldpunt.internalapi} ({@link MailboxView}, {@link Written},
 * {@link Withdrawal}, {@link OrganisationPortal}), ciphertexts and envelopes into the
 * crypto module's types. Where the portal only forwards a request it checked (a filing, a
 * message, an attachment's announcement) it sends the very bytes it checked and hands the
 * case service's answer back as bytes: nothing of it is read, and the filing path stays
 * free of a second parse and write.
 */
@Component
public class CaseServiceClient {

	/** Header that carries the reporter's mailbox credential. */
	public static final String CREDENTIAL_HEADER = InternalApi.CREDENTIAL_HEADER;

	private static final String ACCEPT = MediaType.APPLICATION_JSON_VALUE + ", "
			+ MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final Logger log = LoggerFactory.getLogger(CaseServiceClient.class);

	private final RestClient http;

	private final ObjectMapper json;

	private final CloseableHttpClient pool;

	private final String organisations;

	private final String bearer;

	CaseServiceClient(RestClient caseServiceRestClient, ObjectMapper json, CloseableHttpClient caseServiceHttpClient,
			InternalApiProperties properties) {
		this.http = caseServiceRestClient;
		this.json = json;
		this.pool = caseServiceHttpClient;
		this.organisations = CaseServiceClientConfiguration.baseUrl(properties) + "/organisations/";
		this.bearer = "Bearer " + properties.secret();
	}

	public OrganisationPortal portal(String slug) {
		return call(() -> this.http.get()
			.uri("/organisations/{slug}/portal", slug)
			.retrieve()
			.onStatus(HttpStatusCode::isError, this::refuse)
			.body(OrganisationPortal.class));
	}

	/**
	 * Files a report, passing on the very bytes the portal checked (a
	 * {@link nl.meldpunt.internalapi.FilingRequest}); the answer keeps the case service's
	 * status (201 new, 200 repeat) and its bytes.
	 */
	public ResponseEntity<byte[]> file(String slug, byte[] filing) {
		// straight on the pooled client: the request the portal makes thousands of per
		// second skips RestClient's address template and converters (a fifth of the
		// portal's CPU per filing); same connection pool, time-outs and headers
		// encoded as RestClient's template did (the portal has checked the slug already)
		HttpPost post = new HttpPost(
				this.organisations + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8) + "/cases");
		post.setHeader(HttpHeaders.AUTHORIZATION, this.bearer);
		post.setHeader(HttpHeaders.ACCEPT, ACCEPT);
		post.setEntity(new ByteArrayEntity(filing, ContentType.APPLICATION_JSON));
		try {
			return this.pool.execute(post, (answer) -> {
				int status = answer.getCode();
				if (status >= 400) {
					try (InputStream body = (answer.getEntity() != null) ? answer.getEntity().getContent()
							: InputStream.nullInputStream()) {
						refuse(status, body);
					}
				}
				byte[] body = (answer.getEntity() != null) ? EntityUtils.toByteArray(answer.getEntity()) : new byte[0];
				return ResponseEntity.status(status).body(body);
			});
		}
		catch (IOException ex) {
			// the exception names only the case service's address, never reporter data
			log.warn("Case service unreachable: {}", ex.getClass().getSimpleName());
			throw new CaseServiceProblem(503, CaseServiceProblem.UNAVAILABLE, List.of());
		}
	}

	/** The reporter's case, read into the contract's record. */
	public MailboxView mailbox(String credential) {
		return call(() -> this.http.get()
			.uri("/mailbox")
			.header(CREDENTIAL_HEADER, credential)
			.retrieve()
			.onStatus(HttpStatusCode::isError, this::refuse)
			.body(MailboxView.class));
	}

	/**
	 * Posts a message: the checked bytes of a {@link nl.meldpunt.internalapi.NewMessage}.
	 */
	public ResponseEntity<byte[]> postMessage(String credential, byte[] message) {
		return passOn("/mailbox/messages", credential, message);
	}

	/** The reporter's decision on a proposal or on minutes of their case. */
	public ResponseEntity<Written> decide(String credential, UUID proposalItemId, NewDecision decision) {
		return post(credential, "/mailbox/proposals/" + proposalItemId + "/decision", decision, Written.class);
	}

	/** The reporter asks for a meeting or a call. */
	public ResponseEntity<Written> requestMeeting(String credential, NewMessage request) {
		return post(credential, "/mailbox/meetings", request, Written.class);
	}

	/**
	 * Announces an attachment: the checked bytes of a
	 * {@link nl.meldpunt.internalapi.NewAttachment}.
	 */
	public ResponseEntity<byte[]> announceAttachment(String credential, byte[] attachment) {
		return passOn("/mailbox/attachments", credential, attachment);
	}

	/** The reporter withdraws the report; the answer names the case's new state. */
	public ResponseEntity<Withdrawal> withdraw(String credential) {
		return post(credential, "/mailbox/withdraw", null, Withdrawal.class);
	}

	/** Streams one sealed chunk from the reporter's request to the case service. */
	public void putChunk(String credential, String attachmentId, int index, InputStream chunk, long length) {
		call(() -> this.http.put()
			.uri("/mailbox/attachments/{id}/chunks/{n}", attachmentId, index)
			.header(CREDENTIAL_HEADER, credential)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.contentLength(length)
			.body((out) -> chunk.transferTo(out))
			.retrieve()
			.onStatus(HttpStatusCode::isError, this::refuse)
			.toBodilessEntity());
	}

	/** Streams one sealed chunk from the case service to {@code target}. */
	public void getChunk(String credential, String attachmentId, int index, OutputStream target) {
		call(() -> this.http.get()
			.uri("/mailbox/attachments/{id}/chunks/{n}", attachmentId, index)
			.header(CREDENTIAL_HEADER, credential)
			.exchange((request, response) -> {
				if (response.getStatusCode().isError()) {
					refuse(request, response);
				}
				response.getBody().transferTo(target);
				return null;
			}, true));
	}

	private ResponseEntity<byte[]> passOn(String path, String credential, byte[] json, Object... variables) {
		return call(() -> {
			RestClient.RequestBodySpec spec = this.http.post()
				.uri(path, variables)
				.contentType(MediaType.APPLICATION_JSON)
				.body(json);
			if (credential != null) {
				spec.header(CREDENTIAL_HEADER, credential);
			}
			return spec.retrieve().onStatus(HttpStatusCode::isError, this::refuse).toEntity(byte[].class);
		});
	}

	private <T> ResponseEntity<T> post(String credential, String path, Object body, Class<T> answer) {
		return call(() -> {
			RestClient.RequestBodySpec spec = this.http.post()
				.uri(path)
				.header(CREDENTIAL_HEADER, credential)
				.contentType(MediaType.APPLICATION_JSON);
			if (body != null) {
				spec.body(body);
			}
			return spec.retrieve().onStatus(HttpStatusCode::isError, this::refuse).toEntity(answer);
		});
	}

	private void refuse(org.springframework.http.HttpRequest request, ClientHttpResponse response) throws IOException {
		try (InputStream body = response.getBody()) {
			refuse(response.getStatusCode().value(), body);
		}
	}

	/** Turns the case service's refusal into the portal's problem (always throws). */
	private void refuse(int status, InputStream body) {
		if (status == 401) {
			// a reporter cannot fix this: the two services disagree on the internal
			// secret
			log.error("Case service refused the portal's internal API secret");
			throw new CaseServiceProblem(503, CaseServiceProblem.UNAVAILABLE, List.of());
		}
		if (status == 503) {
			// the case service is up but cannot do its work (its database is away): to a
			// reporter that is the same as the case service being away
			throw new CaseServiceProblem(503, CaseServiceProblem.UNAVAILABLE, List.of());
		}
		String slug = "unexpected";
		List<String> fields = new ArrayList<>();
		try {
			JsonNode problem = this.json.readTree(body);
			String type = (problem != null) ? problem.path("type").asText("") : "";
			if (type.startsWith(InternalApi.PROBLEM_TYPE_PREFIX)) {
				slug = type.substring(InternalApi.PROBLEM_TYPE_PREFIX.length());
			}
			if (problem != null) {
				for (JsonNode error : problem.path("errors")) {
					// case-service writes "field: message"; only the field name is kept
					String field = error.isTextual() ? error.asText().split(":", 2)[0].strip()
							: error.path("field").asText(null);
					if (field != null) {
						fields.add(field);
					}
				}
			}
		}
		catch (IOException ex) {
			// a body that is no problem document keeps the generic slug
		}
		throw new CaseServiceProblem(status, slug, fields);
	}

	private <T> T call(java.util.function.Supplier<T> exchange) {
		try {
			return exchange.get();
		}
		catch (ResourceAccessException ex) {
			// the exception names only the case service's address, never reporter data
			log.warn("Case service unreachable: {}", ex.getClass().getSimpleName());
			throw new CaseServiceProblem(503, CaseServiceProblem.UNAVAILABLE, List.of());
		}
	}

}

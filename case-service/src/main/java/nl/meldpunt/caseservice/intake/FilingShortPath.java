package nl.meldpunt.caseservice.intake;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;

import nl.meldpunt.caseservice.accounts.InternalApiSecret;
import nl.meldpunt.internalapi.Filed;
import nl.meldpunt.internalapi.FilingRequest;
import nl.meldpunt.internalapi.Limits;
import nl.meldpunt.internalapi.servlet.ReplayedRequest;

/**
 * The internal API's filing call ({@link IntakeApi#file}) on a short path: a well-formed,
 * valid filing from the portal (its bearer secret, JSON with a declared length, a slug of
 * the usual shape) is bound, validated and filed here, before Spring Session, Spring
 * Security's filter chain and Spring MVC's dispatch, which cost a third of the service's
 * CPU per filing and do nothing for it (no session, no CSRF, no handler to find). The
 * checks are the same: the same secret comparison, the same binding into the same record
 * with the same {@code ObjectMapper}, the same bean validation, the same controller
 * method; a refusal or failure while filing is answered by the same exception handlers
 * ({@code Problems}), as if the controller had thrown it.
 *
 * <p>
 * Anything else takes the usual path unchanged: another method or path, a missing or
 * wrong secret, another content type, no declared length; and a body that does not bind
 * or validate is handed on as it was received, so its refusal is exactly the usual one.
 * Runs after the body limit ({@code RequestBodyLimit}) and before the request
 * observations ({@code monitoring.RequestObservations}), whose tags and timers cost a
 * seventh of a filing's request-thread CPU: a filing taken here is timed by
 * {@code meldpunt_filing_seconds} instead (by outcome only), one handed on by
 * {@code http_server_requests} as usual.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class FilingShortPath extends OncePerRequestFilter {

	private static final Pattern PATH = Pattern
		.compile("/internal/v1/organisations/([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)/cases");

	private final IntakeApi api;

	private final InternalApiSecret secret;

	private final ObjectReader filings;

	private final ObjectWriter answers;

	private final Validator validator;

	private final HandlerExceptionResolver problems;

	private final HandlerMethod handler;

	/**
	 * Filings taken here, by their answer's outcome (as {@code http_server_requests}).
	 */
	private final Map<Outcome, Timer> timers = new EnumMap<>(Outcome.class);

	FilingShortPath(IntakeApi api, InternalApiSecret secret, ObjectMapper json, Validator validator,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems, MeterRegistry meters)
			throws NoSuchMethodException {
		this.api = api;
		this.secret = secret;
		this.filings = json.readerFor(FilingRequest.class);
		this.answers = json.writerFor(Filed.class);
		this.validator = validator;
		this.problems = problems;
		this.handler = new HandlerMethod(api,
				IntakeApi.class.getDeclaredMethod("file", String.class, FilingRequest.class));
		for (Outcome outcome : Outcome.values()) {
			this.timers.put(outcome, Timer.builder("meldpunt.filing")
				.description("Filings from the portal taken on the short path, from their body read to their answer")
				.tag("outcome", outcome.name())
				.register(meters));
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher path = PATH.matcher(request.getRequestURI());
		long length = request.getContentLengthLong();
		if (!path.matches() || length < 0 || length > Limits.MAX_BODY_BYTES
				|| !this.secret.matches(request.getHeader(HttpHeaders.AUTHORIZATION))
				|| !isJson(request.getContentType())) {
			chain.doFilter(request, response);
			return;
		}
		long start = System.nanoTime();
		byte[] body = request.getInputStream().readNBytes((int) length);
		FilingRequest filing = bind(body);
		if (filing == null || !this.validator.validate(filing).isEmpty()) {
			// refused by the usual path, with the usual answer (and timed there)
			chain.doFilter(new ReplayedRequest(request, body), response);
			return;
		}
		Outcome outcome = Outcome.SERVER_ERROR;
		try {
			file(request, response, path.group(1), filing);
			outcome = Outcome.forStatus(response.getStatus());
		}
		finally {
			this.timers.get(outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

	private void file(HttpServletRequest request, HttpServletResponse response, String slug, FilingRequest filing)
			throws IOException {
		noStore(response);
		ResponseEntity<Filed> answer;
		try {
			answer = this.api.file(slug, filing);
		}
		catch (RuntimeException ex) {
			if (this.problems.resolveException(request, response, this.handler, ex) == null) {
				throw ex;
			}
			return;
		}
		byte[] json = this.answers.writeValueAsBytes(answer.getBody());
		response.setStatus(answer.getStatusCode().value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(json.length);
		response.getOutputStream().write(json);
	}

	private FilingRequest bind(byte[] body) {
		try {
			return this.filings.readValue(body);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** The headers Spring Security writes on every answer of the internal API. */
	private static void noStore(HttpServletResponse response) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-XSS-Protection", "0");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
		response.setHeader(HttpHeaders.PRAGMA, "no-cache");
		response.setHeader(HttpHeaders.EXPIRES, "0");
		response.setHeader("X-Frame-Options", "DENY");
	}

}

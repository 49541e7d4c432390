package nl.meldpunt.portal.web;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meldpunt.internalapi.servlet.BoundedRequest;
import nl.meldpunt.internalapi.servlet.BoundedRequest.BodyTooLarge;
import nl.meldpunt.portal.PortalProperties;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The first thing every request meets, whatever its path, method or content type: a path
 * that is not in canonical form (path parameters such as {@code ;x=1}, percent-encoding,
 * empty, {@code .} or {@code ..} segments, a backslash) is refused, because the portal
 * has no such URL and each of them is a way to make one path look like another; and the
 * body can never be read past the largest body the portal accepts anywhere (a declared
 * length over it is refused at once, an undeclared one fails as soon as it passes it).
 * The endpoints read their bodies with their own, tighter limits ({@link JsonBodies}, the
 * chunk upload); this one only makes sure that no other reader, such as a message
 * converter reached through an unexpected content type, can hold more.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {

	private static final Pattern CANONICAL = Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*/?");

	private final long limit;

	private final ProblemTranslator translator;

	private final LocaleResolver locales;

	private final ObjectMapper json;

	RequestSizeLimit(PortalProperties properties, ProblemTranslator translator, LocaleResolver localeResolver,
			ObjectMapper json) {
		this.limit = Math.max(jsonLimit(properties), properties.maxChunkBytes());
		this.translator = translator;
		this.locales = localeResolver;
		this.json = json;
	}

	/**
	 * The largest JSON body: a sealed report in base64url plus its envelopes and routing.
	 */
	public static long jsonLimit(PortalProperties properties) {
		return properties.maxItemBytes() * 4L / 3 + 256 * 1024;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		if (path == null || !CANONICAL.matcher(path).matches()) {
			refuse(request, response, 400, "invalid-request");
			return;
		}
		if (request.getContentLengthLong() > this.limit) {
			refuse(request, response, 413, "request-too-large");
			return;
		}
		try {
			chain.doFilter(new BoundedRequest(request, this.limit), response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// a reader outside the endpoints (a filter, a converter) met the limit
			if (!(NestedExceptionUtils.getRootCause(ex) instanceof BodyTooLarge) && !(ex instanceof BodyTooLarge)) {
				throw ex;
			}
			if (response.isCommitted()) {
				return;
			}
			response.reset();
			refuse(request, response, 413, "request-too-large");
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String slug)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// the rest of the body is not read: let Tomcat close the connection
		response.setHeader("Connection", "close");
		this.json.writeValue(response.getOutputStream(),
				this.translator.problem(status, slug, List.of(), this.locales.resolveLocale(request)));
	}

}

package nl.meldpunt.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import nl.meldpunt.portal.PortalProperties;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Bounds every JSON request body of the browser API before anything parses it, so an
 * oversized body costs the portal no memory: a declared length over the limit is refused
 * at once, an undeclared (chunked) one is cut off as soon as it passes the limit.
 * Attachment chunks have their own limit in the mailbox API.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

	private final long limit;

	private final ProblemTranslator translator;

	private final LocaleResolver locales;

	private final ObjectMapper json;

	RequestSizeLimit(PortalProperties properties, ProblemTranslator translator, LocaleResolver localeResolver,
			ObjectMapper json) {
		// a sealed report in base64url plus its envelopes and routing fields
		this.limit = properties.maxItemBytes() * 4L / 3 + 256 * 1024;
		this.translator = translator;
		this.locales = localeResolver;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !request.getRequestURI().startsWith("/api/") || type == null
				|| type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_OCTET_STREAM_VALUE);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit) {
			response.setStatus(413);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(), this.translator.problem(413, "request-too-large",
					java.util.List.of(), this.locales.resolveLocale(request)));
			return;
		}
		chain.doFilter(new Bounded(request, this.limit), response);
	}

	/** The body passed the limit while it was read. */
	static final class BodyTooLarge extends IOException {

		BodyTooLarge() {
			super("Request body over the limit", null);
		}

	}

	/** A request whose body stream fails once it passes the limit. */
	private static final class Bounded extends HttpServletRequestWrapper {

		private final long limit;

		Bounded(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			InputStream body = super.getInputStream();
			long limit = this.limit;
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = body.read();
					count((b < 0) ? 0 : 1);
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = body.read(buffer, offset, length);
					count(Math.max(n, 0));
					return n;
				}

				private void count(int n) throws IOException {
					this.read += n;
					if (this.read > limit) {
						throw new BodyTooLarge();
					}
				}

				@Override
				public boolean isFinished() {
					return false;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("blocking reads only");
				}

			};
		}

	}

}

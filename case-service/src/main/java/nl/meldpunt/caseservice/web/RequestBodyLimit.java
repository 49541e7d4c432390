package nl.meldpunt.caseservice.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.internalapi.Limits;

/**
 * No request body is ever read past {@link Limits#MAX_BODY_BYTES}, whatever its path,
 * content type or declared length: the internal API's own limit, and the whole service's.
 * A declared length over it is refused before anything reads it; an undeclared one fails
 * as soon as it passes it (413 {@code request-too-large}). The chunk upload reads with
 * its own, tighter limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimit extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > Limits.MAX_BODY_BYTES) {
			response.setHeader("Connection", "close");
			ProblemResponses.write(response, Problem.REQUEST_TOO_LARGE, "The request is too large.");
			return;
		}
		chain.doFilter(new Bounded(request), response);
	}

	/** The body passed the limit while it was read. */
	static final class BodyTooLarge extends IOException {

		BodyTooLarge() {
			super("Request body over the limit", null);
		}

	}

	/** A request whose body stream fails once it passes the limit. */
	private static final class Bounded extends HttpServletRequestWrapper {

		Bounded(HttpServletRequest request) {
			super(request);
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					(encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1));
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			InputStream body = super.getInputStream();
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
					if (this.read > Limits.MAX_BODY_BYTES) {
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

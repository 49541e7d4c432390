package nl.meldpunt.internalapi.servlet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body stream fails with {@link BodyTooLarge} as soon as more than
 * {@code limit} bytes have been read from it, through {@link #getInputStream()} or
 * {@link #getReader()}. The body-limit filters of both applications wrap every request in
 * it; blocking reads only.
 */
public final class BoundedRequest extends HttpServletRequestWrapper {

	private final long limit;

	public BoundedRequest(HttpServletRequest request, long limit) {
		super(request);
		this.limit = limit;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		String encoding = getCharacterEncoding();
		return new BufferedReader(new InputStreamReader(getInputStream(),
				(encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1));
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		return new Counting(super.getInputStream(), this.limit);
	}

	/** The body passed the limit while it was read. */
	public static final class BodyTooLarge extends IOException {

		BodyTooLarge() {
			super("Request body over the limit", null);
		}

	}

	private static final class Counting extends ServletInputStream {

		private final InputStream body;

		private final long limit;

		private long read;

		Counting(InputStream body, long limit) {
			this.body = body;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.body.read();
			count((b < 0) ? 0 : 1);
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.body.read(buffer, offset, length);
			count(Math.max(n, 0));
			return n;
		}

		private void count(int n) throws IOException {
			this.read += n;
			if (this.read > this.limit) {
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

	}

}

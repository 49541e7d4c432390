package nl.meldpunt.caseservice.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;

/** Raw request bodies read with a hard limit, for the octet-stream uploads. */
public final class RequestBodies {

	private RequestBodies() {
	}

	/** Reads the body, refusing it as soon as it outgrows {@code max} bytes. */
	public static byte[] readBounded(HttpServletRequest request, int max) throws IOException {
		if (request.getContentLengthLong() > max) {
			throw tooLarge();
		}
		try (InputStream body = request.getInputStream()) {
			byte[] bytes = body.readNBytes(max + 1);
			if (bytes.length > max) {
				throw tooLarge();
			}
			return bytes;
		}
	}

	private static Refusal tooLarge() {
		return new Refusal(Problem.ATTACHMENT_TOO_LARGE, "This chunk is too large.");
	}

}

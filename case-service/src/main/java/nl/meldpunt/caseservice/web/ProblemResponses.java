package nl.meldpunt.caseservice.web;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Writes a ProblemDetail from places outside Spring MVC (security filters). */
public final class ProblemResponses {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ProblemResponses() {
	}

	public static void write(HttpServletResponse response, HttpStatus status, String slug, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), Problems.problem(status, slug, detail, List.of()));
	}

}

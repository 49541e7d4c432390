package nl.meldpunt.caseservice.web;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import nl.meldpunt.caseservice.problem.Problem;

/** Writes a ProblemDetail from places outside Spring MVC (security filters). */
public final class ProblemResponses {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ProblemResponses() {
	}

	public static void write(HttpServletResponse response, Problem problem, String detail) throws IOException {
		HttpStatus status = Problems.statusOf(problem);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), Problems.problem(status, problem.slug(), detail, List.of()));
	}

}

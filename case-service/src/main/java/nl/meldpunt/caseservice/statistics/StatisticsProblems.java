package nl.meldpunt.caseservice.statistics;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * How the statistics refuse: a {@link ProblemDetail} with a stable type, nothing more.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(
		assignableTypes = { StatisticsController.class, StatisticsApiController.class, StatisticsAdminApi.class })
class StatisticsProblems {

	@ExceptionHandler(StatisticsReports.NotADirector.class)
	ProblemDetail notADirector() {
		return problem(HttpStatus.FORBIDDEN, "statistics-for-directors-only",
				"Statistics are available to directors of the organisation only.");
	}

	@ExceptionHandler({ StatisticsReports.InvalidPeriod.class, MethodArgumentTypeMismatchException.class })
	ProblemDetail invalidPeriod() {
		return problem(HttpStatus.BAD_REQUEST, "invalid-period",
				"Ask for a published period: a quarter (2026-Q1), a year (2026) or three years (2024-2026), "
						+ "and a version only together with a period.");
	}

	@ExceptionHandler(StatisticsReports.NotPublished.class)
	ProblemDetail notPublished() {
		return problem(HttpStatus.NOT_FOUND, "release-not-published",
				"Nothing has been published for that period: only ended periods are published, "
						+ "after their settling delay.");
	}

	@ExceptionHandler(Releases.Tampered.class)
	ProblemDetail tampered() {
		return problem(HttpStatus.CONFLICT, "release-tampered",
				"A published release no longer matches its checksum and is not shown.");
	}

	@ExceptionHandler(Texts.UnsupportedLanguage.class)
	ProblemDetail unsupportedLanguage() {
		return problem(HttpStatus.BAD_REQUEST, "unsupported-language", "The language must be nl or en.");
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://meldpunt.nl/problems/" + slug));
		return problem;
	}

}

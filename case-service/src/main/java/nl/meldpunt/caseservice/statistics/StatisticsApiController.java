package nl.meldpunt.caseservice.statistics;

import java.util.List;

import nl.meldpunt.caseservice.accounts.Caller;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same published releases as JSON, for organisations that feed their own HR
 * dashboards: only the director's own organisation (and its pool), only what was
 * published.
 */
@RestController
@RequestMapping("/api/statistics")
class StatisticsApiController {

	/** One published period: its key, newest version, publication day and level. */
	record Summary(String period, String label, int version, java.time.LocalDate publishedOn, Granularity granularity) {
	}

	private final StatisticsReports reports;

	StatisticsApiController(StatisticsReports reports) {
		this.reports = reports;
	}

	/**
	 * One release: {@code ?period=2026&version=1}, or the newest year without a period.
	 */
	@GetMapping
	ResponseEntity<StatisticsRelease> release(@AuthenticationPrincipal Caller caller,
			@RequestParam(required = false) String period, @RequestParam(required = false) Integer version) {
		StatisticsRelease release = this.reports.release(caller, period, version)
			.orElseThrow(StatisticsReports.NotPublished::new);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(release);
	}

	/** Every published period, newest first. */
	@GetMapping("/releases")
	ResponseEntity<List<Summary>> releases(@AuthenticationPrincipal Caller caller) {
		List<Summary> summaries = this.reports.select(caller, null, null)
			.periods()
			.stream()
			.map((r) -> new Summary(r.period().key(), r.period().label(), r.version(), r.publishedOn(),
					r.granularity()))
			.toList();
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(summaries);
	}

}

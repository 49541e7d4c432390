package nl.meldpunt.caseservice.statistics;

import nl.meldpunt.caseservice.accounts.Caller;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same protected release as JSON, for organisations that feed their own HR
 * dashboards: only whole years, only the director's own organisation.
 */
@RestController
@RequestMapping("/api/statistics")
class StatisticsApiController {

	private final StatisticsReports reports;

	StatisticsApiController(StatisticsReports reports) {
		this.reports = reports;
	}

	@GetMapping
	ResponseEntity<StatisticsRelease> release(@AuthenticationPrincipal Caller caller,
			@RequestParam(required = false) Integer year) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(this.reports.release(caller, year));
	}

}

package nl.meldpunt.caseservice.statistics;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import nl.meldpunt.caseservice.accounts.Caller;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The director's dashboard and the accountability report (PDF, CSV) of one published
 * release ({@code ?period=2026&version=1}; without a period the newest year). Pages carry
 * their own strict CSP as well: no script at all, styles only from this origin.
 */
@Controller
@RequestMapping("/statistics")
class StatisticsController {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	private final StatisticsReports reports;

	StatisticsController(StatisticsReports reports) {
		this.reports = reports;
	}

	@GetMapping
	String dashboard(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String period,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String lang, Model model,
			HttpServletResponse response) {
		Texts texts = Texts.of(lang);
		model.addAttribute("view", DashboardView.of(this.reports.select(caller, period, version), texts));
		model.addAttribute("t", texts);
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return "statistics/dashboard";
	}

	@GetMapping("/report.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String period,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String lang) {
		Texts texts = Texts.of(lang);
		StatisticsRelease release = this.reports.release(caller, period, version)
			.orElseThrow(StatisticsReports.NotPublished::new);
		return download(AccountabilityPdf.render(release, texts), MediaType.APPLICATION_PDF,
				fileName(texts, release, "pdf"));
	}

	@GetMapping("/report.csv")
	ResponseEntity<byte[]> csv(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String period,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String lang) {
		Texts texts = Texts.of(lang);
		StatisticsRelease release = this.reports.release(caller, period, version)
			.orElseThrow(StatisticsReports.NotPublished::new);
		return download(AccountabilityCsv.render(release, texts).getBytes(StandardCharsets.UTF_8),
				new MediaType("text", "csv", StandardCharsets.UTF_8), fileName(texts, release, "csv"));
	}

	private static String fileName(Texts texts, StatisticsRelease release, String extension) {
		String base = "nl".equals(texts.lang()) ? "verantwoording-meldingen-" : "accountability-report-";
		return base + release.period().key() + "-v" + release.version() + "-" + texts.lang() + "." + extension;
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

}

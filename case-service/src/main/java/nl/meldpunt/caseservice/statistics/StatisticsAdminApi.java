package nl.meldpunt.caseservice.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.accounts.Role;
import nl.meldpunt.caseservice.audit.ActorKind;
import nl.meldpunt.caseservice.audit.AuditAction;
import nl.meldpunt.caseservice.audit.AuditLog;
import nl.meldpunt.caseservice.ids.AccountId;
import nl.meldpunt.caseservice.ids.OrganisationId;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's statistics settings (k itself is the organisation setting,
 * {@code PUT /api/admin/organisation/settings}, shown here read-only), publishing what is
 * due now rather than at night, and corrections. Never a figure: administrators see no
 * statistics.
 */
@RestController
@RequestMapping("/api/admin/statistics")
class StatisticsAdminApi {

	/** What an administrator may set. */
	record Settings(@Positive @DecimalMax("10") Double epsilon, @NotNull @Min(7) @Max(366) Integer settlingDays,
			@Min(0) @Max(100) Integer protectionUpTo, @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}") String pool) {
	}

	/** The settings in force, k included. */
	record View(int minCellSize, Double epsilon, int settlingDays, int protectionUpTo, String pool) {
	}

	/** A correction asked for. */
	record Correction(@NotNull @Pattern(regexp = "\\d{4}(-Q[1-4]|-\\d{4})?") String period) {
	}

	/** What was published: period and version. */
	record Published(String period, int version) {
	}

	private final DisclosureSettingsStore settings;

	private final StatisticsPublisher publisher;

	private final AuditLog audit;

	private final Clock clock;

	StatisticsAdminApi(DisclosureSettingsStore settings, StatisticsPublisher publisher, AuditLog audit, Clock clock) {
		this.settings = settings;
		this.publisher = publisher;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/settings")
	@Transactional(readOnly = true)
	View view(@AuthenticationPrincipal Caller caller) {
		requireAdmin(caller);
		DisclosureSettings current = this.settings.forOrganisation(caller.organisationId());
		return new View(current.minCellSize(), current.epsilon(), current.settlingDays(), current.protection(),
				current.pool());
	}

	@PutMapping("/settings")
	@Transactional
	View update(@AuthenticationPrincipal Caller caller, @Valid @RequestBody Settings update) {
		requireAdmin(caller);
		DisclosureSettings current = this.settings.forOrganisation(caller.organisationId());
		this.settings.update(caller.organisationId(), new DisclosureSettings(current.minCellSize(), update.epsilon(),
				update.settlingDays(), update.protectionUpTo(), update.pool()));
		this.audit.record(OrganisationId.of(caller.organisationId()), ActorKind.ADMIN, AccountId.of(caller.accountId()),
				AuditAction.STATISTICS_SETTINGS_CHANGED, null, null);
		return view(caller);
	}

	/** Publishes every period that is due today (the nightly job does the same). */
	@PostMapping("/publications")
	List<Published> publish(@AuthenticationPrincipal Caller caller) {
		requireAdmin(caller);
		return this.publisher.publishDue(caller.organisationId(), LocalDate.now(this.clock))
			.stream()
			.map((r) -> new Published(r.period().key(), r.version()))
			.toList();
	}

	/**
	 * A new version of a published period, audited together with every earlier release;
	 * refused when nothing behind it changed.
	 */
	@PostMapping("/corrections")
	@ResponseStatus(HttpStatus.CREATED)
	Published correct(@AuthenticationPrincipal Caller caller, @Valid @RequestBody Correction correction) {
		requireAdmin(caller);
		Period period = Period.parse(correction.period());
		if (period == null) {
			throw new StatisticsReports.InvalidPeriod();
		}
		StatisticsRelease release = this.publisher.correct(caller.organisationId(), period, LocalDate.now(this.clock))
			.orElseThrow(() -> new Refusal(Problem.NOTHING_TO_CORRECT,
					"That period is not published, or nothing behind it changed."));
		return new Published(release.period().key(), release.version());
	}

	private static void requireAdmin(Caller caller) {
		if (caller == null || !caller.is(Role.ADMIN)) {
			throw new Refusal(Problem.FORBIDDEN, "Only an administrator may do this.");
		}
	}

}

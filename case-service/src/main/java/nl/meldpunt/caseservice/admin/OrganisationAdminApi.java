package nl.meldpunt.caseservice.admin;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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

import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.audit.ActorKind;
import nl.meldpunt.caseservice.audit.AuditAction;
import nl.meldpunt.caseservice.audit.AuditLog;
import nl.meldpunt.caseservice.ids.AccountId;
import nl.meldpunt.caseservice.ids.OrganisationId;
import nl.meldpunt.caseservice.organisations.Categories;
import nl.meldpunt.caseservice.organisations.Category;
import nl.meldpunt.caseservice.organisations.Hotline;
import nl.meldpunt.caseservice.organisations.Hotlines;
import nl.meldpunt.caseservice.organisations.Organisation;
import nl.meldpunt.caseservice.organisations.OrganisationUnit;
import nl.meldpunt.caseservice.organisations.OrganisationUnits;
import nl.meldpunt.caseservice.organisations.Organisations;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;

/**
 * The administrator's configuration of their own organisation: retention, disclosure
 * threshold (never below 3), attachment limit, access code, categories, units and
 * hotlines. Nothing here touches a case; every change is audited with the administrator
 * who made it.
 */
@RestController
@RequestMapping("/api/admin/organisation")
class OrganisationAdminApi {

	record Settings(@Min(1) @Max(240) int retentionMonths,
			@Min(Organisation.MIN_CELL_SIZE_FLOOR) @Max(100) int minCellSize,
			@Min(1) @Max(1L << 32) long maxAttachmentBytes, @Size(min = 4, max = 100) String accessCode,
			boolean removeAccessCode) {
	}

	record Named(@NotBlank @Pattern(regexp = "[a-z0-9-]{1,40}") String code, @NotBlank @Size(max = 120) String nameNl,
			@NotBlank @Size(max = 120) String nameEn) {
	}

	record NewHotline(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 1000) String descriptionNl,
			@NotBlank @Size(max = 1000) String descriptionEn, @NotBlank @Size(max = 300) String contact) {
	}

	record View(String slug, String name, int retentionMonths, int minCellSize, long maxAttachmentBytes,
			boolean accessCodeRequired, List<Named> categories, List<Named> units, List<Map<String, Object>> hotlines) {
	}

	private final Organisations organisations;

	private final Categories categories;

	private final OrganisationUnits units;

	private final Hotlines hotlines;

	private final AuditLog audit;

	OrganisationAdminApi(Organisations organisations, Categories categories, OrganisationUnits units, Hotlines hotlines,
			AuditLog audit) {
		this.organisations = organisations;
		this.categories = categories;
		this.units = units;
		this.hotlines = hotlines;
		this.audit = audit;
	}

	@GetMapping
	@Transactional(readOnly = true)
	View view(@AuthenticationPrincipal Caller caller) {
		Organisation organisation = this.organisations.findById(caller.organisationId()).orElseThrow();
		return new View(organisation.slug(), organisation.name(), organisation.retentionMonths(),
				organisation.minCellSize(), organisation.maxAttachmentBytes(), organisation.accessCodeRequired(),
				this.categories.findByOrganisationIdOrderByPosition(organisation.id())
					.stream()
					.map((c) -> new Named(c.code(), c.nameNl(), c.nameEn()))
					.toList(),
				this.units.findByOrganisationIdOrderByCode(organisation.id())
					.stream()
					.map((u) -> new Named(u.code(), u.nameNl(), u.nameEn()))
					.toList(),
				this.hotlines.findByOrganisationIdOrderByName(organisation.id())
					.stream()
					.map((h) -> Map.<String, Object>of("id", h.id(), "name", h.name(), "contact", h.contact()))
					.toList());
	}

	@PutMapping("/settings")
	@Transactional
	View settings(@AuthenticationPrincipal Caller caller, @Valid @RequestBody Settings settings) {
		Organisation organisation = this.organisations.findById(caller.organisationId()).orElseThrow();
		organisation.retainFor(settings.retentionMonths());
		organisation.limitCellsTo(settings.minCellSize());
		organisation.limitAttachmentsTo(settings.maxAttachmentBytes());
		if (settings.removeAccessCode()) {
			organisation.requireAccessCode(null);
		}
		else if (settings.accessCode() != null) {
			organisation.requireAccessCode(settings.accessCode());
		}
		audit(caller, AuditAction.SETTINGS_CHANGED, null);
		return view(caller);
	}

	@PostMapping("/categories")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	Named addCategory(@AuthenticationPrincipal Caller caller, @Valid @RequestBody Named category) {
		if (this.categories.existsByOrganisationIdAndCode(caller.organisationId(), category.code())) {
			throw new Refusal(Problem.CODE_TAKEN, "This code is already in use.");
		}
		int position = this.categories.findByOrganisationIdOrderByPosition(caller.organisationId()).size();
		this.categories.save(
				new Category(caller.organisationId(), category.code(), category.nameNl(), category.nameEn(), position));
		audit(caller, AuditAction.CATEGORY_ADDED, category.code());
		return category;
	}

	@PostMapping("/units")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	Named addUnit(@AuthenticationPrincipal Caller caller, @Valid @RequestBody Named unit) {
		if (this.units.existsByOrganisationIdAndCode(caller.organisationId(), unit.code())) {
			throw new Refusal(Problem.CODE_TAKEN, "This code is already in use.");
		}
		this.units.save(new OrganisationUnit(caller.organisationId(), unit.code(), unit.nameNl(), unit.nameEn()));
		audit(caller, AuditAction.UNIT_ADDED, unit.code());
		return unit;
	}

	@PostMapping("/hotlines")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	Map<String, UUID> addHotline(@AuthenticationPrincipal Caller caller, @Valid @RequestBody NewHotline hotline) {
		Hotline saved = this.hotlines.save(new Hotline(UUID.randomUUID(), caller.organisationId(), hotline.name(),
				hotline.descriptionNl(), hotline.descriptionEn(), hotline.contact()));
		audit(caller, AuditAction.HOTLINE_ADDED, saved.id().toString());
		return Map.of("hotlineId", saved.id());
	}

	/** Every change is audited with the administrator who made it. */
	private void audit(Caller caller, AuditAction action, String detail) {
		this.audit.record(OrganisationId.of(caller.organisationId()), ActorKind.ADMIN, AccountId.of(caller.accountId()),
				action, null, detail);
	}

}
